// Matching robots.txt patterns against URL paths (RFC 9309 2.2.2, 2.2.3).
#include <algorithm>
#include <vector>

#include "feeds/robots/robots.hpp"
#include "feeds/url/url_detail.hpp"

namespace feedsieve {

std::string normalize_robots_path(std::string_view path) {
  // clean_reference percent-encodes what may never appear raw (non-ASCII,
  // spaces, a lone '%'); the second step decodes unreserved escapes and
  // upper-cases the rest, so "/%7Ea" and "/~a" compare equal, "%2F" and "/" do not.
  return url_detail::normalize_percent_encoding(url_detail::clean_reference(path));
}

// Tracks every position in `path` the pattern so far can end at: '*' opens
// all later positions, a literal advances the positions that match it. Linear
// in pattern x path, with no backtracking blow-up on "*a*a*a*b".
bool robots_pattern_matches(std::string_view pattern, std::string_view path) {
  std::vector<std::size_t> ends{0};
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    const char c = pattern[i];
    if (c == '$' && i + 1 == pattern.size())
      return std::find(ends.begin(), ends.end(), path.size()) != ends.end();
    if (c == '*') {
      // A run of '*' is one: each would refill every position again.
      if (i > 0 && pattern[i - 1] == '*') continue;
      const std::size_t from = ends.front();  // ascending: the earliest end opens the rest
      ends.clear();
      for (std::size_t p = from; p <= path.size(); ++p) ends.push_back(p);
      continue;
    }
    std::vector<std::size_t> next;
    for (const std::size_t p : ends)
      if (p < path.size() && path[p] == c) next.push_back(p + 1);
    if (next.empty()) return false;
    ends = std::move(next);
  }
  return true;
}

std::optional<RobotsRule> RobotsRules::deciding_rule(std::string_view target) const {
  const std::string path = normalize_robots_path(target.empty() ? std::string_view("/") : target);
  const RobotsRule* best = nullptr;
  for (const RobotsRule& rule : rules) {
    if (!robots_pattern_matches(rule.pattern, path)) continue;
    const bool longer = best == nullptr || rule.pattern.size() > best->pattern.size();
    const bool allow_ties = best != nullptr && rule.pattern.size() == best->pattern.size() && rule.allow;
    if (longer || allow_ties) best = &rule;
  }
  if (best == nullptr) return std::nullopt;
  return *best;
}

bool RobotsRules::allows(std::string_view target) const {
  if (target == "/robots.txt") return true;
  const auto rule = deciding_rule(target);
  return !rule || rule->allow;
}

}  // namespace feedsieve
