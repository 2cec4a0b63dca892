#include "feeds/parse/rss_item.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <utility>

#include "feeds/parse/xml_tree.hpp"
#include "feeds/text/ascii.hpp"
#include "feeds/text/html_text.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve::parse_detail {
namespace {

constexpr std::array<std::string_view, 10> kModuleNamespaces{
    ns::dc, ns::dcterms, ns::content, ns::media, ns::atom10, ns::atom03, ns::xhtml, ns::rdf, ns::xml, ns::itunes};

// An atom:link inside RSS: the alternate one is the item's link.
bool is_alternate_atom_link(pugi::xml_node node) {
  if (!is_element(node, ns::atom10, "link") && !is_element(node, ns::atom03, "link")) return false;
  const std::string_view rel = attribute(node, "", "rel");
  return rel.empty() || rel == "alternate";
}

void split_tags(std::vector<std::string>& categories, std::string_view text) {
  std::size_t start = 0;
  while (start <= text.size()) {
    const std::size_t comma = std::min(text.find(',', start), text.size());
    add_unique(categories, collapse_whitespace(text.substr(start, comma - start)));
    start = comma + 1;
  }
}

// Slots where the first element found wins; alternatives fill in later.
struct Slots {
  pugi::xml_node title, dc_title, media_title;
  pugi::xml_node description, dc_description, media_description, itunes_summary, itunes_subtitle, summary;
  bool summary_first = false;  // a <summary> came before the <description>
  pugi::xml_node itunes_author;
  pugi::xml_node content, body;
  pugi::xml_node link, atom_link, guid;
  pugi::xml_node pub_date, dc_date, issued, created, published, modified, updated;
  pugi::xml_node dc_language;
};

Enclosure media_enclosure(pugi::xml_node node, const Context& context) {
  return {resolve_link(node, attribute(node, "", "url"), context), std::string(attribute(node, "", "type")),
          parse_length(attribute(node, "", "fileSize"))};
}

// Namespaces RSS's own elements have been published in.
constexpr std::array<std::string_view, 4> kRssNamespaces{ns::rss10, ns::rss090, "http://backend.userland.com/rss2",
                                                         "http://backend.userland.com/rss"};

// Whether a child in namespace `uri` of an item or channel in `parent_ns` is
// read at all: RSS's own elements (no namespace, the parent's, or one RSS has
// used) and the known modules. An element of any other namespace is an
// extension that may reuse a core name (<ext:description> beside
// <description>) and must not stand in for it. So is an element whose prefix
// nothing declares (and no module convention names): its namespace reads as
// "", but it is not in no namespace. `qualified` is the child's name.
bool is_read_child(std::string_view qualified, std::string_view uri, std::string_view parent_ns) {
  if (uri.empty()) return qualified.find(':') == std::string_view::npos;
  return uri == parent_ns || is_module_namespace(uri) ||
         std::find(kRssNamespaces.begin(), kRssNamespaces.end(), uri) != kRssNamespaces.end();
}

// RSS's own names are read in any case (<Title>, <PubDate>, <LINK>), as
// the reference parser reads them: feeds written by hand get them wrong.
void read_rss_child(pugi::xml_node c, std::string_view name, Slots& s, RssWireItem& item, const Context& context) {
  const auto is = [name](std::string_view lower_case) { return ascii_iequals(name, lower_case); };
  if (is("title")) set_once(s.title, c);
  else if (is("link")) set_once(s.link, c);
  else if (is("guid")) set_once(s.guid, c);
  else if (is("description")) set_once(s.description, c);
  else if (is("summary")) {
    if (!s.summary) s.summary_first = !s.description;
    set_once(s.summary, c);
  }
  else if (is("pubdate")) set_once(s.pub_date, c);
  else if (is("body") || is("fullitem")) set_once(s.body, c);
  else if (is("author")) add_unique(item.authors, rss_person(Text(c).value()));
  else if (is("category")) add_unique(item.categories, collapse_whitespace(Text(c).value()));
  else if (is("tags") || is("keywords")) split_tags(item.categories, Text(c).value());
  else if (is("enclosure")) {
    add_enclosure(item.enclosures, {resolve_link(c, attribute(c, "", "url"), context),
                                    std::string(attribute(c, "", "type")), parse_length(attribute(c, "", "length"))});
  }
}

void read_child(pugi::xml_node c, std::string_view name, std::string_view uri, Slots& s, RssWireItem& item,
                const Context& context);

// The Media RSS elements inside a media:group (contents among them) or a
// media:content (a picture's title and description): the item's when it
// has none of its own. Groups do not nest, nor do contents.
void read_media_children(pugi::xml_node parent, bool contents_too, Slots& s, RssWireItem& item,
                         const Context& context) {
  for (const pugi::xml_node g : parent.children()) {
    const std::string_view qualified = g.name();
    const std::string_view name = local_name(qualified);
    if (g.type() == pugi::node_element && name != "group" && (contents_too || name != "content") &&
        context.scopes.namespace_of(g, qualified) == ns::media) {
      read_child(g, name, ns::media, s, item, context);
    }
  }
}

// Fills slots and the list fields from one child of <item>, in namespace `uri`.
// `name` is the child's local name.
void read_child(pugi::xml_node c, std::string_view name, std::string_view uri, Slots& s, RssWireItem& item,
                const Context& context) {
  if (!is_module_namespace(uri)) {
    read_rss_child(c, name, s, item, context);
  } else if (uri == ns::dc) {
    if (name == "title") set_once(s.dc_title, c);
    else if (name == "description") set_once(s.dc_description, c);
    else if (name == "creator" || name == "author") add_unique(item.authors, rss_person(Text(c).value()));
    else if (name == "subject") add_unique(item.categories, collapse_whitespace(Text(c).value()));
    else if (name == "date") set_once(s.dc_date, c);
    else if (name == "language") set_once(s.dc_language, c);
  } else if (uri == ns::dcterms) {
    if (name == "issued") set_once(s.issued, c);
    else if (name == "created") set_once(s.created, c);
    else if (name == "modified") set_once(s.modified, c);
  } else if (uri == ns::content && name == "encoded") {
    set_once(s.content, c);
  } else if (uri == ns::xhtml && name == "body") {
    set_once(s.body, c);
  } else if (uri == ns::media) {
    if (name == "content") {
      add_enclosure(item.enclosures, media_enclosure(c, context));
      read_media_children(c, false, s, item, context);
    }
    else if (name == "title") set_once(s.media_title, c);
    else if (name == "description") set_once(s.media_description, c);
    else if (name == "category") add_unique(item.categories, collapse_whitespace(Text(c).value()));
    else if (name == "group") read_media_children(c, true, s, item, context);
  } else if (uri == ns::itunes) {
    if (name == "author") set_once(s.itunes_author, c);
    else if (name == "summary") set_once(s.itunes_summary, c);
    else if (name == "subtitle") set_once(s.itunes_subtitle, c);
    else if (name == "keywords") split_tags(item.categories, Text(c).value());
    else if (name == "category") add_unique(item.categories, collapse_whitespace(attribute(c, "", "text")));
  } else if (uri == ns::atom10 || uri == ns::atom03) {
    if (is_alternate_atom_link(c)) {
      if (!s.atom_link) s.atom_link = c;  // its href is the link: no text to be blank
    }
    else if (name == "published") set_once(s.published, c);
    else if (name == "updated") set_once(s.updated, c);
    else if (name == "author") add_unique(item.authors, author_string(Text(first_child(c, uri, "name")).value(),
                                                                        Text(first_child(c, uri, "email")).value()));
  }
}

// A <link>, resolved, with one level of escaping undone: an "&amp;" still in
// its text once the XML is read is a query's '&' escaped twice
// ("?a=1&amp;amp;b=2" in the document), as feedparser reads it too.
std::string rss_link(pugi::xml_node link, const Context& context) {
  const Text link_text(link);  // may own the text it views: it must outlive `escaped`
  const std::string_view escaped = link_text.value();
  std::string text;
  text.reserve(escaped.size());
  for (std::size_t from = 0; from < escaped.size();) {  // one pass: erasing in place was quadratic
    const std::size_t at = std::min(escaped.find("&amp;", from), escaped.size());
    text.append(escaped.substr(from, at - from));
    if (at < escaped.size()) text += '&';
    from = at < escaped.size() ? at + 5 : at;
  }
  return resolve_link(link, text, context);
}

// The link a permalink guid stands for: an absolute web URL, or a path
// ("/p/7") where the feed's base makes it one. Any other guid is an id only.
std::string permalink_of(pugi::xml_node guid, const std::string& text, const Context& context) {
  if (looks_like_web_url(text)) return resolve_link(guid, text, context);
  if (!text.starts_with('/') || text.starts_with("//")) return {};
  std::string resolved = resolve_link(guid, text, context);
  return looks_like_web_url(resolved) ? resolved : std::string();
}

// The first of `nodes` that is not blank, else the first there is: an empty
// <description/> beside a filled itunes:summary hides nothing.
pugi::xml_node first_of(std::initializer_list<pugi::xml_node> nodes) {
  pugi::xml_node blank;
  for (const pugi::xml_node n : nodes) {
    if (n && !is_blank(n)) return n;
    if (!blank) blank = n;
  }
  return blank;
}

std::optional<Timestamp> first_date(std::initializer_list<pugi::xml_node> nodes, const Context& context) {
  for (const pugi::xml_node n : nodes) {
    if (auto d = date_of(n, context)) return d;
  }
  return std::nullopt;
}

}  // namespace

