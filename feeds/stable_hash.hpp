#pragma once
// 64-bit FNV-1a: tiny, and the same on every compiler, platform and run
// (std::hash is not), for the ids and keys that are stored and compared later.
#include <cstdint>
#include <string_view>

namespace feedsieve {

class StableHash {
 public:
  constexpr StableHash& add(std::string_view bytes) {
    for (const char c : bytes) hash_ = (hash_ ^ static_cast<unsigned char>(c)) * 1099511628211ull;
    return *this;
  }
  constexpr std::uint64_t value() const { return hash_; }

 private:
  std::uint64_t hash_ = 14695981039346656037ull;
};

constexpr std::uint64_t stable_hash(std::string_view bytes) { return StableHash().add(bytes).value(); }

}  // namespace feedsieve
