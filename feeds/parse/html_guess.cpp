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

// What one kind of markup in a text says: whether any of it is there, and
// whether all of it is HTML's.
struct Markup {
  bool any = false;
  bool all_html = true;
};

// The tags: "</name>" counts as markup; every "<name" or "</name" must name
// an element of kHtmlElements, in any case.
Markup tags_of(std::string_view text) {
  Markup tags;
  for (std::size_t i = text.find('<'); i != std::string_view::npos; i = text.find('<', i + 1)) {
    const bool closing = i + 1 < text.size() && text[i + 1] == '/';
    const std::size_t start = closing ? i + 2 : i + 1;
    const std::size_t end = word_end(text, start);
    if (end == start) continue;
    if (closing && end < text.size() && text[end] == '>') tags.any = true;
    if (!listed(ascii_lower(text.substr(start, end - start)))) tags.all_html = false;
  }
  return tags;
}

// The references: "&name;" and "&#digits;" count as markup; every named one
// must be a reference HTML defines (XML's five included).
Markup references_of(std::string_view text) {
  Markup references;
  for (std::size_t i = text.find('&'); i != std::string_view::npos; i = text.find('&', i + 1)) {
    const bool numeric = i + 1 < text.size() && text[i + 1] == '#';
    const std::size_t start = numeric ? i + 2 : i + 1;
    const std::size_t end = word_end(text, start);
    if (end == start || end == text.size() || text[end] != ';') continue;
    references.any = true;
    if (!numeric && !is_html_reference(text.substr(start, end - start))) references.all_html = false;
  }
  return references;
}

}  // namespace

bool looks_like_html(std::string_view text) {
  const Markup tags = tags_of(text);
  const Markup references = references_of(text);
  return (tags.any || references.any) && tags.all_html && references.all_html;
}

}  // namespace feedsieve::parse_detail