bool is_module_namespace(std::string_view uri) {
  return std::find(kModuleNamespaces.begin(), kModuleNamespaces.end(), uri) != kModuleNamespaces.end();
}

bool is_rss_element(pugi::xml_node node, std::string_view local, const Context& context) {
  if (node.type() != pugi::node_element || !ascii_iequals(local_name(node), local)) return false;
  return !is_module_namespace(context.scopes.namespace_of(node));
}

RssWireItem read_rss_item(pugi::xml_node node, const Context& context) {
  RssWireItem item;
  Slots s;
  const std::string_view item_ns = context.scopes.namespace_of(node);
  for (const pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    // The name is read once: the namespace, the filter and the slot all need it.
    const std::string_view qualified = c.name();
    const std::string_view uri = context.scopes.namespace_of(c, qualified);
    if (is_read_child(qualified, uri, item_ns)) read_child(c, local_name(qualified), uri, s, item, context);
  }
  item.title = title_element(first_of({s.title, s.dc_title, s.media_title}), context);
  // A bare <summary> (an Atom habit) beside a <description>: the first of the
  // two is the description, the other the fuller text, the content unless
  // there is one. Alone, it is the description.
  pugi::xml_node description =
      first_of({s.description, s.dc_description, s.media_description, s.itunes_summary, s.itunes_subtitle});
  pugi::xml_node fuller = s.summary;
  if (!description || (is_blank(description) && fuller) || (s.summary_first && s.description)) std::swap(description, fuller);
  item.description = html_element(description, context);
  // A podcast's itunes:author names the item's author when nothing else does.
  if (item.authors.empty() && s.itunes_author) add_unique(item.authors, rss_person(Text(s.itunes_author).value()));
  const pugi::xml_node content = first_of({s.content, s.body, fuller});
  item.content = html_element(content, context);
  if (s.link) item.link = rss_link(s.link, context);
  if (item.link.empty() && s.atom_link) item.link = resolve_link(s.atom_link, attribute(s.atom_link, "", "href"), context);
  if (s.guid) {
    item.guid = trimmed_text(s.guid);
    item.guid_is_permalink = !ascii_iequals(attribute(s.guid, "", "isPermaLink"), "false");  // "FALSE" too
    if (item.link.empty() && item.guid_is_permalink) item.link = permalink_of(s.guid, item.guid, context);
  }
  item.about = std::string(attribute(node, ns::rdf, "about"));
  // The xml:lang of the element the item's text is in, else the item's own:
  // one in force above the item is the channel's, which the channel's
  // <language> or dc:language overrides.
  const pugi::xml_node text = content ? content : description;
  std::optional<std::string_view> lang = own_xml_lang(text);  // none for a null node
  if (!lang) lang = own_xml_lang(node);
  item.language = named_language({s.dc_language}, lang);
  const std::optional<Timestamp> pub_date = date_of(s.pub_date, context);
  item.published = pub_date ? pub_date : first_date({s.dc_date, s.published, s.issued, s.created}, context);
  item.updated = first_date({s.modified, s.updated}, context);
  // Beside a pubDate, a dc:date is the item's other date, which feedparser
  // reads as the update; it is kept as that rather than dropped.
  if (pub_date && !item.updated && s.dc_date) {
    const std::optional<Timestamp> dc_date = date_of(s.dc_date, context);
    if (dc_date != pub_date) item.updated = dc_date;
  }
  return item;
}

