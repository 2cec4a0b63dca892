#pragma once
// What every format's adapter shares: text constructs, authors, ids, the
// context of one parse. Internal to feeds/parse.
#include <pugixml.hpp>

#include <algorithm>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/model.hpp"
#include "feeds/parse/parse.hpp"
#include "feeds/parse/xml_tree.hpp"
#include "feeds/url/base_url.hpp"

namespace feedsieve::parse_detail {

// The base URL of the elements read last, parsed once: nearly every element
// of a feed has the same base (the document's URL or one xml:base), and
// parsing it again for every link and content field cost more than the links.
class BaseCache {
 public:
  const BaseUrl& get(std::string_view base);

 private:
  std::string text_;
  std::optional<BaseUrl> url_;
};

// One parse: its options and where its warnings go.
struct Context {
  const ParseOptions& options;
  std::vector<std::string>& warnings;
  // Caches: using them changes no result.
  mutable BaseCache bases{};
  mutable ElementScopes scopes{};
};

// base_url(node, context.options.url), for an element. The reference is into
// context's cache: valid until its next use (element_base, a namespace
// lookup), so copy it to keep it.
const std::string& element_base(pugi::xml_node node, const Context& context);

// A text value as the document gives it: HTML markup or literal text. Most
// fields are one text node, which it views in the tree (the document outlives
// every Text of its parse) rather than copying a whole description; markup
// rebuilt from child elements and decoded base64 are text of its own.
class Text {
 public:
  Text() = default;
  // The text below `node` (text_content), viewed in the tree where it can be.
  explicit Text(pugi::xml_node node);
  // Text that lives at least as long as this Text.
  static Text viewing(std::string_view text);
  static Text owning(std::string text);

  std::string_view value() const { return owned_ ? std::string_view(*owned_) : viewed_; }
  bool empty() const { return value().empty(); }

  bool html = false;
  std::string base;  // the base URL in force where it was found

 private:
  std::string_view viewed_;
  std::optional<std::string> owned_;
};

// Plain text: HTML is turned into text, literal text only has its whitespace collapsed.
std::string plain_text(const Text& text);

// Sanitized HTML: literal text is escaped first, so it stays literal.
std::string html_content(const Text& text, const Context& context);

// `reference` (an href, a link's text) trimmed and resolved against the base
// in force at `node`; "" when it is empty.
std::string resolve_link(pugi::xml_node node, std::string_view reference, const Context& context);

// An absolute http(s) URL: an RSS guid or Atom id that can stand in for a missing link.
bool looks_like_web_url(std::string_view text);

// An element whose meaning is HTML by convention (RSS title/description,
// content:encoded): its text, or its inline child markup when it has any.
Text html_element(pugi::xml_node node, const Context& context);

// An RSS title: plain text by definition, but often escaped HTML. Like the
// Universal Feed Parser it is read as HTML only when it has inline markup, an
// end tag or a character reference, so "1 <b> 2" and "the <blink> tag" stay
// literal while "A <b>bold</b> move" and "Q&amp;amp;A" are HTML.
Text title_element(pugi::xml_node node, const Context& context);

// A date element's value through parse_date; nullopt when absent or unparseable
// (an unparseable one adds a warning).
std::optional<Timestamp> date_of(pugi::xml_node node, const Context& context);

// Fills a slot for one field: the first element of a kind wins, unless it
// is blank and a later one is not (<link></link><link>https://...</link>).
void set_once(pugi::xml_node& slot, pugi::xml_node node);

// "Name <email>", or whichever of the two is present; "" when neither.
std::string author_string(std::string_view name, std::string_view email);

// The RSS forms of a person: "email (Name)", "Name <email>", "Name" or "email".
std::string rss_person(std::string_view text);

// A stable id for an item that has none: a hash of its link and title, or,
// when it has neither, of its summary, content, enclosures, dates and categories.
std::string fallback_id(const Item& item);

// A language as feeds write it ("en-us", "EN_GB", " fr ") in BCP 47's
// conventional case ("en-US", "en-GB", "fr"): the language lower-case, a
// two-letter region upper-case, a four-letter script title-case, extensions
// and private use lower-case. "" for text that is no tag ("English", "*").
std::string language_tag(std::string_view written);

// The language named by the first of `elements` (<language>, dc:language;
// null ones skipped) whose text is a tag or, failing them, by an xml:lang
// value (`xml_lang`, nullopt when there is none): nullopt when none is a tag.
// xml:lang="" names the unknown language, "".
std::optional<std::string> named_language(std::initializer_list<pugi::xml_node> elements,
                                          std::optional<std::string_view> xml_lang);

// A non-negative integer, or 0 when the text is not one.
std::int64_t parse_length(std::string_view text);

std::string trim_copy(std::string_view text);
// The text below `node`, its surrounding whitespace trimmed.
std::string trimmed_text(pugi::xml_node node);
std::string base64_decode(std::string_view text);

// Reads each of `entries` (the feed's items in document order) into
// feed.items through `read`, up to the max_items option (a warning says
// where it cut). The items are reserved at once: an Item is large, and
// growing the vector moved every item read so far.
template <typename Entries, typename Read>
void append_items(const Entries& entries, const Context& context, ParsedFeed& feed, Read read) {
  const std::size_t room =
      context.options.max_items > feed.items.size() ? context.options.max_items - feed.items.size() : 0;
  feed.items.reserve(feed.items.size() + std::min<std::size_t>(entries.size(), room));
  for (const auto& entry : entries) {
    if (feed.items.size() >= context.options.max_items) {
      context.warnings.push_back("item limit reached: kept the first " + std::to_string(feed.items.size()));
      break;
    }
    read(entry);
  }
}

// Authors, categories or enclosures of one item or feed: more than any real
// one lists. Past it a list is keyword stuffing, each addition would search
// the whole list, and a feed's authors are copied into each entry without any.
inline constexpr std::size_t kMaxListed = 64;

// Appends `value` unless it is empty, already present, or the list is full.
void add_unique(std::vector<std::string>& values, std::string value);
void add_enclosure(std::vector<Enclosure>& enclosures, Enclosure enclosure);

}  // namespace feedsieve::parse_detail
