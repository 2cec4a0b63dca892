// Page metadata. Every source fills its own slot; the most specific wins:
// JSON-LD (written for search engines, usually exact), then OpenGraph and
// article:* properties, then classic meta names, then <title>.
#include "feeds/extract/metadata.hpp"

#include <array>
#include <boost/json.hpp>
#include <map>
#include <set>
#include <vector>

#include "feeds/date/date.hpp"
#include "feeds/text/html_text.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve {
namespace {
namespace json = boost::json;

struct Gathered {
  std::map<std::string, std::string> meta;  // lower-cased property/name/itemprop -> first content
  std::string title_element;
  std::string canonical_link;
  std::vector<std::string> json_ld;
  std::string first_time_datetime;
};

class MetaCollector {
 public:
  explicit MetaCollector(Gathered& out) : out_(out) {}
  bool enter(const GumboNode& node) {
    if (node.type != GUMBO_NODE_ELEMENT) return false;
    switch (node.v.element.tag) {
      case GUMBO_TAG_META: return meta(node), false;
      case GUMBO_TAG_LINK: return link(node), false;
      case GUMBO_TAG_TITLE:
        if (out_.title_element.empty()) out_.title_element = html::text_of(node);
        return false;
      case GUMBO_TAG_SCRIPT:
        if (html::lower(html::attribute(node, "type")) == "application/ld+json") out_.json_ld.push_back(raw_text(node));
        return false;
      case GUMBO_TAG_TIME:
        if (out_.first_time_datetime.empty()) out_.first_time_datetime = html::attribute(node, "datetime");
        return true;
      case GUMBO_TAG_STYLE: return false;
      default: return true;
    }
  }
  void leave(const GumboNode&) {}

