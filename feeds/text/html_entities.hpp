#pragma once
// The HTML5 named character references, as data.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feedsieve::text_detail {

// The code points of `&name;` in HTML5 (name without '&' and ';'); nullopt when
// HTML does not define it. The XML predefines (lt, gt, amp, apos, quot) are not in it.
std::optional<std::u32string> html_entity(std::string_view name);

// The same as one or two code points, for a hot loop that appends them itself.
struct EntityCodePoints {
  char32_t first;
  char32_t second;  // 0 when the reference is one code point
};
std::optional<EntityCodePoints> html_entity_code_points(std::string_view name);

// Every name html_entity knows (for tests that compare it with other decoders).
std::vector<std::string_view> html_entity_names();

}  // namespace feedsieve::text_detail
