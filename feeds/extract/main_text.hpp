#pragma once
// Main-text extraction: the article body of a news or blog page, as
// paragraphs (headings, paragraphs, list items, quotes) in document order.
#include <string>
#include <vector>

#include "feeds/html/document.hpp"

namespace feedsieve {

// The blocks of the page's main text, each whitespace-collapsed; empty when
// the page has no block of prose. `title` (when known) drops a leading
// heading that only repeats it.
std::vector<std::string> extract_main_text(const HtmlDocument& document, std::string_view title = {});

}  // namespace feedsieve
