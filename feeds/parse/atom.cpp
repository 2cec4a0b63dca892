// Atom 1.0 (RFC 4287) and its draft predecessor 0.3: text constructs with
// type="text|html|xhtml" (0.3: MIME types and mode="xml|escaped|base64").
#include <algorithm>
#include <utility>

#include "feeds/parse/formats.hpp"
#include "feeds/parse/xml_tree.hpp"
#include "feeds/text/ascii.hpp"
#include "feeds/text/html_text.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve::parse_detail {
namespace {

struct AtomWireEntry {
  std::string id;
  std::string id_link;  // the id resolved, when it is a web URL: the link of an entry without one
  Text title;
  std::string link;
  bool link_is_page = false;  // the link's type is a web page's (see is_page_type)
  Text summary;
  Text content;
  std::vector<std::string> authors;
  std::vector<std::string> contributors;
  std::vector<std::string> source_authors;  // of the feed the entry was copied from
  std::vector<std::string> categories;
  std::vector<Enclosure> enclosures;
  std::optional<Timestamp> published;
  std::optional<Timestamp> updated;
  std::optional<std::string> language;  // nullopt: the feed's
};

// An attribute's keyword (type, mode, rel) as compared: trimmed, lower-case.
std::string lower(std::string_view s) { return ascii_lower(trim_copy(s)); }

bool has_element_child(pugi::xml_node node) {
  return std::any_of(node.children().begin(), node.children().end(),
                     [](pugi::xml_node n) { return n.type() == pugi::node_element; });
}

// Atom 1.0's type="xhtml" content is wrapped in one <div>, which is not part
// of the value (RFC 4287 3.1.1.3). Atom 0.3's inline XHTML has no wrapper: a
// <div> there is the content's own.
std::string xhtml_value(pugi::xml_node node, FieldText field_text, bool div_wrapped) {
  const auto whole = [&] { return inner_markup(node, field_text); };
  if (!div_wrapped) return whole();
  pugi::xml_node only;
  for (const pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element) {
      if (only) return whole();
      only = c;
    } else if (c.type() != pugi::node_pcdata || !trim_copy(c.value()).empty()) {
      return whole();
    }
  }
  // The wrapper's own xml:base is the value's: its links are resolved under it.
  return only && local_name(only) == "div" && namespace_of(only) == ns::xhtml
             ? inner_markup(only, FieldText::text, node)
             : whole();
}

// One text construct, whichever Atom version wrote it.
Text text_construct(pugi::xml_node node, const Context& context) {
  if (!node) return {};
  const std::string_view written_type = attribute(node, "", "type");
  const std::string type = lower(written_type.substr(0, written_type.find(';')));  // "text/html; charset=utf-8"
  const std::string mode = lower(attribute(node, "", "mode"));
  const bool is_xhtml = type == "xhtml" || type == "application/xhtml+xml";
  const bool is_html = type == "html" || type == "text/html";
  // RFC 4287 4.1.3.3: a MIME type that is neither text nor XML means base64.
  const bool is_binary = type.find('/') != std::string::npos && !type.starts_with("text/") &&
                         type.find("xml") == std::string::npos;
  // A picture or a recording is no text a reader could be shown; other
  // binary types are decoded, as the reference parser does.
  for (const std::string_view media : {"image/", "audio/", "video/", "font/"}) {
    if (type.starts_with(media)) return {};
  }
  Text text;
  if (mode == "base64" || is_binary) {
    text = Text::owning(base64_decode(Text(node).value()));
    // Only a text type keeps decoded bytes literal; anything else may carry markup.
    text.html = !(type.empty() || type == "text" || type == "text/plain");
  } else if ((is_xhtml && mode != "escaped") || has_element_child(node)) {
    // Elements in a type="html" construct are raw HTML, and the text beside them its source.
    text = Text::owning(xhtml_value(node, is_html ? FieldText::html : FieldText::text, type == "xhtml"));
    text.html = true;
  } else {
    text = Text(node);
    // Only an HTML type is markup (or XHTML escaped, in 0.3): 0.3's
    // mode="escaped" without a type is escaped text/plain, 0.3's default
    // type (and feedparser's reading).
    text.html = is_html || is_xhtml;
  }
  text.base = element_base(node, context);
  return text;
}

// 0.3 producers sometimes put the URL in the element's text instead of href.
std::string link_target(pugi::xml_node link, const Context& context) {
  const std::string_view href = attribute(link, "", "href");
  return resolve_link(link, href.empty() ? Text(link).value() : href, context);
}

