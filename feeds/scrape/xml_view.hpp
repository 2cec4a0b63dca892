#pragma once
// An HTML page as a pugixml document, so XPath 1.0 (pugixml's engine) can
// select from it. gumbo's tree is copied as it is: elements with their
// lower-cased tag and attribute names, text as PCDATA; comments and the
// bodies of scripts, styles and inline SVG are not there (HtmlDocument drops
// them before parsing: no selector wants them, and they are half of a page).
#include <pugixml.hpp>

#include "feeds/html/document.hpp"

namespace feedsieve {

// The document's root element is <html>; `//a/@href` and friends work as in a browser's $x().
pugi::xml_document xml_view(const HtmlDocument& document);

}  // namespace feedsieve
