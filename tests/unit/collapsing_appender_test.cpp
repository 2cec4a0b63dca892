// The incremental whitespace collapse html_to_text writes with must equal
// collapse_whitespace over the whole text, however the text is cut into
// pieces (at character boundaries) and wherever word breaks fall.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <vector>

#include "feeds/text/collapsing_appender.hpp"
#include "feeds/text/html_text.hpp"

TEST_CASE("collapsing while appending equals collapsing the concatenation", "[text]") {
  const std::vector<std::string> atoms = {"a", "word", " ", "  ", "\n", "\t", "\r\n", "\xC2\xA0", "\xE2\x80\x83",
                                          "\xE3\x80\x80", "caf\xC3\xA9", "\xE4\xB8\xAD", "\xE2\x80\x8B", "\xC2\x85", "x"};
  std::mt19937 rng(11);
  for (int round = 0; round < 2000; ++round) {
    feedsieve::text_detail::CollapsingAppender appender;
    std::string whole;
    const int pieces = static_cast<int>(rng() % 12);
    for (int p = 0; p < pieces; ++p) {
      if (rng() % 5 == 0) {
        appender.space();
        whole += '\n';
        continue;
      }
      std::string piece;
      const int n = static_cast<int>(rng() % 4);
      for (int k = 0; k < n; ++k) piece += atoms[rng() % atoms.size()];
      appender.append(piece);
      whole += piece;
    }
    CAPTURE(whole);
    CHECK(appender.take() == feedsieve::collapse_whitespace(whole));
  }
}

namespace {

// collapse_whitespace spelled out: every White_Space character (as UTF-8)
// is a break, breaks between words become one space, none at the ends.
std::string reference_collapse(const std::string& text) {
  static const std::vector<std::string> kSpaces = {
      " ", "\t", "\n", "\v", "\f", "\r", "\xC2\x85", "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\x80", "\xE2\x80\x81",
      "\xE2\x80\x82", "\xE2\x80\x83", "\xE2\x80\x84", "\xE2\x80\x85", "\xE2\x80\x86", "\xE2\x80\x87",
      "\xE2\x80\x88", "\xE2\x80\x89", "\xE2\x80\x8A", "\xE2\x80\xA8", "\xE2\x80\xA9", "\xE2\x80\xAF",
      "\xE2\x81\x9F", "\xE3\x80\x80"};
  std::string out;
  bool pending = false;
  for (std::size_t i = 0; i < text.size();) {
    std::size_t space = 0;
    for (const std::string& s : kSpaces) {
      if (text.compare(i, s.size(), s) == 0) space = s.size();
    }
    if (space != 0) {
      pending = !out.empty();
      i += space;
      continue;
    }
    if (pending) out += ' ';
    pending = false;
    out += text[i++];
  }
  return out;
}

}  // namespace

TEST_CASE("collapse_whitespace equals the character-by-character rule on long mixed text", "[text]") {
  // Long enough for the sixteen-byte scan, with bytes that only look like the
  // start of a space (other E1-E3 and C2 characters, controls).
  const std::vector<std::string> atoms = {
      "word", "abcdefghijklmnopqrstuvwxyz", " ", "   ", "\n", "\x01", "\x1F", "\xC2\xA0", "\xC2\xA9",
      "\xE1\x9A\x80", "\xE1\x80\x80", "\xE2\x80\x83", "\xE2\x80\x94", "\xE2\x80\x8B", "\xE3\x80\x80",
      "\xE3\x81\x82", "\xE4\xB8\xAD", "\xC2\x85", "\xD0\xBC"};
  std::mt19937 rng(29);
  for (int round = 0; round < 3000; ++round) {
    std::string text;
    const int n = static_cast<int>(rng() % 40);
    for (int k = 0; k < n; ++k) text += atoms[rng() % atoms.size()];
    CAPTURE(text);
    CHECK(feedsieve::collapse_whitespace(text) == reference_collapse(text));
  }
}
