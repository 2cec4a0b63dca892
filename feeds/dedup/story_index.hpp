#pragma once
// An in-memory story assignment over fingerprints, with the store's rules
// (daemon/store/story_match.hpp): each new item joins the story of the
// earliest item of another feed that is the same article, else founds a new
// one. The text side is the LSH index of fingerprint.hpp: items sharing a
// band key are candidates, and the lead overlap decides. This one serves
// bench/dedup and shows the memory cost per item.
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "feeds/dedup/band_table.hpp"
#include "feeds/dedup/fingerprint.hpp"

namespace feedsieve {

class StoryIndex {
 public:
  // The story of an earlier near-duplicate from another feed, when there is one.
  std::optional<std::uint32_t> find(const Fingerprint& f, std::uint32_t feed) const;
  // Adds an item of `feed` and `story`.
  void add(const Fingerprint& f, std::uint32_t feed, std::uint32_t story);
  // find(), else a new story; then add().
  std::uint32_t assign(const Fingerprint& f, std::uint32_t feed);

  std::size_t items() const { return entries_.size(); }
  std::size_t memory_bytes() const;

 private:
  // The sketch kept sorted: each lookup sorts its own once, and each
  // candidate costs one merge that mostly stops early.
  struct Entry {
    SortedLead lead;
    std::uint32_t feed;
    std::uint32_t story;
  };
  // The first item with a title, and the first of another feed than its:
  // together they answer "the earliest item of any feed but mine".
  struct Titled {
    std::uint32_t story, feed;
    std::optional<std::uint32_t> other_story;
  };
  using Titles = std::unordered_map<std::uint64_t, Titled>;
  static void add_title(Titles& titles, std::uint64_t key, std::uint32_t feed, std::uint32_t story);
  // What a lookup and an insert both derive from a fingerprint with text.
  struct Derived {
    BandKeys keys{};
    SortedLead lead;
  };
  static Derived derive(const Fingerprint& f);
  std::optional<std::uint32_t> find(const Fingerprint& f, const Derived& d, std::uint32_t feed) const;
  void add(const Fingerprint& f, const Derived& d, std::uint32_t feed, std::uint32_t story);
  std::optional<std::uint32_t> by_text(const SortedLead& lead, const BandKeys& keys, std::uint32_t feed) const;
  std::optional<std::uint32_t> by_title(const Fingerprint& f, std::uint32_t feed) const;

  std::vector<Entry> entries_;  // per item with text
  BandTable bands_;             // band key -> entries_ index
  // By a 64-bit hash of the title key: the first item of each title, and
  // the first without text. (One feed's own repeats are not looked for.)
  Titles titles_, untexted_titles_;
  std::uint32_t next_story_ = 0;
};

}  // namespace feedsieve