 private:
  static std::string raw_text(const GumboNode& node) {
    std::string text;
    const GumboVector& children = node.v.element.children;
    for (unsigned i = 0; i < children.length; ++i) {
      const auto* child = static_cast<const GumboNode*>(children.data[i]);
      if (child->type == GUMBO_NODE_TEXT || child->type == GUMBO_NODE_CDATA) text += child->v.text.text;
    }
    return text;
  }
  void meta(const GumboNode& node) {
    const std::string_view content = html::attribute(node, "content");
    if (content.empty()) return;
    for (const char* key : {"property", "name", "itemprop"}) {
      const std::string name = html::lower(html::attribute(node, key));
      if (!name.empty()) out_.meta.try_emplace(name, collapse_whitespace(content));
    }
  }
  void link(const GumboNode& node) {
    if (out_.canonical_link.empty() && html::lower(html::attribute(node, "rel")) == "canonical")
      out_.canonical_link = html::attribute(node, "href");
  }
  Gathered& out_;
};

// ---- JSON-LD

bool is_article_type(const json::value& type) {
  const auto matches = [](std::string_view t) {
    return t.ends_with("Article") || t == "BlogPosting" || t == "Report" || t == "LiveBlogPosting" ||
           t == "SocialMediaPosting" || t == "WebPage";
  };
  if (type.is_string()) return matches(type.get_string());
  if (type.is_array())
    for (const auto& t : type.get_array())
      if (t.is_string() && matches(t.get_string())) return true;
  return false;
}

bool is_web_page(const json::object& object) {
  const json::value* type = object.if_contains("@type");
  return type && type->is_string() && type->get_string() == "WebPage";
}

// Depth-first over arrays, @graph and nested objects; an Article beats a WebPage.
void find_articles(const json::value& value, std::vector<const json::object*>& found, int depth = 0) {
  if (depth > 8) return;
  if (value.is_array()) {
    for (const auto& element : value.get_array()) find_articles(element, found, depth + 1);
    return;
  }
  if (!value.is_object()) return;
  const json::object& object = value.get_object();
  if (const json::value* type = object.if_contains("@type"); type && is_article_type(*type)) found.push_back(&object);
  if (const json::value* graph = object.if_contains("@graph")) find_articles(*graph, found, depth + 1);
  if (const json::value* main = object.if_contains("mainEntity")) find_articles(*main, found, depth + 1);
}

std::string string_field(const json::object& object, std::string_view key) {
  const json::value* value = object.if_contains(key);
  if (value == nullptr) return {};
  if (value->is_string()) return collapse_whitespace(std::string(value->get_string()));
  if (value->is_object()) return string_field(value->get_object(), "name");
  return {};
}

std::string authors_of(const json::object& article) {
  const json::value* author = article.if_contains("author");
  if (author == nullptr) return {};
  // Whole names, each once ("Jo" is not a repeat of "Joanna Li"); a byline
  // of more than a few dozen names is a list of something else.
  constexpr std::size_t kMaxAuthors = 32;
  std::string joined;
  std::set<std::string> seen;
  const auto add = [&](const std::string& name) {
    if (name.empty() || seen.size() >= kMaxAuthors || !seen.insert(name).second) return;
    if (!joined.empty()) joined += ", ";
    joined += name;
  };
  if (author->is_string()) add(collapse_whitespace(std::string(author->get_string())));
  if (author->is_object()) add(string_field(author->get_object(), "name"));
  if (author->is_array())
    for (const auto& one : author->get_array()) {
      if (one.is_string()) add(collapse_whitespace(std::string(one.get_string())));
      if (one.is_object()) add(string_field(one.get_object(), "name"));
    }
  return joined;
}

struct JsonLdFacts {
  std::string headline, byline, published, url;
};

JsonLdFacts read_json_ld(const std::vector<std::string>& scripts) {
  JsonLdFacts facts;
  std::vector<const json::object*> articles;
  std::vector<json::value> parsed;  // keeps the objects `articles` points into alive
  parsed.reserve(scripts.size());
  for (const auto& script : scripts) {
    json::error_code ec;
    json::value value = json::parse(script, ec);
    if (!ec) parsed.push_back(std::move(value));
  }
  for (const auto& value : parsed) find_articles(value, articles);
  std::stable_partition(articles.begin(), articles.end(), [](const json::object* o) { return !is_web_page(*o); });
  for (const json::object* article : articles) {
    if (facts.headline.empty()) facts.headline = string_field(*article, "headline");
    if (facts.byline.empty()) facts.byline = authors_of(*article);
    if (facts.published.empty()) facts.published = string_field(*article, "datePublished");
    if (facts.url.empty()) facts.url = string_field(*article, "url");
  }
  return facts;
}

// ---- choosing

std::string first_of(const Gathered& g, std::initializer_list<const char*> keys) {
  for (const char* key : keys)
    if (const auto found = g.meta.find(key); found != g.meta.end() && !found->second.empty()) return found->second;
  return {};
}

std::optional<Timestamp> first_date(std::initializer_list<std::string> candidates) {
  for (const auto& candidate : candidates)
    if (!candidate.empty())
      if (auto parsed = parse_date(candidate)) return parsed;
  return std::nullopt;
}

std::string byline_of(const Gathered& g, const JsonLdFacts& ld) {
  if (!ld.byline.empty()) return ld.byline;
  for (const char* key : {"author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author"}) {
    std::string value = first_of(g, {key});
    if (value.empty() || is_web_url(value)) continue;
    if (value.size() > 3 && html::lower(value.substr(0, 3)) == "by ") value.erase(0, 3);
    return value;
  }
  return {};
}

}  // namespace

PageMetadata read_metadata(const HtmlDocument& document, std::string_view page_url) {
  Gathered gathered;
  MetaCollector collector(gathered);
  text_detail::walk(document.root().v.element.children, collector);
  const JsonLdFacts ld = read_json_ld(gathered.json_ld);

  PageMetadata meta;
  meta.title = !ld.headline.empty() ? ld.headline : first_of(gathered, {"og:title", "twitter:title", "headline"});
  if (meta.title.empty()) meta.title = gathered.title_element;
  meta.byline = byline_of(gathered, ld);
  meta.published = first_date({ld.published, first_of(gathered, {"article:published_time", "datepublished",
                                                                  "og:article:published_time", "pubdate",
                                                                  "publishdate", "publish-date", "dc.date.issued",
                                                                  "dcterms.created", "date", "sailthru.date"}),
                               gathered.first_time_datetime});
  std::string canonical = gathered.canonical_link;
  if (canonical.empty()) canonical = first_of(gathered, {"og:url"});
  if (canonical.empty()) canonical = ld.url;
  meta.canonical_url = canonical.empty() ? std::string(page_url)
                                         : (page_url.empty() ? canonical : resolve_url(page_url, canonical));
  return meta;
}

}  // namespace feedsieve
