#pragma once
// An in-memory story assignment over fingerprints: each new item joins the
// story of the first earlier item that is the same article, else founds a new
// one. The SimHash side is a multi-table index: one bucket per band key
// (fingerprint.hpp), so a lookup reads at most eight buckets and checks only
// their entries' full hashes. The daemon's store does the same with an
// indexed table (daemon/store/story_match.cpp); this one serves bench/dedup
// and shows the memory cost per item.
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "feeds/dedup/fingerprint.hpp"

namespace feedsieve {

class StoryIndex {
 public:
  StoryIndex();

  // The story of an earlier near-duplicate, when there is one.
  std::optional<std::uint32_t> find(const Fingerprint& f) const;
  // Adds an item of `story`.
  void add(const Fingerprint& f, std::uint32_t story);
  // find(), else a new story; then add().
  std::uint32_t assign(const Fingerprint& f);

  std::size_t items() const { return entries_.size(); }
  std::size_t memory_bytes() const;

 private:
  struct Entry {
    std::array<std::uint64_t, 2> simhash;
    std::array<std::uint8_t, 2> present;
    std::uint32_t story;
  };
  std::vector<Entry> entries_;  // per fingerprinted item
  std::vector<std::vector<std::uint32_t>> buckets_;  // by band key
  std::unordered_map<std::string, std::uint32_t> titles_, untexted_titles_;
  std::uint32_t next_story_ = 0;
};

}  // namespace feedsieve
