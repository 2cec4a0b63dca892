#pragma once
// HTML fragments as feeds carry them, turned into plain text or safe HTML (gumbo).
#include <cstddef>
#include <string>
#include <string_view>

namespace feedsieve {

class BaseUrl;

// Tags stripped, entities decoded, whitespace collapsed to single spaces, trimmed.
// Block elements (p, br, li, div...) become word breaks, so words never fuse.
std::string html_to_text(std::string_view html);

// Collapses runs of whitespace to one space and trims. For text that is not HTML.
std::string collapse_whitespace(std::string_view text);

// Allowlist sanitizer: keeps harmless formatting, drops script/style/frames
// and friends with their content (object/embed/iframe/svg lose their tags, keep their fallback), every on* attribute, and
// javascript:/vbscript:/non-image data: URLs; relative href/src resolved against base_url.
std::string sanitize_html(std::string_view html, std::string_view base_url);
// The same with the base already parsed, for the many fragments of one feed.
std::string sanitize_html(std::string_view html, const BaseUrl& base);

// True for the elements HTML never gives content or an end tag (br, img,
// hr...), by name in any case.
bool is_html_void_element(std::string_view name);

// Appends `text` with & < > (and " when `attribute`) escaped as character references.
void append_html_escaped(std::string& out, std::string_view text, bool attribute);

// What limit_html_markup lets through to gumbo.
struct MarkupLimits {
  std::size_t depth;  // elements open at once
  std::size_t tags;   // tags kept in all
};

// Caps the element nesting of an HTML fragment at limits.depth and the tags
// it keeps at limits.tags: start tags that would open deeper or past the
// count, and their end tags, are each replaced by a space; text is kept. A
// cheap approximation of the HTML tree rules that errs on the deep side.
// Gumbo's tree construction is quadratic in nesting depth and its tree takes
// about 1 KB an element, so anything that hands untrusted markup to gumbo
// should pass it through this first (html_to_text and sanitize_html do).
std::string limit_html_markup(std::string_view html, MarkupLimits limits);

}  // namespace feedsieve
