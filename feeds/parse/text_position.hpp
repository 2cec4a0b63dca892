#pragma once
// Where a parser stopped, told the way an editor shows it: error messages
// name a line and column, not a byte offset nobody can find by hand.
#include <cstddef>
#include <string>
#include <string_view>

namespace feedsieve::parse_detail {

// "line L, column C" of byte `offset` of UTF-8 `text`, both counted from 1;
// the column counts characters, not bytes. An offset past the end is the end.
std::string text_position(std::string_view text, std::size_t offset);

}  // namespace feedsieve::parse_detail
