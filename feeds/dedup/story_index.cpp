#include "feeds/dedup/story_index.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

namespace feedsieve {
namespace {

std::uint64_t title_hash(const std::string& key) { return std::hash<std::string_view>{}(key); }

}  // namespace

StoryIndex::Derived StoryIndex::derive(const Fingerprint& f) {
  if (!f.has_text()) return {};
  return {band_keys(f), sorted_lead(f)};
}

std::optional<std::uint32_t> StoryIndex::find(const Fingerprint& f, std::uint32_t feed) const {
  return find(f, derive(f), feed);
}

std::optional<std::uint32_t> StoryIndex::find(const Fingerprint& f, const Derived& d, std::uint32_t feed) const {
  if (f.has_text())
    if (const auto story = by_text(d.lead, d.keys, feed)) return story;
  return by_title(f, feed);
}

// The earliest candidate of another feed whose lead overlaps enough, as in
// the store; each candidate is compared once however many bands it shares.
std::optional<std::uint32_t> StoryIndex::by_text(const SortedLead& lead, const BandKeys& keys,
                                                 std::uint32_t feed) const {
  std::vector<std::uint32_t> candidates;
  bands_.for_each_of(keys, [&](std::uint32_t item) { candidates.push_back(item); });
  std::sort(candidates.begin(), candidates.end());
  candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
  for (const std::uint32_t item : candidates) __builtin_prefetch(&entries_[item]);
  for (const std::uint32_t item : candidates) {
    const Entry& e = entries_[item];
    if (e.feed != feed && same_lead(lead, e.lead)) return e.story;
  }
  return std::nullopt;
}

// Same title: an item without text matches any item; one with text only
// those without (two texts that differ are two articles).
std::optional<std::uint32_t> StoryIndex::by_title(const Fingerprint& f, std::uint32_t feed) const {
  if (f.title_key.empty()) return std::nullopt;
  const Titles& titles = f.has_text() ? untexted_titles_ : titles_;
  const auto it = titles.find(title_hash(f.title_key));
  if (it == titles.end()) return std::nullopt;
  if (it->second.feed != feed) return it->second.story;
  return it->second.other_story;
}

void StoryIndex::add_title(Titles& titles, std::uint64_t key, std::uint32_t feed, std::uint32_t story) {
  const auto [it, added] = titles.try_emplace(key, Titled{story, feed, std::nullopt});
  if (!added && it->second.feed != feed && !it->second.other_story) it->second.other_story = story;
}

void StoryIndex::add(const Fingerprint& f, std::uint32_t feed, std::uint32_t story) {
  add(f, derive(f), feed, story);
}

void StoryIndex::add(const Fingerprint& f, const Derived& d, std::uint32_t feed, std::uint32_t story) {
  next_story_ = std::max(next_story_, story + 1);
  if (!f.title_key.empty()) {
    const std::uint64_t key = title_hash(f.title_key);
    add_title(titles_, key, feed, story);
    if (!f.has_text()) add_title(untexted_titles_, key, feed, story);
  }
  if (!f.has_text()) return;
  const auto item = static_cast<std::uint32_t>(entries_.size());
  entries_.push_back({d.lead, feed, story});
  for (const std::int64_t key : d.keys) bands_.insert(key, item);
}

std::uint32_t StoryIndex::assign(const Fingerprint& f, std::uint32_t feed) {
  const Derived d = derive(f);
  const std::uint32_t story = find(f, d, feed).value_or(next_story_);
  add(f, d, feed, story);
  return story;
}

std::size_t StoryIndex::memory_bytes() const {
  std::size_t bytes = entries_.capacity() * sizeof(Entry) + bands_.memory_bytes();
  for (const Titles* titles : {&titles_, &untexted_titles_})  // a node and its bucket pointer
    bytes += titles->size() * (sizeof(Titles::value_type) + 2 * sizeof(void*)) + titles->bucket_count() * sizeof(void*);
  return bytes;
}

}  // namespace feedsieve
