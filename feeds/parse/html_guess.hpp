#pragma once
// Whether the text of an RSS field that may be plain or HTML (a title) is HTML.
#include <string_view>

namespace feedsieve::parse_detail {

// True when `text` has an end tag ("</b>") or a character reference
// ("&amp;", "&#38;"), every tag in it names an element a feed's HTML may
// carry, and every named reference is one HTML defines: the guess feedparser
// makes (which knows HTML 4's references only), so the two read such a field
// alike. Anything else is text, angle brackets and all: "Using Option<T>",
// "Tom &amp; Jerry's <Feed>" and "I <3 Rust" keep every word.
bool looks_like_html(std::string_view text);

}  // namespace feedsieve::parse_detail
