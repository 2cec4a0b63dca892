#pragma once
// Identity policy for items and stories (documented in docs/schema.md):
// which guid an item is stored under, and the opaque story_id of a story.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "feeds/model.hpp"

namespace feedsieve::store_detail {

// The item's guid, or when it has none: its canonical link, its link, its
// first enclosure URL, or "hash:" and 16 hex digits of title and summary.
std::string effective_guid(const NormalizedItem& item);

struct KeyedItem {
  std::string guid;
  const NormalizedItem* item;  // points into the poll's item list
};

// One entry per effective guid, in order of first appearance; the last
// occurrence's fields win (a feed that repeats a guid means its newest copy).
std::vector<KeyedItem> unique_by_guid(const std::vector<NormalizedItem>& items);

// What a new story is founded on: its canonical link, or "feed_id:guid".
std::string founding_key(std::int64_t feed_id, std::string_view guid,
                         const std::optional<std::string>& canonical_link);

// The canonical link, with an empty one treated as none.
std::optional<std::string> usable_canonical_link(const NormalizedItem& item);

// 16 hex digits of stable_hash(key); attempt n > 0 (after a collision with
// another story) hashes "key#n" instead, so the fallback is deterministic too.
std::string story_id_for(std::string_view key, int attempt);

}  // namespace feedsieve::store_detail
