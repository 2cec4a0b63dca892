// Scraping: the page as a pugixml document (xml_view), the item selector over
// the whole of it, the field selectors under each item. A field selector may
// select nodes (the first in document order is used: an attribute's value, or
// an element's text, or for links and dates the attribute that holds the
// machine-readable value) or compute a string (concat(), normalize-space()...).
#include "feeds/scrape/scrape.hpp"

#include <algorithm>
#include <array>
#include <set>

#include "feeds/date/date.hpp"
#include "feeds/html/page_charset.hpp"
#include "feeds/scrape/xml_view.hpp"
#include "feeds/text/html_text.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve {
namespace {

// Elements that sit inside a line of text: no word break around them.
constexpr std::array<std::string_view, 20> kInline = {"a",    "abbr", "b",    "bdi",  "cite", "code", "em",
                                                      "font", "i",    "kbd",  "mark", "q",    "s",    "small",
                                                      "span", "strong", "sub", "sup", "time", "u"};

bool breaks_words(const pugi::xml_node node) {
  return node.type() == pugi::node_element &&
         std::find(kInline.begin(), kInline.end(), std::string_view(node.name())) == kInline.end();
}

// The element's text, blocks separated by a space, whitespace collapsed.
std::string text_of(const pugi::xml_node top) {
  std::string text;
  pugi::xml_node node = top.first_child();
  while (node) {
    if (node.type() == pugi::node_pcdata) text += node.value();
    if (breaks_words(node)) text += ' ';
    if (node.first_child()) {
      node = node.first_child();
      continue;
    }
    while (node != top && !node.next_sibling()) {
      node = node.parent();
      if (breaks_words(node)) text += ' ';
    }
    node = node == top ? pugi::xml_node() : node.next_sibling();
  }
  return collapse_whitespace(text);
}

pugi::xpath_query compile(const std::string& xpath, std::string_view field) {
  try {
    return pugi::xpath_query(xpath.c_str());
  } catch (const pugi::xpath_exception& e) {
    throw ScrapeError("the " + std::string(field) + " selector \"" + xpath + "\" is not XPath 1.0: " +
                      e.result().description());
  }
}

struct Queries {
  pugi::xpath_query item, title, link;
  std::optional<pugi::xpath_query> date, summary;
};

Queries compile_all(const PageSelectors& s) {
  Queries q{compile(s.item, "item"), compile(s.title, "title"), compile(s.link, "link"), {}, {}};
  if (q.item.return_type() != pugi::xpath_type_node_set)
    throw ScrapeError("the item selector \"" + s.item + "\" must select nodes, not compute a value");
  if (!s.date.empty()) q.date = compile(s.date, "date");
  if (!s.summary.empty()) q.summary = compile(s.summary, "summary");
  return q;
}

// What a field selector gives for one item. `preferred`: the attributes that
// hold the field's value on the selected element (href for links, datetime
// for dates), tried before its text.
std::string field(const pugi::xpath_query& query, const pugi::xml_node item,
                  std::initializer_list<const char*> preferred = {}) {
  if (query.return_type() != pugi::xpath_type_node_set) return collapse_whitespace(query.evaluate_string(item));
  const pugi::xpath_node first = query.evaluate_node(item);
  if (first.attribute()) return collapse_whitespace(first.attribute().value());
  if (!first.node()) return {};
  for (const char* name : preferred)
    if (const pugi::xml_attribute attribute = first.node().attribute(name)) return collapse_whitespace(attribute.value());
  return text_of(first.node());
}

class ItemReader {
 public:
  ItemReader(const Queries& queries, std::string base, ParsedFeed& feed)
      : queries_(queries), base_(std::move(base)), feed_(feed) {}

  void read(const pugi::xml_node node) {
    Item item;
    item.title = field(queries_.title, node);
    const std::string link = field(queries_.link, node, {"href"});
    if (!link.empty()) item.link = resolve_url(base_, link);
    if (!is_web_url(item.link)) item.link.clear();  // javascript:, mailto:, "#"
    if (item.title.empty()) {
      ++untitled_;
      return;
    }
    item.id = item.link.empty() ? item.title : item.link;
    if (!ids_.insert(item.id).second) return;  // the same story in two places on the page
    if (queries_.date) read_date(field(*queries_.date, node, {"datetime", "content"}), item);
    if (queries_.summary) item.summary = field(*queries_.summary, node);
    feed_.items.push_back(std::move(item));
  }

  std::size_t untitled() const { return untitled_; }

 private:
  void read_date(const std::string& text, Item& item) {
    if (text.empty()) return;
    item.published = parse_date(text);
    if (!item.published) feed_.warnings.push_back("\"" + item.title + "\": cannot read the date \"" + text + "\"");
  }

  const Queries& queries_;
  const std::string base_;
  ParsedFeed& feed_;
  std::set<std::string> ids_;
  std::size_t untitled_ = 0;
};

std::string first_string(const pugi::xml_document& xml, const char* xpath) {
  return collapse_whitespace(pugi::xpath_query(xpath).evaluate_string(xml));
}

}  // namespace

ParsedFeed scrape_page(std::string_view bytes, const ScrapeOptions& options) {
  const Queries queries = compile_all(options.selectors);
  const HtmlDocument document(decode_html_page(bytes, options.content_type).utf8);
  const pugi::xml_document xml = xml_view(document);
  ParsedFeed feed;
  feed.title = first_string(xml, "/html/head/title");
  feed.description = first_string(xml, "/html/head/meta[@name='description']/@content");
  feed.link = options.url;
  const std::string base_href = first_string(xml, "(//base/@href)[1]");
  const std::string base = base_href.empty() ? options.url : resolve_url(options.url, base_href);

  const pugi::xpath_node_set nodes = queries.item.evaluate_node_set(xml);
  if (nodes.empty())
    throw ScrapeError("the item selector \"" + options.selectors.item + "\" matched nothing on the page");
  ItemReader reader(queries, base, feed);
  for (const pugi::xpath_node& node : nodes)
    if (node.node()) reader.read(node.node());
  if (feed.items.empty())
    throw ScrapeError("the item selector \"" + options.selectors.item + "\" matched " + std::to_string(nodes.size()) +
                      " nodes, but the title selector \"" + options.selectors.title + "\" found no text in any");
  if (reader.untitled() > 0)
    feed.warnings.push_back(std::to_string(reader.untitled()) + " matched items had no title and were skipped");
  return feed;
}

}  // namespace feedsieve
