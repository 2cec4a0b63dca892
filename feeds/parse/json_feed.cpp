// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1), read with Boost.JSON.
#include <boost/json.hpp>

#include <charconv>

#include "feeds/date/date.hpp"
#include "feeds/encoding/c1_controls.hpp"
#include "feeds/encoding/surrogates.hpp"
#include "feeds/parse/formats.hpp"
#include "feeds/parse/html_guess.hpp"
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
  if (v->is_string()) return parse_length(trim_copy(v->get_string()));  // "size_in_bytes": "1234"
  if (v->is_int64()) return std::max<std::int64_t>(0, v->get_int64());
  if (v->is_uint64()) return static_cast<std::int64_t>(std::min<std::uint64_t>(v->get_uint64(), INT64_MAX));
  if (v->is_double() && v->get_double() >= 0 && v->get_double() < 9e18) return static_cast<std::int64_t>(v->get_double());
  return 0;
}

// An author's name, or the URL of one who gives none (both are optional in
// JSON Feed, as an Atom person's URI stands in for its name); a bare string
// is a name, as some producers write one.
std::string author_of(const json::value& author) {
  if (const json::string* name = author.if_string()) return collapse_whitespace(text_of(*name));
  const json::object* o = author.if_object();
  if (o == nullptr) return {};
  std::string name = collapse_whitespace(string_at(*o, "name"));
  return name.empty() ? trim_copy(string_at(*o, "url")) : name;
}

// 1.1's "authors" array, or 1.0's single "author".
std::vector<std::string> read_authors(const json::object& o) {
  std::vector<std::string> out;
  if (const json::array* list = array_at(o, "authors")) {
    for (const json::value& a : *list) add_unique(out, author_of(a));
  }
  if (const auto author = o.find("author"); author != o.end()) add_unique(out, author_of(author->value()));
  return out;
}

// A title is plain text in JSON Feed, but some producers write HTML
// there: it is read as HTML only when it looks like HTML, as RSS titles are,
// so "Why <div> tags & spans" keeps its words.
std::string plain_title(const std::string& title) {
  return looks_like_html(title) ? html_to_text(title) : collapse_whitespace(title);
}

// The "\uD83D" escapes that no "\uDExx" follows, made "\uFFFD": JSON
// from JavaScript producers that cut a string between the halves of a
// character, which the parser refuses as a whole. nullopt when there is none.
std::optional<std::string> without_lone_surrogates(std::string_view text) {
  const auto unit_at = [&](std::size_t i) -> std::optional<unsigned> {
    if (i + 6 > text.size() || text[i] != '\\' || text[i + 1] != 'u') return std::nullopt;
    unsigned value = 0;
    const auto [end, ec] = std::from_chars(text.data() + i + 2, text.data() + i + 6, value, 16);
    return ec == std::errc{} && end == text.data() + i + 6 ? std::optional(value) : std::nullopt;
  };
  std::string out;
  std::size_t copied = 0;
  for (std::size_t i = text.find('\\'); i < text.size(); i = text.find('\\', i)) {
    const std::optional<unsigned> unit = unit_at(i);
    if (!unit) {
      i += 2;  // another escape, "\\" among them
      continue;
    }
    const bool high = is_high_surrogate(*unit);
    const std::optional<unsigned> next = high ? unit_at(i + 6) : std::nullopt;
    if (high && next && is_low_surrogate(*next)) {
      i += 12;
    } else if (is_surrogate(*unit)) {
      out.append(text.substr(copied, i - copied)).append("\\ufffd");
      copied = i += 6;
    } else {
      i += 6;
    }
  }
  if (copied == 0) return std::nullopt;
  out.append(text.substr(copied));
  return out;
}

json::value parse_json(std::string_view text, std::size_t max_depth) {
  json::parse_options options;
  options.max_depth = std::max<std::size_t>(1, max_depth);
  // A stack buffer for the parser's own temporary storage, as json::parse
  // gives it: on the heap it cost a fifth of a JSON Feed's parse.
  unsigned char scratch[4096];
  json::parser parser({}, options, scratch);
  boost::system::error_code ec;
  // The parser's count of what it read is where it stopped, on an error.
  const std::size_t read = parser.write(text.data(), text.size(), ec);
  if (ec) {
    if (const std::optional<std::string> repaired = without_lone_surrogates(text)) return parse_json(*repaired, max_depth);
    throw ParseError("parse: not a feed: invalid JSON: " + ec.message() + " at " + text_position(text, read));
  }
  return parser.release();
}

// `base`: the URL relative ones are resolved against.
JsonWireItem read_item(const json::object& o, const std::string& base) {
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
      // Without a URL there is nothing to fetch (and "" would resolve to the feed's own address).
      if (ao == nullptr || trim_copy(string_at(*ao, "url")).empty()) continue;
      add_enclosure(item.attachments, {resolve_url(base, string_at(*ao, "url")),
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
             const std::string& base, const Context& context) {
  Item item;
  item.link = wire.url.empty() ? std::string() : context.bases.get(base).resolve(wire.url);
  item.title = plain_title(wire.title);
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
  const json::value doc = parse_json(text, context.options.max_depth);
  const json::object* root = doc.if_object();
  const std::string version = root != nullptr ? string_at(*root, "version") : std::string();
  if (version.find("jsonfeed.org/version/") == std::string::npos) {
    throw ParseError("parse: not a feed: JSON without a jsonfeed.org version");
  }
  ParsedFeed feed;
  feed.format = FeedFormat::jsonfeed;
  feed.title = plain_title(string_at(*root, "title"));
  // Without the URL it was fetched from, the feed's own feed_url is where it is.
  const std::string feed_url = string_at(*root, "feed_url");
  const std::string base =
      !context.options.url.empty() || !looks_like_web_url(feed_url) ? context.options.url : trim_copy(feed_url);
  feed.link = string_at(*root, "home_page_url");
  if (!feed.link.empty()) feed.link = resolve_url(base, feed.link);
  feed.description = collapse_whitespace(string_at(*root, "description"));
  feed.language = language_tag(string_at(*root, "language"));
  const std::vector<std::string> authors = read_authors(*root);
  if (const json::array* items = array_at(*root, "items")) {
    append_items(*items, context, feed, [&](const json::value& v) {
      const json::object* o = v.if_object();
      if (o != nullptr) feed.items.push_back(to_item(read_item(*o, base), feed, authors, base, context));
    });
  }
  return feed;
}

}  // namespace feedsieve::parse_detail
