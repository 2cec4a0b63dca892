#include "daemon/store/item_identity.hpp"

#include <cstdio>
#include <unordered_map>

#include "feeds/stable_hash.hpp"

namespace feedsieve::store_detail {
namespace {

std::string hex16(std::uint64_t value) {
  char text[17];
  std::snprintf(text, sizeof text, "%016llx", static_cast<unsigned long long>(value));
  return text;
}

}  // namespace

std::string effective_guid(const NormalizedItem& normalized) {
  const Item& item = normalized.item;
  if (!item.id.empty()) return item.id;
  if (auto canonical = usable_canonical_link(normalized)) return *canonical;
  if (!item.link.empty()) return item.link;
  if (!item.enclosures.empty() && !item.enclosures.front().url.empty()) return item.enclosures.front().url;
  // U+001F (unit separator) keeps "ab"+"c" and "a"+"bc" apart.
  return "hash:" + hex16(stable_hash(item.title + '\x1f' + item.summary));
}

std::vector<KeyedItem> unique_by_guid(const std::vector<NormalizedItem>& items) {
  std::vector<KeyedItem> unique;
  std::unordered_map<std::string, std::size_t> position;
  for (const NormalizedItem& item : items) {
    std::string guid = effective_guid(item);
    const auto [found, inserted] = position.try_emplace(guid, unique.size());
    if (inserted) {
      unique.push_back({std::move(guid), &item});
    } else {
      unique[found->second].item = &item;
    }
  }
  return unique;
}

std::optional<std::string> usable_canonical_link(const NormalizedItem& item) {
  if (item.canonical_link && !item.canonical_link->empty()) return item.canonical_link;
  return std::nullopt;
}

std::string founding_key(std::int64_t feed_id, std::string_view guid,
                         const std::optional<std::string>& canonical_link) {
  if (canonical_link) return *canonical_link;
  return std::to_string(feed_id) + ":" + std::string(guid);
}

std::string story_id_for(std::string_view key, int attempt) {
  if (attempt == 0) return hex16(stable_hash(key));
  return hex16(stable_hash(std::string(key) + "#" + std::to_string(attempt)));
}

}  // namespace feedsieve::store_detail
