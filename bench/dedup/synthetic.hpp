#pragma once
// The synthetic corpus of bench/dedup: Zipf-worded originals from many feeds
// and what syndication makes of them (the copies, which must join their
// original's story), next to the hard negatives that must not: another
// outlet's article about the same event, and items filled into one template.
#include <cstdint>
#include <random>
#include <string>
#include <vector>

namespace feedsieve::bench {

enum class Kind {
  original,
  cjk_original,
  title_only,
  copy_retitled,        // new title, boilerplate, case: the lead untouched
  copy_one_edit,        // one word of the lead replaced
  copy_both_halves,     // one word replaced in each half of the lead
  copy_three_edits,     // three words replaced anywhere in the lead
  copy_truncated,       // summary cut to 14-31 words
  copy_boilerplate_first,  // "Subscribe to ..." before the text
  copy_cjk,             // a CJK copy with one character replaced or cut
  copy_title_only,      // title only, with " - Outlet"
  same_event,           // another article: similar title, shared names and a quote
  template_same_feed,   // one feed's template, six slots filled differently
  template_other_feed,  // the same template used by another feed
};
inline constexpr std::size_t kind_count = 14;

const char* kind_name(Kind kind);
bool is_copy(Kind kind);

struct Synthetic {
  std::string title;
  std::string body;
  std::uint32_t group;    // injected truth: copies share their original's group
  std::uint32_t feed;
  std::size_t original;   // for copies: the index of their original
  Kind kind;
};

// `feeds`: how many feeds the items come from (at least 2).
std::vector<Synthetic> generate(std::size_t count, std::mt19937_64& rng, std::uint32_t feeds = 5000);

}  // namespace feedsieve::bench
