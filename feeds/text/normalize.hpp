#pragma once
// Text as dedup and topic matching compare it: Unicode NFKC, case folded,
// split into word tokens. Scripts written without spaces between words (Han,
// kana, Thai, Lao, Khmer, Myanmar) are one token per character (a base
// character with its combining marks), so such text is matched and shingled
// by character.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feedsieve {

struct Token {
  std::string text;     // NFKC, original case
  std::string folded;   // NFKC + case folded (what comparisons use)
  bool cjk = false;     // one character of a script without spaces (see above)
};

// Invalid UTF-8 is replaced, not rejected: feeds are messy and this never throws.
std::vector<Token> tokenize_for_compare(std::string_view text);

// Only the folded forms, for callers that ignore case.
std::vector<std::string> folded_words(std::string_view text);

// The tokens of a text one at a time, without a string per token: what the
// fingerprint reads (it stops after the lead). `folded` points into the
// scanner's buffer and is valid until the next call of next(); ASCII tokens
// are folded without allocating, others reuse the scanner's buffers.
class TokenScanner {
 public:
  struct View {
    std::string_view raw;     // the token's bytes in the text
    std::string_view folded;  // NFKC + case folded
    bool cjk = false;
  };

  explicit TokenScanner(std::string_view text = {}) : text_(text) {}
  // Starts over on another text, keeping the buffers.
  void reset(std::string_view text) {
    text_ = text;
    pos_ = 0;
  }
  std::optional<View> next();

 private:
  std::string_view fold(std::string_view raw);

  std::string_view text_;
  std::size_t pos_ = 0;
  std::string folded_;
  std::vector<std::int32_t> codepoints_;
};

// Removes syndication boilerplate ("This story originally appeared in ...",
// "Read more", "Subscribe to ...", "The post X appeared first on Y"...): the
// sentence it starts is dropped, so unrelated items of one feed that share
// it do not look alike.
std::string strip_boilerplate(std::string_view text);

// The same as the pieces of `text` that remain, one at a time (views into
// `text`), for readers that stop early: no copy of the text is made.
class BoilerplateFilter {
 public:
  explicit BoilerplateFilter(std::string_view text) : text_(text) {}
  // The next kept piece (possibly empty), or nullopt at the end.
  std::optional<std::string_view> next();

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
  std::string lower_;  // the current sentence, lower-cased ASCII
};

// Drops a leading wire dateline ("BEIJING (Reuters) - ", "SAN FRANCISCO — "):
// outlets keep or cut it, and it would shift every word of the lead.
std::string_view strip_dateline(std::string_view text);

}  // namespace feedsieve
