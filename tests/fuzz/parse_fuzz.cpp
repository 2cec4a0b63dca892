// libFuzzer target: parse_feed on arbitrary bytes, then the JSON the parse verb
// prints. A ParseError is a clean refusal; anything else (a crash, a sanitizer
// report, an uncaught exception, a hang) is a finding. Built by run.sh with
// clang, never by the normal build.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include <boost/json.hpp>

#include "feeds/json/feed_json.hpp"
#include "feeds/parse/parse.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  feedsieve::ParseOptions options;
  // Bits of the first byte pick a declared charset, so that the HTTP side of
  // the charset chain is fuzzed too, and a document without a URL of its own,
  // whose relative xml:base is resolved under a stand-in root.
  const unsigned picks = size > 0 ? data[0] : 0u;
  if ((picks & 1) != 0) options.content_type = "application/rss+xml; charset=windows-1252";
  if ((picks & 2) == 0) options.url = "https://example.com/blog/feed.xml";
  try {
    const feedsieve::ParsedFeed feed = feedsieve::parse_feed(bytes, options);
    const std::string json = boost::json::serialize(feedsieve::to_json(feed));
    if (json.empty()) __builtin_trap();  // an object always serializes to something
  } catch (const feedsieve::ParseError&) {
  }
  return 0;
}
