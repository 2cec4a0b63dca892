#pragma once
// Internal to feeds/text: the hash of the open-addressing tables that look up
// short names (character references, tag names): FNV-1a, a few instructions
// a byte, and well spread over names that differ in one letter.
#include <cstdint>
#include <string_view>

namespace feedsieve::text_detail {

constexpr std::uint32_t name_hash(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (const char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}

}  // namespace feedsieve::text_detail
