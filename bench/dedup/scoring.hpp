#pragma once
// How well a story assignment recovered the injected groups of the corpus.
#include <cstdint>
#include <vector>

#include "bench/dedup/synthetic.hpp"

namespace feedsieve::bench {

// Pairwise precision and recall of `predicted` (a story per item) against
// the injected groups.
void score_pairs(const std::vector<std::uint32_t>& predicted, const std::vector<Synthetic>& items);

// Per kind: a copy is right when it is in its original's story; any other
// item when its story was founded by an item of its own group.
void score_kinds(const std::vector<std::uint32_t>& predicted, const std::vector<Synthetic>& items);

}  // namespace feedsieve::bench
