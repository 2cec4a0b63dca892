#include "feeds/dedup/story_index.hpp"

namespace feedsieve {

StoryIndex::StoryIndex() : buckets_(std::size_t{2} << 18) {}

std::optional<std::uint32_t> StoryIndex::find(const Fingerprint& f) const {
  if (f.has_text()) {
    std::optional<std::uint32_t> best;  // the earliest item wins, as in the store
    for (const std::uint32_t key : band_keys(f)) {
      const std::size_t w = key >> 18;
      for (const std::uint32_t item : buckets_[key]) {
        if (best && item >= *best) break;
        const Entry& e = entries_[item];
        if (e.present[w] && hamming_distance(e.simhash[w], f.simhash[w]) <= max_distance) best = item;
      }
    }
    if (best) return entries_[*best].story;
  }
  // Same title: an item without text matches any item; one with text only
  // those without (two texts that differ are two articles).
  if (f.title_key.empty()) return std::nullopt;
  const auto& titles = f.has_text() ? untexted_titles_ : titles_;
  const auto it = titles.find(f.title_key);
  if (it == titles.end()) return std::nullopt;
  return it->second;
}

void StoryIndex::add(const Fingerprint& f, std::uint32_t story) {
  if (story >= next_story_) next_story_ = story + 1;
  if (!f.title_key.empty()) titles_.try_emplace(f.title_key, story);
  if (!f.title_key.empty() && !f.has_text()) untexted_titles_.try_emplace(f.title_key, story);
  if (!f.has_text()) return;
  const auto item = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({f.simhash, {f.shingles[0] > 0, f.shingles[1] > 0}, story});
  for (const std::uint32_t key : band_keys(f)) buckets_[key].push_back(item);
}

std::uint32_t StoryIndex::assign(const Fingerprint& f) {
  const std::uint32_t story = find(f).value_or(next_story_);
  add(f, story);
  return story;
}

std::size_t StoryIndex::memory_bytes() const {
  std::size_t bytes = entries_.capacity() * sizeof(Entry);
  for (const auto& bucket : buckets_) bytes += sizeof bucket + bucket.capacity() * sizeof(std::uint32_t);
  for (const auto* titles : {&titles_, &untexted_titles_})
    for (const auto& [key, story] : *titles) bytes += key.capacity() + sizeof(story) + 48;  // node, bucket overhead
  return bytes;
}

}  // namespace feedsieve
