#pragma once
// Text as dedup and topic matching compare it: Unicode NFKC, case folded,
// split into word tokens; Han and kana characters (written without spaces)
// are one token each, so CJK text is matched and shingled by character.
#include <string>
#include <string_view>
#include <vector>

namespace feedsieve {

struct Token {
  std::string text;     // NFKC, original case
  std::string folded;   // NFKC + case folded (what comparisons use)
  bool cjk = false;     // one Han / Hiragana / Katakana character
};

// Invalid UTF-8 is replaced, not rejected: feeds are messy and this never throws.
std::vector<Token> tokenize_for_compare(std::string_view text);

// Only the folded forms, for callers that ignore case.
std::vector<std::string> folded_words(std::string_view text);

// Removes syndication boilerplate ("This story originally appeared in ...",
// "Read more", "Subscribe to ...", "The post X appeared first on Y"...): the
// sentence it starts is dropped, so unrelated items of one feed that share
// it do not look alike.
std::string strip_boilerplate(std::string_view text);

}  // namespace feedsieve

namespace feedsieve {

// Drops a leading wire dateline ("BEIJING (Reuters) - ", "SAN FRANCISCO — "):
// outlets keep or cut it, and it would shift every word of the lead.
std::string strip_dateline(std::string_view text);

}  // namespace feedsieve