RssWireChannel read_rss_channel(pugi::xml_node channel, const Context& context) {
  RssWireChannel wire;
  pugi::xml_node title, link, atom_link, description, dc_title, dc_description, itunes_summary, itunes_subtitle;
  pugi::xml_node tagline, language, dc_language, ttl;  // <tagline>: Atom 0.3's name, which some RSS borrows
  const std::string_view channel_ns = context.scopes.namespace_of(channel);
  for (const pugi::xml_node c : channel.children()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view qualified = c.name();
    const std::string_view uri = context.scopes.namespace_of(c, qualified);
    if (!is_read_child(qualified, uri, channel_ns)) continue;
    const std::string_view name = local_name(qualified);
    if (!is_module_namespace(uri)) {
      const auto is = [name](std::string_view lower_case) { return ascii_iequals(name, lower_case); };
      if (is("title")) set_once(title, c);
      else if (is("link")) set_once(link, c);
      else if (is("description")) set_once(description, c);
      else if (is("tagline")) set_once(tagline, c);
      else if (is("ttl")) set_once(ttl, c);
      else if (is("language")) set_once(language, c);
    } else if (uri == ns::dc) {
      if (name == "title") set_once(dc_title, c);
      else if (name == "description") set_once(dc_description, c);
      else if (name == "language") set_once(dc_language, c);
    } else if (uri == ns::itunes) {
      if (name == "summary") set_once(itunes_summary, c);
      else if (name == "subtitle") set_once(itunes_subtitle, c);
    } else if (is_alternate_atom_link(c) && !atom_link) {
      atom_link = c;
    }
  }
  wire.title = title_element(first_of({title, dc_title}), context);
  wire.description =
      html_element(first_of({description, dc_description, tagline, itunes_summary, itunes_subtitle}), context);
  if (link) wire.link = rss_link(link, context);
  if (wire.link.empty() && atom_link) wire.link = resolve_link(atom_link, attribute(atom_link, "", "href"), context);
  wire.language = named_language({language, dc_language}, xml_lang(channel)).value_or("");
  if (ttl) {
    const std::string text = trimmed_text(ttl);
    int minutes = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), minutes);
    if (ec == std::errc{} && end == text.data() + text.size() && minutes > 0) wire.ttl = minutes;
  }
  read_channel_hints(channel, wire, context);
  return wire;
}

