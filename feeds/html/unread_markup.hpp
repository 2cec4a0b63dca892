#pragma once
// Markup no reader of a page looks at, removed before the HTML parser sees
// it: the bodies of <script> (JSON-LD excepted), <style> and inline <svg>
// (icons and logos: paths, no prose), and comments. On real news pages they
// are more than half of the bytes, and tokenizing them was most of gumbo's time.
#include <string>
#include <string_view>

namespace feedsieve {

// `html` without those bodies: the <script>, <style> and <svg> start and end tags
// stay (empty elements), so the tree keeps its shape. Tags, attribute values
// (quoted '<' and '>' included) and the raw text of <title>, <textarea>,
// <noscript> and kin are copied as they are; script bodies end where the HTML
// tokenizer ends them (its escaped states for "<!--" included).
std::string drop_unread_markup(std::string_view html);

}  // namespace feedsieve