// An Atom person: name and email, or the URI of one who gives neither.
std::string person(pugi::xml_node node, std::string_view uri) {
  std::string named =
      author_string(Text(first_child(node, uri, "name")).value(), Text(first_child(node, uri, "email")).value());
  return !named.empty() ? named : trimmed_text(first_child(node, uri, "uri"));
}

// A link's rel as compared: lower-case, and a relation given as its full
// IANA URI (RFC 4287 4.2.7.2) by its short name.
std::string link_relation(pugi::xml_node link) {
  constexpr std::string_view kIanaRelations = "http://www.iana.org/assignments/relation/";
  std::string rel = lower(attribute(link, "", "rel"));
  if (rel.starts_with(kIanaRelations)) rel.erase(0, kIanaRelations.size());
  return rel;
}

// The authors of the feed an entry was copied from, in its atom:source.
void read_source_authors(pugi::xml_node source, std::string_view uri, AtomWireEntry& entry) {
  for (const pugi::xml_node author : children(source, uri, "author")) add_unique(entry.source_authors, person(author, uri));
}

struct DateSlots {
  pugi::xml_node published, issued, created, updated, modified, dc_date, dcterms_modified;
};

// An alternate link without a type, or of an HTML type (parameters such as
// "; charset=utf-8" aside), leads to a web page; an alternate of another type
// (another feed, a PDF) is the link only until one to a page turns up.
bool is_page_type(std::string_view type) {
  const std::string t = lower(type.substr(0, type.find(';')));
  return t.empty() || t == "text/html" || t == "application/xhtml+xml";
}

// Keeps the first alternate link to a page, else the first alternate at all;
// one that leads nowhere (no href, no text) changes nothing.
void take_alternate(pugi::xml_node link, std::string& target, bool& is_page, const Context& context) {
  const bool page = is_page_type(attribute(link, "", "type"));
  if (!target.empty() && (is_page || !page)) return;
  std::string candidate = link_target(link, context);
  if (candidate.empty()) return;
  target = std::move(candidate);
  is_page = page;
}

void read_link(pugi::xml_node c, AtomWireEntry& entry, const Context& context) {
  const std::string rel = link_relation(c);
  if (rel.empty() || rel == "alternate") {
    take_alternate(c, entry.link, entry.link_is_page, context);
  } else if (rel == "enclosure") {
    add_enclosure(entry.enclosures, {link_target(c, context), std::string(attribute(c, "", "type")),
                                     parse_length(attribute(c, "", "length"))});
  }
}

// Media RSS's description: plain text unless its type says html.
Text media_text(pugi::xml_node node, const Context& context) {
  Text text = html_element(node, context);
  if (lower(attribute(node, "", "type")) != "html") text.html = false;
  return text;
}

// An entry's media:description, its own or its media:group's (YouTube's
// entries carry a video's description only there).
pugi::xml_node media_description(pugi::xml_node media, std::string_view name, const Context& context) {
  if (name == "description") return media;
  if (name != "group") return {};
  for (const pugi::xml_node g : media.children()) {
    const std::string_view qualified = g.name();
    if (g.type() == pugi::node_element && local_name(qualified) == "description" &&
        context.scopes.namespace_of(g, qualified) == ns::media)
      return g;
  }
  return {};
}

