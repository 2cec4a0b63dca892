#include "feeds/dedup/event_terms.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <set>

#include "feeds/text/normalize.hpp"

namespace feedsieve {
namespace {

// Words that say nothing about which happening a story covers. News
// vocabulary ("says", "report") is here too: every story has it.
constexpr std::array<std::string_view, 96> stop_words{
    "the", "and", "for", "with", "that", "this", "from", "are", "was", "were", "has", "have", "had", "its", "it's",
    "but", "not", "you", "your", "our", "their", "they", "them", "his", "her", "she", "him", "who", "what", "when",
    "where", "why", "how", "which", "will", "would", "can", "could", "should", "may", "might", "about", "into",
    "over", "after", "before", "more", "most", "new", "than", "then", "also", "just", "now", "out", "off", "all",
    "any", "some", "one", "two", "its", "been", "being", "said", "says", "say", "told", "report", "reports",
    "reported", "according", "news", "week", "year", "years", "today", "tuesday", "monday", "wednesday",
    "thursday", "friday", "saturday", "sunday", "there", "here", "very", "much", "many", "other", "such",
    "only", "like", "per", "via", "amid"};

bool is_stop_word(std::string_view word) {
  return std::find(stop_words.begin(), stop_words.end(), word) != stop_words.end();
}

void add_terms(const std::vector<Token>& tokens, std::size_t limit, std::set<std::string>& seen,
               std::vector<std::string>& out) {
  for (std::size_t i = 0; i < tokens.size() && i < limit && out.size() < max_event_terms; ++i) {
    std::string term;
    if (tokens[i].cjk) {
      if (i + 1 >= tokens.size() || !tokens[i + 1].cjk) continue;
      term = tokens[i].folded + tokens[i + 1].folded;
    } else {
      // Short words say little, except model names such as "r1" or "v3".
      const bool has_digit = tokens[i].folded.find_first_of("0123456789") != std::string::npos;
      if ((tokens[i].folded.size() < 3 && !has_digit) || is_stop_word(tokens[i].folded)) continue;
      term = tokens[i].folded;
    }
    if (seen.insert(term).second) out.push_back(std::move(term));
  }
}

}  // namespace

std::vector<std::string> distinctive_terms(std::string_view title, std::string_view body) {
  std::vector<std::string> out;
  std::set<std::string> seen;
  add_terms(tokenize_for_compare(title), SIZE_MAX, seen, out);
  add_terms(tokenize_for_compare(strip_boilerplate(body.substr(0, 4096))), event_lead_tokens, seen, out);
  return out;
}

double event_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b,
                        const std::function<double(const std::string&)>& idf) {
  // A story has at most max_event_terms terms: a linear search beats building a set.
  double shared = 0, norm_a = 0, norm_b = 0;
  for (const std::string& t : a) {
    const double w = idf(t);
    norm_a += w * w;
    if (std::find(b.begin(), b.end(), t) != b.end()) shared += w * w;
  }
  for (const std::string& t : b) norm_b += idf(t) * idf(t);
  if (norm_a == 0 || norm_b == 0) return 0;
  return shared / (std::sqrt(norm_a) * std::sqrt(norm_b));
}

}  // namespace feedsieve
