#pragma once
// Text-level fixes that make real-world feed XML acceptable to pugixml. Each
// pass is linear in its input and bounded in its output.
#include <cstddef>
#include <string>
#include <string_view>

namespace feedsieve::parse_detail {

struct EntityPass {
  std::string xml;
  bool dropped_entities = false;  // internal DTD entities left unexpanded: over budget or unsafe
  bool replaced_references = false;  // numeric references to no character (&#0; &#xD800; &#x110000;) made U+FFFD
};

// Outside CDATA sections, comments and processing instructions: rewrites every
// HTML5 named reference that XML does not predefine (&nbsp; &eacute; ...) and
// every numeric one to a decimal character reference, escapes '&' that starts
// no reference, and expands the document's own internal entities when their
// value is plain text. The DOCTYPE is removed (pugixml would skip it anyway),
// so nothing external is ever referenced. Expansions add at most
// `expansion_budget` bytes, which is what defuses entity bombs. A document
// that needs none of this comes back as it went in, without a copy.
EntityPass normalize_entities(std::string xml, std::size_t expansion_budget);

// The lenient second try: drops junk before the first markup, escapes '<'
// that opens no markup, drops end tags that close nothing and closes elements
// left open (mismatched or truncated documents). Stops nesting at max_depth.
std::string repair_markup(std::string_view xml, std::size_t max_depth);

}  // namespace feedsieve::parse_detail
