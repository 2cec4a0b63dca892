#pragma once
// A generated, deterministic corpus of realistic feeds for the parse benchmark.
#include <cstdint>
#include <string>
#include <vector>

namespace bench {

struct Document {
  std::string name;   // a file name that says what it is: "00042-rss2-windows-1252.xml"
  std::string bytes;  // in the document's own encoding
  std::string encoding;  // as declared: "UTF-8", "windows-1252", ...
  bool json = false;
  // The HTML fields as the generator wrote them, in UTF-8: what parse_feed
  // sanitizes (contents) and turns into plain text (descriptions), against
  // `base`. bench_parse times that work on its own, a floor under the parse.
  std::vector<std::string> contents;
  std::vector<std::string> descriptions;
  std::string base;
};

// `count` ordinary feeds (RSS 2.0, Atom 1.0, RSS 1.0, JSON Feed; UTF-8,
// ISO-8859-1, windows-1252, UTF-16LE, Shift_JIS, GB18030, KOI8-R) of 10-60
// items each, plus `huge` feeds of 20,000 items. Same seed, same bytes.
std::vector<Document> generate_corpus(std::uint32_t seed, int count, int huge);

}  // namespace bench
