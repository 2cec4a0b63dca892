#pragma once
// A multimap from 64-bit LSH band keys to 32-bit item numbers, append-only
// and compact: one open-addressing table of 8-byte slots (the key's low 32
// bits and the item), filled at most three quarters, so about 11-21 bytes
// per entry and no allocation per key. A lookup reads the key's slot and
// the slots after it, which are mostly in the same cache line: one random
// read per band where a chained table needs two (slot head, then link). The
// slot is taken from the low bits and all 32 are checked; a rare false match
// (two keys agreeing in them) only costs the caller a comparison. A
// std::unordered_map of vectors costs about 80 bytes per key, which is most
// keys: they are shared by no other item.
#include <array>
#include <cstdint>
#include <vector>

namespace feedsieve {

class BandTable {
 public:
  void insert(std::int64_t key, std::uint32_t item);

  // Calls visit(item) for every item inserted under `key`, in no particular
  // order (and, rarely, one whose key only agrees in the checked bits).
  template <class Visit>
  void for_each(std::int64_t key, Visit&& visit) const {
    if (!slots_.empty()) walk(low_bits(key), visit);
  }

  // The same for several keys at once: their first slots are fetched
  // together, so the random reads of a lookup overlap instead of waiting
  // for each other (the index is far larger than the caches).
  template <std::size_t N, class Visit>
  void for_each_of(const std::array<std::int64_t, N>& keys, Visit&& visit) const {
    if (slots_.empty()) return;
    for (const std::int64_t key : keys) __builtin_prefetch(&slots_[home(low_bits(key))]);
    for (const std::int64_t key : keys) walk(low_bits(key), visit);
  }

  std::size_t size() const { return size_; }
  std::size_t memory_bytes() const;

 private:
  struct Slot {
    std::uint32_t low;
    std::uint32_t item;  // 1 + the item; 0: empty
  };
  static std::uint32_t low_bits(std::int64_t key) { return static_cast<std::uint32_t>(key); }
  std::size_t home(std::uint32_t low) const { return low & (slots_.size() - 1); }
  std::size_t next(std::size_t at) const { return (at + 1) & (slots_.size() - 1); }
  // Linear probing: a key's items are in the run of full slots from its home.
  template <class Visit>
  void walk(std::uint32_t low, Visit& visit) const {
    for (std::size_t at = home(low); slots_[at].item != 0; at = next(at))
      if (slots_[at].low == low) visit(slots_[at].item - 1);
  }
  void place(Slot slot);
  void grow();

  std::vector<Slot> slots_;  // power-of-two size
  std::size_t size_ = 0;
};

}  // namespace feedsieve
