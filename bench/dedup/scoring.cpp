#include "bench/dedup/scoring.hpp"

#include <cstdio>
#include <unordered_map>

namespace feedsieve::bench {
namespace {

double pairs(std::uint64_t n) { return static_cast<double>(n) * static_cast<double>(n - 1) / 2; }

}  // namespace

void score_pairs(const std::vector<std::uint32_t>& predicted, const std::vector<Synthetic>& items) {
  std::unordered_map<std::uint64_t, std::uint64_t> both;
  std::unordered_map<std::uint32_t, std::uint64_t> pred, truth;
  for (std::size_t i = 0; i < items.size(); ++i) {
    ++both[(std::uint64_t{predicted[i]} << 32) | items[i].group];
    ++pred[predicted[i]];
    ++truth[items[i].group];
  }
  double tp = 0, pp = 0, tt = 0;
  for (const auto& [k, n] : both) tp += pairs(n);
  for (const auto& [k, n] : pred) pp += pairs(n);
  for (const auto& [k, n] : truth) tt += pairs(n);
  std::printf("duplicate pairs: injected %.0f, found %.0f, correct %.0f: precision %.4f, recall %.4f\n", tt, pp, tp,
              pp > 0 ? tp / pp : 1.0, tt > 0 ? tp / tt : 1.0);
}

void score_kinds(const std::vector<std::uint32_t>& predicted, const std::vector<Synthetic>& items) {
  std::unordered_map<std::uint32_t, std::uint32_t> founder_group;
  for (std::size_t i = 0; i < items.size(); ++i) founder_group.try_emplace(predicted[i], items[i].group);
  std::vector<std::size_t> total(kind_count), right(kind_count);
  for (std::size_t i = 0; i < items.size(); ++i) {
    const auto k = static_cast<std::size_t>(items[i].kind);
    ++total[k];
    const bool ok = is_copy(items[i].kind) ? predicted[i] == predicted[items[i].original]
                                           : founder_group.at(predicted[i]) == items[i].group;
    right[k] += ok ? 1 : 0;
  }
  std::printf("%-34s %9s %9s %8s\n", "kind", "items", "right", "rate");
  for (std::size_t k = 0; k < kind_count; ++k)
    if (total[k] > 0)
      std::printf("%-34s %9zu %9zu %8.4f\n", kind_name(static_cast<Kind>(k)), total[k], right[k],
                  static_cast<double>(right[k]) / static_cast<double>(total[k]));
}

}  // namespace feedsieve::bench