AtomWireEntry read_entry(pugi::xml_node node, std::string_view uri, const Context& context) {
  AtomWireEntry entry;
  DateSlots d;
  pugi::xml_node title, summary, content, media, dc_language;
  for (const pugi::xml_node c : node.children()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view qualified = c.name();
    const std::string_view name = local_name(qualified);
    const std::string_view cns = context.scopes.namespace_of(c, qualified);
    if (cns == uri) {
      if (name == "id") {
        entry.id = trimmed_text(c);
        entry.id_link = looks_like_web_url(entry.id) ? resolve_link(c, entry.id, context) : std::string();
      }
      else if (name == "title") set_once(title, c);
      else if (name == "link") read_link(c, entry, context);
      else if (name == "summary") set_once(summary, c);
      else if (name == "content") set_once(content, c);
      else if (name == "author") add_unique(entry.authors, person(c, uri));
      else if (name == "contributor") add_unique(entry.contributors, person(c, uri));
      else if (name == "source") read_source_authors(c, uri, entry);
      else if (name == "category") {
        const std::string_view term = attribute(c, "", "term");
        add_unique(entry.categories, collapse_whitespace(term.empty() ? attribute(c, "", "label") : term));
      } else if (name == "published") set_once(d.published, c);
      else if (name == "issued") set_once(d.issued, c);
      else if (name == "created") set_once(d.created, c);
      else if (name == "updated") set_once(d.updated, c);
      else if (name == "modified") set_once(d.modified, c);
    } else if (cns == ns::dc) {
      if (name == "subject") add_unique(entry.categories, collapse_whitespace(Text(c).value()));
      else if (name == "creator") add_unique(entry.authors, rss_person(Text(c).value()));
      else if (name == "date") set_once(d.dc_date, c);
      else if (name == "language") set_once(dc_language, c);
    } else if (cns == ns::dcterms && name == "modified") {
      set_once(d.dcterms_modified, c);
    } else if (cns == ns::media) {
      set_once(media, media_description(c, name, context));
    }
  }
  entry.title = text_construct(title, context);
  // Without a summary, a video's or a picture's description is one.
  entry.summary = (summary && !is_blank(summary)) || !media ? text_construct(summary, context) : media_text(media, context);
  entry.content = text_construct(content, context);
  // The language of the entry's text: xml:lang where its content (else its
  // summary, its title) is, which holds the entry's and the feed's.
  const pugi::xml_node text = content ? content : summary ? summary : title ? title : node;
  entry.language = named_language({dc_language}, xml_lang(text));
  for (const pugi::xml_node n : {d.published, d.issued, d.created, d.dc_date}) {
    if (!entry.published) entry.published = date_of(n, context);
  }
  for (const pugi::xml_node n : {d.updated, d.modified, d.dcterms_modified}) {
    if (!entry.updated) entry.updated = date_of(n, context);
  }
  return entry;
}

Item to_item(AtomWireEntry&& wire, const ParsedFeed& feed, const std::vector<std::string>& feed_authors,
             const Context& context) {
  Item item;
  item.title = plain_text(wire.title);
  // An entry without a link whose id is a web URL is most likely at that URL
  // (as an RSS guid is, and as feedparser reads it).
  item.link = !wire.link.empty() ? std::move(wire.link) : std::move(wire.id_link);
  item.id = std::move(wire.id);
  item.summary = plain_text(wire.summary);
  item.content = html_content(wire.content, context);
  // RFC 4287 4.2.1: an entry without authors has its source's, else the
  // feed's. Contributors stand in only when nobody is named an author.
  item.authors = !wire.authors.empty()          ? std::move(wire.authors)
                 : !wire.source_authors.empty() ? std::move(wire.source_authors)
                 : !feed_authors.empty()        ? feed_authors
                                                : std::move(wire.contributors);
  item.categories = std::move(wire.categories);
  item.enclosures = std::move(wire.enclosures);
  item.published = wire.published;
  item.updated = wire.updated;
  item.language = wire.language ? std::move(*wire.language) : feed.language;
  if (item.id.empty()) item.id = fallback_id(item);
  return item;
}

}  // namespace

ParsedFeed parse_atom(pugi::xml_node root, FeedFormat format, const Context& context) {
  ParsedFeed feed;
  feed.format = format;
  // Elements in the root's namespace (possibly none) are Atom's.
  const std::string uri(context.scopes.namespace_of(root));
  pugi::xml_node title, subtitle, dc_language;
  std::vector<std::string> authors;
  std::vector<pugi::xml_node> entries;
  bool link_is_page = false;
  for (const pugi::xml_node c : root.children()) {
    if (c.type() != pugi::node_element) continue;
    const std::string_view cns = context.scopes.namespace_of(c);
    if (cns == ns::dc && local_name(c) == "language" && !dc_language) dc_language = c;
    if (cns != uri) continue;
    const std::string_view name = local_name(c);
    if (name == "title" && !title) title = c;
    else if ((name == "subtitle" || name == "tagline") && !subtitle) subtitle = c;
    else if (name == "author") add_unique(authors, person(c, uri));
    // An RSS <item> among Atom's elements is an entry whose producer mixed
    // up the two formats (the reference parser reads it so too).
    else if (name == "entry" || name == "item") entries.push_back(c);
    else if (name == "link") {
      const std::string rel = link_relation(c);
      if (rel.empty() || rel == "alternate") take_alternate(c, feed.link, link_is_page, context);
    }
  }
  feed.title = plain_text(text_construct(title, context));
  feed.description = plain_text(text_construct(subtitle, context));
  feed.language = named_language({dc_language}, xml_lang(root)).value_or("");
  append_items(entries, context, feed, [&](pugi::xml_node node) {
    feed.items.push_back(to_item(read_entry(node, uri, context), feed, authors, context));
  });
  return feed;
}

}  // namespace feedsieve::parse_detail
