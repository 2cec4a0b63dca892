#include "feeds/dedup/band_table.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>
#include <utility>

namespace feedsieve {
namespace {

constexpr std::size_t first_slots = 1024;
constexpr std::size_t max_slots = std::size_t{1} << 32;  // the home slot comes from 32 bits of the key

}  // namespace

void BandTable::insert(std::int64_t key, std::uint32_t item) {
  // Item numbers are stored plus one, and a full table would probe forever.
  if (item == std::numeric_limits<std::uint32_t>::max() || size_ + 1 >= max_slots)
    throw std::length_error("band table: more than 2^32 items or entries");
  // Past three quarters full, probe runs grow long (about 8 slots for a
  // missing key at 0.75); at 2^32 slots the key has no more bits to spread.
  if (4 * (size_ + 1) > 3 * slots_.size() && slots_.size() < max_slots) grow();
  place({low_bits(key), item + 1});
  ++size_;
}

void BandTable::place(Slot slot) {
  std::size_t at = home(slot.low);
  while (slots_[at].item != 0) at = next(at);
  slots_[at] = slot;
}

void BandTable::grow() {
  std::vector<Slot> old = std::exchange(slots_, std::vector<Slot>(std::max(first_slots, 2 * slots_.size())));
  for (const Slot& slot : old)
    if (slot.item != 0) place(slot);
}

std::size_t BandTable::memory_bytes() const { return slots_.capacity() * sizeof(Slot); }

}  // namespace feedsieve
