#include "feeds/parse/fields.hpp"

#include <algorithm>
#include <array>
#include <charconv>
#include <cstdio>

#include "feeds/date/date.hpp"
#include "feeds/parse/html_guess.hpp"
#include "feeds/parse/xml_tree.hpp"
#include "feeds/stable_hash.hpp"
#include "feeds/text/ascii.hpp"
#include "feeds/text/html_text.hpp"

namespace feedsieve::parse_detail {
namespace {

bool has_element_child(pugi::xml_node node) {
  return std::any_of(node.children().begin(), node.children().end(),
                     [](pugi::xml_node n) { return n.type() == pugi::node_element; });
}

// XML's whitespace, and the no-break spaces (U+00A0) that CMS templates
// leave around a link or an id.
std::string_view trim_view(std::string_view text) {
  const auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  constexpr std::string_view kNoBreak = "\xC2\xA0";
  for (;;) {
    const std::size_t before = text.size();
    while (!text.empty() && space(text.front())) text.remove_prefix(1);
    while (!text.empty() && space(text.back())) text.remove_suffix(1);
    if (text.starts_with(kNoBreak)) text.remove_prefix(kNoBreak.size());
    if (text.ends_with(kNoBreak)) text.remove_suffix(kNoBreak.size());
    if (text.size() == before) return text;
  }
}

}  // namespace

std::string trim_copy(std::string_view text) { return std::string(trim_view(text)); }

std::string trimmed_text(pugi::xml_node node) { return trim_copy(Text(node).value()); }

Text::Text(pugi::xml_node node) {
  if (const auto sole = sole_text(node)) {
    viewed_ = *sole;
  } else {
    owned_ = text_content(node);
  }
}

Text Text::viewing(std::string_view text) {
  Text t;
  t.viewed_ = text;
  return t;
}

Text Text::owning(std::string text) {
  Text t;
  t.owned_ = std::move(text);
  return t;
}

std::string plain_text(const Text& text) {
  return text.html ? html_to_text(text.value()) : collapse_whitespace(text.value());
}

const BaseUrl& BaseCache::get(std::string_view base) {
  if (!url_ || text_ != base) {
    url_.emplace(base);
    text_.assign(base);
  }
  return *url_;
}

std::string html_content(const Text& text, const Context& context) {
  if (text.empty()) return {};
  const BaseUrl& base = context.bases.get(text.base);
  if (text.html) return sanitize_html(text.value(), base);
  std::string escaped;
  escaped.reserve(text.value().size());
  append_html_escaped(escaped, text.value(), false);
  return sanitize_html(escaped, base);
}

std::string resolve_link(pugi::xml_node node, std::string_view reference, const Context& context) {
  const std::string_view ref = trim_view(reference);
  if (ref.empty()) return {};
  const std::string& base = element_base(node, context);
  return base.empty() ? std::string(ref) : context.bases.get(base).resolve(ref);
}

bool looks_like_web_url(std::string_view text) {
  return text.starts_with("http://") || text.starts_with("https://");
}

const std::string& element_base(pugi::xml_node node, const Context& context) {
  // An element without an xml:base of its own has its parent's base: asking
  // for the parent's keeps the item on the path for all of its fields.
  const pugi::xml_node parent = node.parent();
  const bool inherits = parent.type() == pugi::node_element && xml_base(node).empty();
  return context.scopes.base_of(inherits ? parent : node, context.options.url);
}

Text html_element(pugi::xml_node node, const Context& context) {
  if (!node) return {};
  // Text beside elements is HTML source, as the field's text alone is; in XHTML's namespace it is text.
  const FieldText field_text = namespace_of(node) == ns::xhtml ? FieldText::text : FieldText::html;
  Text text = has_element_child(node) ? Text::owning(inner_markup(node, field_text)) : Text(node);
  text.html = true;
  text.base = element_base(node, context);
  return text;
}

Text title_element(pugi::xml_node node, const Context& context) {
  Text text = html_element(node, context);
  if (text.html && !has_element_child(node)) text.html = looks_like_html(text.value());
  return text;
}

std::optional<Timestamp> date_of(pugi::xml_node node, const Context& context) {
  if (!node) return std::nullopt;
  const Text whole(node);
  const std::string_view text = trim_view(whole.value());
  if (text.empty()) return std::nullopt;
  auto parsed = parse_date(text);
  if (!parsed) context.warnings.push_back("unparseable date \"" + std::string(text.substr(0, 64)) + "\"");
  return parsed;
}

void set_once(pugi::xml_node& slot, pugi::xml_node node) {
  if (!slot || (is_blank(slot) && !is_blank(node))) slot = node;
}

std::string author_string(std::string_view name, std::string_view email) {
  const std::string n = collapse_whitespace(name);
  const std::string e = trim_copy(email);
  if (!n.empty() && !e.empty()) return n + " <" + e + ">";
  return n.empty() ? e : n;
}

std::string rss_person(std::string_view text) {
  const std::string t = collapse_whitespace(text);
  // "email (Name)" or "Name (email)"
  if (const auto open = t.find('('); open != std::string::npos && t.back() == ')') {
    const std::string before = trim_copy(std::string_view(t).substr(0, open));
    const std::string inside = trim_copy(std::string_view(t).substr(open + 1, t.size() - open - 2));
    if (before.find('@') != std::string::npos) return author_string(inside, before);
    if (inside.find('@') != std::string::npos) return author_string(before, inside);
  }
  // "Name <email>"
  if (const auto open = t.find('<'); open != std::string::npos && t.back() == '>') {
    const std::string before = trim_copy(std::string_view(t).substr(0, open));
    const std::string inside = trim_copy(std::string_view(t).substr(open + 1, t.size() - open - 2));
    return author_string(before, inside);
  }
  return t;
}

std::string fallback_id(const Item& item) {
  StableHash hash;
  hash.add(item.link).add("\n").add(item.title);
  // Items with neither (a feed of bare descriptions) would all share one id,
  // and so be stored as one item: they are told apart by what they say, and
  // when they say nothing, by their dates and categories.
  if (item.link.empty() && item.title.empty()) {
    hash.add("\n").add(item.summary).add("\n").add(item.content);
    for (const Enclosure& e : item.enclosures) hash.add("\n").add(e.url);
    // Only then: an edit that moves `updated` must not make a new item of one that says something.
    if (item.summary.empty() && item.content.empty() && item.enclosures.empty()) {
      for (const auto& date : {item.published, item.updated}) hash.add("\n").add(date ? format_rfc3339(*date) : "");
      for (const std::string& category : item.categories) hash.add("\n").add(category);
    }
  }
  std::array<char, 17> hex{};
  std::snprintf(hex.data(), hex.size(), "%016llx", static_cast<unsigned long long>(hash.value()));
  return std::string("urn:feedsieve:") + hex.data();
}

std::string language_tag(std::string_view written) {
  const std::string_view text = trim_view(written);
  std::string tag;
  tag.reserve(text.size());
  // Past a one-letter subtag (an extension's, or private use) everything is
  // lower-case (RFC 5646 2.1.1).
  bool after_singleton = false;
  std::size_t start = 0;
  for (std::size_t index = 0; start <= text.size(); ++index) {
    const std::size_t end = std::min(text.find_first_of("-_", start), text.size());
    const std::string_view subtag = text.substr(start, end - start);
    const bool letters = std::all_of(subtag.begin(), subtag.end(), ascii_alpha);
    const bool alnum = std::all_of(subtag.begin(), subtag.end(), ascii_alnum);
    if (subtag.empty() || subtag.size() > 8 || !alnum) return {};
    // First a language of two or three letters (ISO 639: "English" is none),
    // or the x- of a private tag or the i- of an old registered one.
    const bool language = letters && (subtag.size() == 2 || subtag.size() == 3);
    const bool prefix = subtag.size() == 1 && (ascii_lower(subtag[0]) == 'x' || ascii_lower(subtag[0]) == 'i');
    if (index == 0 && !language && !(prefix && end < text.size())) return {};
    after_singleton = after_singleton || subtag.size() == 1;
    if (index > 0) tag += '-';
    for (std::size_t k = 0; k < subtag.size(); ++k) {
      const bool upper =
          index > 0 && !after_singleton && letters && (subtag.size() == 2 || (subtag.size() == 4 && k == 0));
      tag += upper ? ascii_upper(subtag[k]) : ascii_lower(subtag[k]);
    }
    start = end + 1;
  }
  return tag;
}

std::optional<std::string> named_language(std::initializer_list<pugi::xml_node> elements,
                                          std::optional<std::string_view> xml_lang) {
  for (const pugi::xml_node element : elements) {
    if (!element) continue;
    std::string tag = language_tag(Text(element).value());
    if (!tag.empty()) return tag;
  }
  if (xml_lang) {
    if (trim_view(*xml_lang).empty()) return std::string();  // said to be unknown
    std::string tag = language_tag(*xml_lang);
    if (!tag.empty()) return tag;
  }
  return std::nullopt;
}

std::int64_t parse_length(std::string_view text) {
  const std::string t = trim_copy(text);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(t.data(), t.data() + t.size(), value);
  if (ec != std::errc{} || end != t.data() + t.size() || value < 0) return 0;
  return value;
}

std::string base64_decode(std::string_view text) {
  const auto sextet = [](char c) -> int {
    if (c >= 'A' && c <= 'Z') return c - 'A';
    if (c >= 'a' && c <= 'z') return c - 'a' + 26;
    if (c >= '0' && c <= '9') return c - '0' + 52;
    if (c == '+' || c == '-') return 62;
    if (c == '/' || c == '_') return 63;
    return -1;
  };
  std::string out;
  unsigned int buffer = 0;
  int bits = 0;
  for (const char c : text) {
    const int v = sextet(c);
    if (v < 0) continue;  // whitespace, padding
    buffer = (buffer << 6) | static_cast<unsigned int>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out += static_cast<char>((buffer >> bits) & 0xFF);
    }
  }
  return out;
}

void add_unique(std::vector<std::string>& values, std::string value) {
  if (value.empty() || values.size() >= kMaxListed) return;
  if (std::find(values.begin(), values.end(), value) != values.end()) return;
  values.push_back(std::move(value));
}

void add_enclosure(std::vector<Enclosure>& enclosures, Enclosure enclosure) {
  if (enclosure.url.empty() || enclosures.size() >= kMaxListed) return;
  const bool known = std::any_of(enclosures.begin(), enclosures.end(),
                                 [&](const Enclosure& e) { return e.url == enclosure.url; });
  if (!known) enclosures.push_back(std::move(enclosure));
}

}  // namespace feedsieve::parse_detail
