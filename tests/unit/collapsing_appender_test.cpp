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
