// The parser's front door: size bound, charset, format detection, strict XML
// first and a lenient repair when that fails, then the format's reader.
#include "feeds/parse/parse.hpp"

#include <pugixml.hpp>

#include <algorithm>
#include <optional>

#include "feeds/encoding/charset.hpp"
#include "feeds/encoding/latin1_reread.hpp"
#include "feeds/parse/fields.hpp"
#include "feeds/parse/formats.hpp"
#include "feeds/parse/text_position.hpp"
#include "feeds/parse/xml_repair.hpp"
#include "feeds/parse/xml_tree.hpp"
#include "feeds/text/url_policy.hpp"

namespace feedsieve {
namespace {

using parse_detail::Context;

// pugixml's defaults, without DOCTYPE nodes: entities are never declared, so
// none is ever expanded, and external ones are never fetched. Whitespace
// between elements is kept: in mixed content (<b>Hello</b> <i>world</i>) it
// parts words.
constexpr unsigned kXmlOptions = pugi::parse_default | pugi::parse_ws_pcdata;

// `text` is what pugixml was given, before it parsed in place.
std::string describe(const pugi::xml_parse_result& result, std::string_view text) {
  return std::string(result.description()) + " at " + parse_detail::text_position(text, result.offset);
}

// Parses in place, without pugixml's copy of the buffer: `xml` is consumed
// (pugixml decodes into it) and must outlive `doc`.
pugi::xml_parse_result load(pugi::xml_document& doc, std::string& xml) {
  return doc.load_buffer_inplace(xml.data(), xml.size(), kXmlOptions, pugi::encoding_utf8);
}

// The first top-level element that is a feed: junk such as an error page's
// <br /> may come before the real document element.
std::pair<pugi::xml_node, std::optional<FeedFormat>> find_feed_root(const pugi::xml_document& doc) {
  for (const pugi::xml_node n : doc.children()) {
    if (n.type() != pugi::node_element) continue;
    if (const auto format = parse_detail::detect_xml_format(n)) return {n, format};
  }
  return {doc.document_element(), std::nullopt};
}

ParsedFeed dispatch(pugi::xml_node root, FeedFormat format, const Context& context) {
  switch (format) {
    case FeedFormat::atom10:
    case FeedFormat::atom03: return parse_detail::parse_atom(root, format, context);
    case FeedFormat::rss10: return parse_detail::parse_rdf(root, format, context);
    case FeedFormat::cdf: return parse_detail::parse_cdf(root, context);
    case FeedFormat::rss090:
      if (parse_detail::local_name(root) == "RDF") return parse_detail::parse_rdf(root, format, context);
      return parse_detail::parse_rss(root, format, context);
    default: return parse_detail::parse_rss(root, format, context);
  }
}

// How many bytes internal entities may add to a document: what a feed that
// names its boilerplate with entities needs, far below what a small file of
// entities referencing entities could ask for (a 68 KB one held 240 MB).
std::size_t entity_budget(std::size_t document_size, const ParseOptions& options) {
  constexpr std::size_t kFloor = 1024 * 1024;
  return std::min(options.max_bytes, kFloor + 8 * document_size);
}

// `utf8` is `bytes` decoded; the strict parse consumes it.
ParsedFeed parse_xml(std::string utf8, std::string_view bytes, const ParseOptions& options,
                     std::vector<std::string>& warnings) {
  const std::size_t budget = entity_budget(utf8.size(), options);
  parse_detail::EntityPass pass = parse_detail::normalize_entities(std::move(utf8), budget);
  if (pass.dropped_entities) warnings.push_back("internal entities over the expansion budget were not expanded");
  if (pass.replaced_references) warnings.push_back("character references to no XML character replaced with U+FFFD");
  pugi::xml_document doc;
  std::string repaired;        // the text of `lenient`, declared first to outlive it
  pugi::xml_document lenient;  // the repaired document, when the strict parse is not enough
  const pugi::xml_parse_result strict = load(doc, pass.xml);
  auto [root, format] = find_feed_root(doc);
  // Nesting past the limit is read as the repair reads it, with the deeper
  // tags dropped and their text kept, rather than losing the whole feed.
  const bool too_deep = strict && format && parse_detail::tree_depth(root) > options.max_depth;
  if (!strict || !format || too_deep) {
    // The strict parse consumed its buffer: decoding and the entity pass run
    // again for the repair, which spares the common case a copy.
    // Where the strict parse stopped, placed in its text; that text is gone before the second parse.
    std::string strict_error;
    repaired = [&] {
      const std::string normalized =
          parse_detail::normalize_entities(decode_xml_document(bytes, options.content_type).utf8, budget).xml;
      if (!strict) strict_error = describe(strict, normalized);
      return parse_detail::repair_markup(normalized, options.max_depth);
    }();
    const pugi::xml_parse_result second = load(lenient, repaired);
    const auto [lenient_root, lenient_format] = find_feed_root(lenient);
    if (lenient_format) {
      root = lenient_root;
      format = lenient_format;
      if (!strict) warnings.push_back("recovered from malformed XML: " + strict_error);
      if (too_deep) warnings.push_back("elements nested deeper than " + std::to_string(options.max_depth) + " flattened");
    } else if (!strict) {
      if (second && lenient_root) {
        throw ParseError("parse: not a feed: root element <" + std::string(lenient_root.name()) + ">");
      }
      throw ParseError("parse: not a feed: " + strict_error);
    }
  }
  if (!format) throw ParseError("parse: not a feed: root element <" + std::string(root.name()) + ">");
  // The strict tree was measured above; a repaired one has not been yet.
  const bool depth_known = strict && format && !too_deep;
  if (!depth_known && parse_detail::tree_depth(root) > options.max_depth) {
    throw ParseError("parse: elements nested deeper than " + std::to_string(options.max_depth));
  }
  const Context context{options, warnings};
  return dispatch(root, *format, context);
}

// A link that a reader's browser would run or read from its own disk
// (javascript:, data:, file:...) is no link: it is dropped, as content's are.
std::size_t drop_unsafe_links(ParsedFeed& feed) {
  std::size_t dropped = 0;
  const auto unsafe = [&](const std::string& link) {
    const bool drop = !link.empty() && !text_detail::link_allowed(link);
    dropped += drop ? 1 : 0;
    return drop;
  };
  if (unsafe(feed.link)) feed.link.clear();
  for (Item& item : feed.items) {
    if (unsafe(item.link)) item.link.clear();
    std::erase_if(item.enclosures, [&](const Enclosure& enclosure) { return unsafe(enclosure.url); });
  }
  return dropped;
}

// `text` read again when it is UTF-8 read as ISO-8859-1 (latin1_reread.hpp).
bool reread_latin1(std::string& text) {
  auto fixed = reread_latin1_as_utf8(text);
  if (fixed) text = std::move(*fixed);
  return fixed.has_value();
}

// The item's text fields read again where they need it; how many did. An id
// made of the item's text is made again of the text as read now.
std::size_t reread_latin1_fields(Item& item) {
  std::optional<Item> original;  // the item before its first field changed
  std::size_t reread = 0;
  const auto reread_field = [&](std::string& text) {
    auto fixed = reread_latin1_as_utf8(text);
    if (!fixed) return;
    if (!original) original = item;
    text = std::move(*fixed);
    ++reread;
  };
  for (std::string* text : {&item.title, &item.summary, &item.content}) reread_field(*text);
  for (std::string& author : item.authors) reread_field(author);
  for (std::string& category : item.categories) reread_field(category);
  if (!original) return reread;
  // A field read again may now equal one that was right already: the lists stay without repeats.
  for (std::vector<std::string>* list : {&item.authors, &item.categories}) {
    std::vector<std::string> unique;
    for (std::string& value : *list) parse_detail::add_unique(unique, std::move(value));
    *list = std::move(unique);
  }
  if (item.id == parse_detail::fallback_id(*original)) item.id = parse_detail::fallback_id(item);
  return reread;
}

std::size_t reread_latin1_fields(ParsedFeed& feed) {
  std::size_t reread = (reread_latin1(feed.title) ? 1 : 0) + (reread_latin1(feed.description) ? 1 : 0);
  for (Item& item : feed.items) reread += reread_latin1_fields(item);
  return reread;
}

}  // namespace

ParsedFeed parse_feed(std::string_view bytes, const ParseOptions& options) {
  if (bytes.size() > options.max_bytes) {
    throw ParseError("parse: document of " + std::to_string(bytes.size()) + " bytes is over the limit of " +
                     std::to_string(options.max_bytes));
  }
  DecodedDocument decoded = decode_xml_document(bytes, options.content_type);
  if (decoded.utf8.find_first_not_of(" \t\r\n") == std::string::npos) {
    throw ParseError("parse: not a feed: empty document");
  }
  std::vector<std::string> warnings;
  if (decoded.unknown_charset) warnings.push_back("unknown charset: read as " + decoded.encoding);
  if (decoded.charset_guessed) warnings.push_back("not UTF-8 and no other charset given: read as " + decoded.encoding);
  if (decoded.mixed_windows_1252) warnings.push_back("bytes that are not UTF-8 read as windows-1252");
  if (decoded.replaced_invalid) warnings.push_back("invalid " + decoded.encoding + " sequences replaced");
  if (!decoded.c1_read_as.empty()) warnings.push_back("C1 control characters read as " + decoded.c1_read_as);
  ParsedFeed feed;
  if (parse_detail::looks_like_json(decoded.utf8)) {
    const Context context{options, warnings};
    feed = parse_detail::parse_json_feed(decoded.utf8, context);
  } else {
    feed = parse_xml(std::move(decoded.utf8), bytes, options, warnings);
  }
  if (const std::size_t reread = reread_latin1_fields(feed))
    warnings.push_back("UTF-8 read as ISO-8859-1 read again in " + std::to_string(reread) + " fields");
  if (const std::size_t dropped = drop_unsafe_links(feed))
    warnings.push_back(std::to_string(dropped) + " links dropped: not http(s), ftp, mailto or tel");
  feed.warnings.insert(feed.warnings.begin(), warnings.begin(), warnings.end());
  return feed;
}

std::string_view format_name(FeedFormat format) {
  switch (format) {
    case FeedFormat::rss090:
    case FeedFormat::rss091:
    case FeedFormat::rss092:
    case FeedFormat::rss093:
    case FeedFormat::rss094: return "rss0.9x";
    case FeedFormat::rss20: return "rss2.0";
    case FeedFormat::rss10: return "rss1.0";
    case FeedFormat::atom10: return "atom1.0";
    case FeedFormat::atom03: return "atom0.3";
    case FeedFormat::jsonfeed: return "jsonfeed";
    case FeedFormat::cdf: return "cdf";
  }
  return "unknown";
}

}  // namespace feedsieve
