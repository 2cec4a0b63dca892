#pragma once
// A guess at the charset of bytes that carry no label and are not UTF-8,
// through uchardet's statistical detectors.
#include <optional>
#include <string>
#include <string_view>

namespace feedsieve {

struct GuessedText {
  std::string charset;  // iconv's name for it
  std::string utf8;
  bool replaced_invalid = false;  // a few sequences were invalid and became U+FFFD
};

// `bytes` decoded in the charset uchardet finds for them, when that is one of
// a non-Latin script (Chinese, Japanese, Korean, Cyrillic, Greek, Hebrew,
// Arabic, Thai) and the bytes decode in it with at most one invalid sequence in a
// hundred non-ASCII bytes; nullopt otherwise. Latin answers are left out on purpose: on a few accented letters
// or curly quotes uchardet names any of a dozen Latin code pages, where
// windows-1252 is the one such feeds are really in.
std::optional<GuessedText> decode_as_guessed_non_latin(std::string_view bytes);

}  // namespace feedsieve
