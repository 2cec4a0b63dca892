#include "feeds/parse/html_guess.hpp"

#include <algorithm>
#include <array>
#include <string>

#include "feeds/text/ascii.hpp"
#include "feeds/text/html_entities.hpp"

namespace feedsieve::parse_detail {
namespace {

// A regular expression's \w: ASCII letters, digits and '_', and any byte of a
// non-ASCII character (most of which, after '<' or '&', are letters).
bool is_word_char(char c) {
  const auto byte = static_cast<unsigned char>(c);
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || byte >= 0x80;
}

std::size_t word_end(std::string_view text, std::size_t from) {
  while (from < text.size() && is_word_char(text[from])) ++from;
  return from;
}

// The elements whose tags make such a field HTML (sorted): HTML's own, as an
// aggregator's sanitizer accepts them, and no script, style, frame or object.
// ("event-source" is never a whole tag name, as a name ends at '-'; it stays
// so that the list reads as feedparser's does.)
constexpr std::array<std::string_view, 100> kHtmlElements = {
    "a",        "abbr",     "acronym",  "address",  "area",       "article", "aside",    "audio",    "b",
    "big",      "blockquote", "br",     "button",   "canvas",     "caption", "center",   "cite",     "code",
    "col",      "colgroup", "command",  "datagrid", "datalist",   "dd",      "del",      "details",  "dfn",
    "dialog",   "dir",      "div",      "dl",       "dt",         "em",      "event-source", "fieldset",
    "figcaption", "figure", "font",     "footer",   "form",       "h1",      "h2",       "h3",       "h4",
    "h5",       "h6",       "header",   "hr",       "i",          "img",     "input",    "ins",      "kbd",
    "keygen",   "label",    "legend",   "li",       "m",          "map",     "menu",     "meter",    "multicol",
    "nav",      "nextid",   "noscript", "ol",       "optgroup",   "option",  "output",   "p",        "pre",
    "progress", "q",        "s",        "samp",     "section",    "select",  "small",    "sound",    "source",
    "spacer",   "span",     "strike",   "strong",   "sub",        "sup",     "table",    "tbody",    "td",
    "textarea", "tfoot",    "th",       "thead",    "time",       "tr",      "tt",       "u",        "ul",
    "var",      "video",
};
static_assert(std::is_sorted(kHtmlElements.begin(), kHtmlElements.end()));

bool listed(std::string_view name) { return std::binary_search(kHtmlElements.begin(), kHtmlElements.end(), name); }

bool is_html_reference(std::string_view name) {
  return name == "lt" || name == "gt" || name == "amp" || name == "apos" || name == "quot" ||
         text_detail::html_entity_code_points(name).has_value();
}

bool has_end_tag(std::string_view text) {
  for (std::size_t i = text.find("</"); i != std::string_view::npos; i = text.find("</", i + 2)) {
    const std::size_t end = word_end(text, i + 2);
    if (end > i + 2 && end < text.size() && text[end] == '>') return true;
  }
  return false;
}

bool has_reference(std::string_view text) {
  for (std::size_t i = text.find('&'); i != std::string_view::npos; i = text.find('&', i + 1)) {
    const std::size_t start = i + 1 < text.size() && text[i + 1] == '#' ? i + 2 : i + 1;
    const std::size_t end = word_end(text, start);
    if (end > start && end < text.size() && text[end] == ';') return true;
  }
  return false;
}

// Every "<name" or "</name" names an element of kHtmlElements, in any case.
bool tags_are_html(std::string_view text) {
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    const std::size_t start = i + 1 < text.size() && text[i + 1] == '/' ? i + 2 : i + 1;
    const std::size_t end = word_end(text, start);
    if (end > start && !listed(ascii_lower(text.substr(start, end - start)))) return false;
  }
  return true;
}

// Every "&name;" is a reference HTML defines (XML's five included).
bool references_are_html(std::string_view text) {
  for (std::size_t i = text.find('&'); i != std::string_view::npos; i = text.find('&', i + 1)) {
    const std::size_t end = word_end(text, i + 1);
    if (end > i + 1 && end < text.size() && text[end] == ';' && !is_html_reference(text.substr(i + 1, end - i - 1)))
      return false;
  }
  return true;
}

}  // namespace

bool looks_like_html(std::string_view text) {
  return (has_end_tag(text) || has_reference(text)) && tags_are_html(text) && references_are_html(text);
}

}  // namespace feedsieve::parse_detail