Item to_item(RssWireItem&& wire, std::string_view channel_language, const Context& context) {
  Item item;
  item.title = plain_text(wire.title);
  item.link = std::move(wire.link);
  item.id = !wire.guid.empty() ? std::move(wire.guid) : std::move(wire.about);
  item.summary = plain_text(wire.description);
  item.content = html_content(wire.content, context);
  item.authors = std::move(wire.authors);
  item.categories = std::move(wire.categories);
  item.enclosures = std::move(wire.enclosures);
  item.published = wire.published;
  item.updated = wire.updated;
  item.language = wire.language ? std::move(*wire.language) : std::string(channel_language);
  if (item.id.empty()) item.id = fallback_id(item);
  return item;
}

void apply_channel(const RssWireChannel& wire, ParsedFeed& feed) {
  feed.title = plain_text(wire.title);
  feed.link = wire.link;
  feed.description = plain_text(wire.description);
  feed.language = wire.language;
  feed.ttl_minutes = wire.ttl;
  feed.update_period = wire.update_period;
  feed.skip_hours = wire.skip_hours;
  feed.skip_days = wire.skip_days;
}

void append_rss_items(const std::vector<pugi::xml_node>& items, const Context& context, ParsedFeed& feed) {
  append_items(items, context, feed,
               [&](pugi::xml_node node) { feed.items.push_back(to_item(read_rss_item(node, context), feed.language, context)); });
}

}  // namespace feedsieve::parse_detail
