#pragma once
// HTML fragments as feeds carry them, turned into plain text or safe HTML (gumbo).
#include <string>
#include <string_view>

namespace feedsieve {

// Tags stripped, entities decoded, whitespace collapsed to single spaces, trimmed.
// Block elements (p, br, li, div...) become word breaks, so words never fuse.
std::string html_to_text(std::string_view html);

// Collapses runs of whitespace to one space and trims. For text that is not HTML.
std::string collapse_whitespace(std::string_view text);

// Allowlist sanitizer: keeps harmless formatting, drops script/style/iframe/
// object/embed/form and friends with their content, every on* attribute, and
// javascript:/vbscript:/non-image data: URLs; relative href/src resolved against base_url.
std::string sanitize_html(std::string_view html, std::string_view base_url);

}  // namespace feedsieve
