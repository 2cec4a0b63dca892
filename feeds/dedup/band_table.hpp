#pragma once
// A multimap from 64-bit LSH band keys to 32-bit item numbers, append-only
// and compact: 12 bytes per entry (the key's low 32 bits, the item, the next
// entry of its slot) plus 4 to 8 bytes of slot heads, and no allocation per
// key. The slot is taken from the low bits, so the table can grow without
// the keys; the bits above the slot's are checked, and a rare false match
// only costs the caller a comparison. A std::unordered_map of vectors costs about 80 bytes per key,
// which is most keys: they are shared by no other item.
#include <array>
#include <cstdint>
#include <vector>

namespace feedsieve {

class BandTable {
 public:
  void insert(std::int64_t key, std::uint32_t item);

  // Calls visit(item) for every item inserted under `key`, newest first
  // (and, rarely, one whose key only agrees in the checked bits).
  template <class Visit>
  void for_each(std::int64_t key, Visit&& visit) const {
    if (heads_.empty()) return;
    const std::uint32_t low = low_bits(key);
    for (std::uint32_t at = heads_[slot(low)]; at != 0; at = links_[at - 1].next)
      if (links_[at - 1].low == low) visit(links_[at - 1].item);
  }

  // The same for several keys at once: their slots and first links are
  // fetched together, so the random reads of a lookup overlap instead of
  // waiting for each other (the index is far larger than the caches).
  template <std::size_t N, class Visit>
  void for_each_of(const std::array<std::int64_t, N>& keys, Visit&& visit) const {
    if (heads_.empty()) return;
    std::array<std::uint32_t, N> first{};
    for (const std::int64_t key : keys) __builtin_prefetch(&heads_[slot(low_bits(key))]);
    for (std::size_t i = 0; i < N; ++i) {
      first[i] = heads_[slot(low_bits(keys[i]))];
      if (first[i] != 0) __builtin_prefetch(&links_[first[i] - 1]);
    }
    for (std::size_t i = 0; i < N; ++i)
      for (std::uint32_t at = first[i]; at != 0; at = links_[at - 1].next)
        if (links_[at - 1].low == low_bits(keys[i])) visit(links_[at - 1].item);
  }

  std::size_t memory_bytes() const;

 private:
  struct Link {
    std::uint32_t low;
    std::uint32_t item;
    std::uint32_t next;  // 1 + index of the next link of the slot; 0 ends it
  };
  static std::uint32_t low_bits(std::int64_t key) { return static_cast<std::uint32_t>(key); }
  std::size_t slot(std::uint32_t low) const { return low & (heads_.size() - 1); }
  void grow();

  std::vector<std::uint32_t> heads_;  // power-of-two size; 1 + index of the slot's newest link
  std::vector<Link> links_;
};

}  // namespace feedsieve
