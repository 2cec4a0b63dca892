#pragma once
// robots.txt (RFC 9309): which paths of a site one crawler may fetch. Pure:
// the caller fetches the file and decides what a missing or failing one means.
//
// Groups start with one or more user-agent lines; a group applies when one of
// its product tokens equals the crawler's (case-insensitively; the value's
// leading run of letters, '-' and '_' is the token, so "FeedSieve/1.0" names
// "feedsieve"). Every group naming the crawler is merged; only when none
// does, the merged "*" groups apply; with neither, everything is allowed.
// Among the rules that match a path the longest pattern wins, and an allow
// wins a tie. Patterns and paths are compared after percent-encoding
// normalization ("%62" is "b", non-ASCII bytes are "%XX", hex upper-cased);
// '*' matches any run of octets and a final '$' anchors the end.
#include <chrono>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feedsieve {

struct RobotsRule {
  std::string pattern;  // normalized; may hold '*' and a final '$'
  bool allow = false;

  bool operator==(const RobotsRule&) const = default;
};

// The rules that apply to one crawler on one site.
struct RobotsRules {
  std::vector<RobotsRule> rules;
  // The group's Crawl-delay (not in RFC 9309, widely used); the largest
  // when merged groups give several.
  std::optional<std::chrono::milliseconds> crawl_delay;

  // `target` is the URL's path and query ("/a/b?c=d"); empty means "/".
  // "/robots.txt" itself is always allowed.
  bool allows(std::string_view target) const;
  // The rule that decides `target`, or nullopt when none matches (allowed).
  std::optional<RobotsRule> deciding_rule(std::string_view target) const;

  bool operator==(const RobotsRules&) const = default;
};

// RFC 9309 2.5: crawlers must parse at least 500 KiB; what follows is ignored.
inline constexpr std::size_t robots_parse_limit = 500 * 1024;

// The rules for `product_token` (e.g. "feedsieve") in a robots.txt body.
// Never fails: junk lines, a UTF-8 BOM, CR/LF/CRLF line ends, missing colons
// and unknown fields are skipped.
RobotsRules parse_robots(std::string_view body, std::string_view product_token);

// Percent-encoding normalization shared by patterns and paths (RFC 9309 2.2.2).
std::string normalize_robots_path(std::string_view path);

// Whether `pattern` (normalized) matches the start of `path` (normalized).
bool robots_pattern_matches(std::string_view pattern, std::string_view path);

}  // namespace feedsieve
