#pragma once
// Feed parsing: bytes in, a ParsedFeed out. Pure: no I/O, no clock.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>

#include "feeds/model.hpp"

namespace feedsieve {

struct ParseOptions {
  // The document's own URL: the base for relative links (xml:base overrides it).
  std::string url;
  // The HTTP Content-Type header, if any (its charset takes part in decoding).
  std::string content_type;
  // Bounds that keep hostile documents cheap.
  std::size_t max_bytes = 64 * 1024 * 1024;
  std::size_t max_items = 100'000;
  std::size_t max_depth = 512;
};

// Thrown when the bytes are not a feed, or too broken to recover anything.
// what() is one line that says why ("parse: not a feed: root element <html>").
class ParseError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Detects the format by content and parses it. Throws ParseError.
ParsedFeed parse_feed(std::string_view bytes, const ParseOptions& options = {});

// "rss2.0", "rss1.0", "rss0.9x", "atom1.0", "atom0.3", "jsonfeed", "cdf".
std::string_view format_name(FeedFormat format);

}  // namespace feedsieve
