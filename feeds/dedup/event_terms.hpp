#pragma once
// What an event is recognised by: the distinctive terms of a story's title
// and lead. Two stories are about one event when their terms overlap enough,
// weighted by rarity (IDF): sharing "deepseek" and "r2" says much more than
// sharing "model" and "says". The store keeps each story's terms and the
// document frequencies come from there (daemon/store/event_match.cpp).
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace feedsieve {

inline constexpr std::size_t max_event_terms = 24;
inline constexpr int event_lead_tokens = 60;
inline constexpr std::size_t min_shared_event_terms = 3;
inline constexpr double min_event_similarity = 0.2;

// Folded words of the title and the first event_lead_tokens of the body,
// without stop words and one- or two-letter words (unless they hold a digit: "r1"); CJK as character
// bigrams. Title terms first; unique; at most max_event_terms.
std::vector<std::string> distinctive_terms(std::string_view title, std::string_view body);

// Cosine of the two binary term vectors, each term weighted by idf(term).
double event_similarity(const std::vector<std::string>& a, const std::vector<std::string>& b,
                        const std::function<double(const std::string&)>& idf);

}  // namespace feedsieve
