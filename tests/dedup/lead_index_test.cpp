// The index structures behind StoryIndex: the sorted-sketch comparison
// decides exactly as lead_overlap() does, and the band table returns every
// item inserted under a key however the table has grown.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <set>

#include "feeds/dedup/band_table.hpp"
#include "feeds/dedup/fingerprint.hpp"

using namespace feedsieve;

namespace {

// A lead of `size` shingles drawn from a small alphabet, so that two leads
// share some, and one lead repeats some, as repeated phrases do.
Fingerprint random_lead(std::mt19937& rng, int size, std::uint32_t alphabet) {
  Fingerprint f;
  std::uniform_int_distribution<std::uint32_t> shingle(0, alphabet - 1);
  for (int i = 0; i < size; ++i) f.lead[static_cast<std::size_t>(i)] = shingle(rng) * 0x9e3779b1u;
  f.lead_size = size;
  return f;
}

// b: a copy of a with `edits` shingles replaced and cut to `size`.
Fingerprint edited(const Fingerprint& a, std::mt19937& rng, int edits, int size, std::uint32_t alphabet) {
  Fingerprint b = a;
  std::uniform_int_distribution<int> at(0, a.lead_size - 1);
  const Fingerprint noise = random_lead(rng, edits, alphabet);
  for (int e = 0; e < edits; ++e) b.lead[static_cast<std::size_t>(at(rng))] = noise.lead[static_cast<std::size_t>(e)];
  b.lead_size = size;
  return b;
}

}  // namespace

TEST_CASE("the sorted-sketch comparison decides as lead_overlap does, at every size and overlap") {
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> size(min_shingles - 2, max_lead_shingles);
  std::uniform_int_distribution<int> edits(0, 14);
  int same = 0, different = 0;
  for (int round = 0; round < 20000; ++round) {
    const std::uint32_t alphabet = round % 3 == 0 ? 12 : 5000;
    const Fingerprint a = random_lead(rng, size(rng), alphabet);
    const Fingerprint b = edited(a, rng, edits(rng), size(rng), alphabet);
    const bool expected = lead_overlap(a, b).same();
    INFO("sizes " << a.lead_size << ", " << b.lead_size << ": shared " << lead_overlap(a, b).shared);
    REQUIRE(same_lead(sorted_lead(a), sorted_lead(b)) == expected);
    REQUIRE(same_lead(sorted_lead(b), sorted_lead(a)) == expected);
    (expected ? same : different) += 1;
  }
  // Both answers were exercised, near the threshold too.
  CHECK(same > 2000);
  CHECK(different > 2000);
}

TEST_CASE("a sorted sketch keeps each shingle with its position") {
  Fingerprint f;
  f.lead_size = 4;
  f.lead = {30, 10, 20, 10};
  const SortedLead s = sorted_lead(f);
  CHECK(s.size == 4);
  CHECK(std::vector<std::uint32_t>(s.hash.begin(), s.hash.begin() + 4) == std::vector<std::uint32_t>{10, 10, 20, 30});
  CHECK(std::set<int>{s.at[0], s.at[1]} == std::set<int>{1, 3});
  CHECK(s.at[2] == 2);
  CHECK(s.at[3] == 0);
}

TEST_CASE("the band table returns every item of a key through its growth") {
  BandTable table;
  std::multiset<std::pair<std::int64_t, std::uint32_t>> inserted;
  std::mt19937_64 rng(11);
  // Keys 0, 4, ... 96 recur (500 items each); keys agreeing in their
  // low bits share a home slot; the rest are unique.
  for (std::uint32_t item = 0; item < 50000; ++item) {
    const std::int64_t key = item % 4 == 0   ? static_cast<std::int64_t>(item % 100)
                             : item % 4 == 1 ? static_cast<std::int64_t>((std::uint64_t{item % 7} << 40) | 1024)
                                             : static_cast<std::int64_t>(rng() >> 1);
    table.insert(key, item);
    inserted.emplace(key, item);
  }
  CHECK(table.size() == 50000);
  CHECK(table.memory_bytes() >= 50000 * 8);
  std::set<std::int64_t> keys;
  for (const auto& [key, item] : inserted) keys.insert(key);
  for (const std::int64_t key : keys) {
    std::multiset<std::uint32_t> got;
    table.for_each(key, [&](std::uint32_t item) { got.insert(item); });
    std::multiset<std::uint32_t> want;
    for (auto it = inserted.lower_bound({key, 0}); it != inserted.end() && it->first == key; ++it)
      want.insert(it->second);
    // Keys that agree in the low 32 bits are reported together.
    if (static_cast<std::uint32_t>(key) == 1024) {
      REQUIRE(got.size() == 12500);
    } else {
      REQUIRE(got == want);
    }
  }
  std::set<std::uint32_t> both;
  table.for_each_of(std::array<std::int64_t, 2>{4, 8}, [&](std::uint32_t item) { both.insert(item); });
  CHECK(both.size() == 2 * 500);
  table.for_each(999999, [](std::uint32_t) { FAIL("an absent key visits nothing"); });
}
