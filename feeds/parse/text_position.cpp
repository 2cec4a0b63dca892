#include "feeds/parse/text_position.hpp"

#include <algorithm>

namespace feedsieve::parse_detail {

std::string text_position(std::string_view text, std::size_t offset) {
  const std::string_view before = text.substr(0, std::min(offset, text.size()));
  const std::size_t last_newline = before.rfind('\n');
  const std::string_view this_line = last_newline == std::string_view::npos ? before : before.substr(last_newline + 1);
  const auto line = 1 + std::count(before.begin(), before.end(), '\n');
  // A UTF-8 continuation byte (10xxxxxx) is no character of its own.
  const auto column = 1 + std::count_if(this_line.begin(), this_line.end(),
                                        [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; });
  return "line " + std::to_string(line) + ", column " + std::to_string(column);
}

}  // namespace feedsieve::parse_detail
