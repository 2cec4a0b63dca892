// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read with Boost.JSON.
#include <boost/json.hpp>

#include "feeds/date/date.hpp"
#include "feeds/encoding/c1_controls.hpp"
#include "feeds/parse/formats.hpp"
#include "feeds/parse/text_position.hpp"
#include "feeds/text/html_text.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve::parse_detail {
namespace {

namespace json = boost::json;

struct JsonWireItem {
  std::string id, url, title, summary, content_text, content_html, language;
  std::string date_published, date_modified;
  std::vector<std::string> authors, tags;
  std::vector<Enclosure> attachments;
};

// A string's text. A "\u0092" escape is decoded by the JSON parser, after the
// document's own C1 controls were read as windows-1252: these are read here.
std::string text_of(const json::string& s) { return remap_c1_controls(std::string(s), windows_1252_c1()); }

std::string string_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return {};
  if (v->is_string()) return text_of(v->get_string());
  if (v->is_int64()) return std::to_string(v->get_int64());  // ids written as numbers
  if (v->is_uint64()) return std::to_string(v->get_uint64());
  return {};
}

const json::object* object_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr ? v->if_object() : nullptr;
}

const json::array* array_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  return v != nullptr ? v->if_array() : nullptr;
}

std::int64_t size_at(const json::object& o, std::string_view key) {
  const json::value* v = o.if_contains(key);
  if (v == nullptr) return 0;
  if (v->is_int64()) return std::max<std::int64_t>(0, v->get_int64());
  if (v->is_uint64()) return static_cast<std::int64_t>(std::min<std::uint64_t>(v->get_uint64(), INT64_MAX));
  if (v->is_double() && v->get_double() >= 0 && v->get_double() < 9e18) return static_cast<std::int64_t>(v->get_double());
  return 0;
}

// 1.1's "authors" array, or 1.0's single "author".
std::vector<std::string> read_authors(const json::object& o) {
  std::vector<std::string> out;
  if (const json::array* list = array_at(o, "authors")) {
    for (const json::value& a : *list) {
      if (const json::object* ao = a.if_object()) add_unique(out, collapse_whitespace(string_at(*ao, "name")));
    }
  }
  if (const json::object* author = object_at(o, "author")) {
    add_unique(out, collapse_whitespace(string_at(*author, "name")));
  }
  return out;
}

JsonWireItem read_item(const json::object& o, const Context& context) {
  JsonWireItem item;
  item.id = string_at(o, "id");
  item.url = string_at(o, "url");
  if (item.url.empty()) item.url = string_at(o, "external_url");
  item.title = string_at(o, "title");
  item.summary = string_at(o, "summary");
  item.content_text = string_at(o, "content_text");
  item.content_html = string_at(o, "content_html");
  item.date_published = string_at(o, "date_published");
  item.date_modified = string_at(o, "date_modified");
  item.language = string_at(o, "language");
  item.authors = read_authors(o);
  if (const json::array* tags = array_at(o, "tags")) {
    for (const json::value& t : *tags) {
      if (t.is_string()) add_unique(item.tags, collapse_whitespace(text_of(t.get_string())));
    }
  }
  if (const json::array* attachments = array_at(o, "attachments")) {
    for (const json::value& a : *attachments) {
      const json::object* ao = a.if_object();
      if (ao == nullptr) continue;
      add_enclosure(item.attachments, {resolve_url(context.options.url, string_at(*ao, "url")),
                                       string_at(*ao, "mime_type"), size_at(*ao, "size_in_bytes")});
    }
  }
  return item;
}

std::optional<Timestamp> json_date(const std::string& text, const Context& context) {
  if (text.empty()) return std::nullopt;
  auto parsed = parse_date(text);
  if (!parsed) context.warnings.push_back("unparseable date \"" + text.substr(0, 64) + "\"");
  return parsed;
}

Item to_item(const JsonWireItem& wire, const ParsedFeed& feed, const std::vector<std::string>& feed_authors,
             const Context& context) {
  Item item;
  const std::string& base = context.options.url;
  item.link = wire.url.empty() ? std::string() : context.bases.get(base).resolve(wire.url);
  // Titles are plain text in JSON Feed; some producers still put entities in them.
  item.title = html_to_text(wire.title);
  item.id = wire.id;
  item.summary = collapse_whitespace(!wire.summary.empty() ? wire.summary : wire.content_text);
  if (!wire.content_html.empty()) {
    item.content = sanitize_html(wire.content_html, context.bases.get(base));
  } else if (!wire.content_text.empty()) {
    Text text = Text::viewing(wire.content_text);
    text.base = base;
    item.content = html_content(text, context);
  }
  item.authors = wire.authors.empty() ? feed_authors : wire.authors;
  item.categories = wire.tags;
  item.enclosures = wire.attachments;
  item.published = json_date(wire.date_published, context);
  item.updated = json_date(wire.date_modified, context);
  item.language = language_tag(wire.language);
  if (item.language.empty()) item.language = feed.language;
  if (item.id.empty()) item.id = fallback_id(item);
  return item;
}

}  // namespace

ParsedFeed parse_json_feed(std::string_view text, const Context& context) {
  json::parse_options options;
  options.max_depth = std::max<std::size_t>(1, context.options.max_depth);
  // A stack buffer for the parser's own temporary storage, as json::parse
  // gives it: on the heap it cost a fifth of a JSON Feed's parse.
  unsigned char scratch[4096];
  json::parser parser({}, options, scratch);
  boost::system::error_code ec;
  // The parser's count of what it read is where it stopped, on an error.
  const std::size_t read = parser.write(text.data(), text.size(), ec);
  if (ec) {
    throw ParseError("parse: not a feed: invalid JSON: " + ec.message() + " at " + text_position(text, read));
  }
  const json::value doc = parser.release();
  const json::object* root = doc.if_object();
  const std::string version = root != nullptr ? string_at(*root, "version") : std::string();
  if (version.find("jsonfeed.org/version/") == std::string::npos) {
    throw ParseError("parse: not a feed: JSON without a jsonfeed.org version");
  }
  ParsedFeed feed;
  feed.format = FeedFormat::jsonfeed;
  feed.title = html_to_text(string_at(*root, "title"));
  feed.link = string_at(*root, "home_page_url");
  if (!feed.link.empty()) feed.link = resolve_url(context.options.url, feed.link);
  feed.description = collapse_whitespace(string_at(*root, "description"));
  feed.language = language_tag(string_at(*root, "language"));
  const std::vector<std::string> authors = read_authors(*root);
  if (const json::array* items = array_at(*root, "items")) {
    append_items(*items, context, feed, [&](const json::value& v) {
      const json::object* o = v.if_object();
      if (o != nullptr) feed.items.push_back(to_item(read_item(*o, context), feed, authors, context));
    });
  }
  return feed;
}

}  // namespace feedsieve::parse_detail
