#include "feeds/dedup/band_table.hpp"

#include <algorithm>

namespace feedsieve {
namespace {

constexpr std::size_t first_slots = 1024;
constexpr std::size_t max_slots = std::size_t{1} << 32;  // the slot comes from 32 bits of the key

}  // namespace

void BandTable::insert(std::int64_t key, std::uint32_t item) {
  if (links_.size() >= heads_.size() && heads_.size() < max_slots) grow();
  const std::uint32_t low = low_bits(key);
  std::uint32_t& head = heads_[slot(low)];
  links_.push_back({low, item, head});
  head = static_cast<std::uint32_t>(links_.size());
}

// Twice the slots, every link relinked in insertion order, so each slot's
// chain stays newest first.
void BandTable::grow() {
  heads_.assign(std::max(first_slots, 2 * heads_.size()), 0);
  for (std::size_t i = 0; i < links_.size(); ++i) {
    std::uint32_t& head = heads_[slot(links_[i].low)];
    links_[i].next = head;
    head = static_cast<std::uint32_t>(i + 1);
  }
}

std::size_t BandTable::memory_bytes() const {
  return heads_.capacity() * sizeof(std::uint32_t) + links_.capacity() * sizeof(Link);
}

}  // namespace feedsieve
