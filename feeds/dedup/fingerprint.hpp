#pragma once
// What recognises one article behind different links and titles.
//
// simhash: two 64-bit SimHashes over 3-token shingles of the article's lead
// (tokens as in feeds/text/normalize.hpp, so CJK text shingles by
// character), after boilerplate and a leading dateline are stripped: one over
// tokens [0, 16) and one over [16, 32). Copies keep the lead when an
// aggregator truncates the rest or rewrites the title; two windows let a copy
// with one edited word still match on the other half. Two items are the same
// article when a window present in both (at least min_shingles shingles)
// differs in at most max_distance bits; bench/dedup measures this.
//
// title_key: the folded title words, with a trailing " - Outlet" / " | Outlet"
// removed, for items too short to fingerprint. Equal keys of at least
// min_title_tokens words (CJK: twice as many characters) mean the same article.
#include <array>
#include <cstdint>
#include <string>
#include <optional>
#include <string_view>
#include <vector>

namespace feedsieve {

inline constexpr int max_distance = 3;
inline constexpr int min_shingles = 8;
inline constexpr int window_tokens = 16;
inline constexpr int lead_tokens = 2 * window_tokens;
inline constexpr int min_title_tokens = 5;

struct Fingerprint {
  std::array<std::uint64_t, 2> simhash{};
  std::array<int, 2> shingles{};  // per window; 0: too little text there
  bool has_text() const { return shingles[0] > 0; }
  std::string title_key;  // "" when the title is too short to identify anything
  bool operator==(const Fingerprint&) const = default;
};

// `body` is plain text: the summary, else the content as text.
Fingerprint fingerprint(std::string_view title, std::string_view body);

int hamming_distance(std::uint64_t a, std::uint64_t b);

// The same article, by text (both fingerprinted) or else by title.
bool same_text(const Fingerprint& a, const Fingerprint& b);

// The lookup keys of a fingerprint: for each window present, its four 16-bit
// bands, each tagged with window and band number (window << 18 | band << 16
// | bits). Two hashes of one window within 3 bits agree on at least one band
// (pigeonhole), so the indexes only look at items sharing a key.
struct BandKeys {
  std::array<std::uint32_t, 8> keys{};
  std::size_t size = 0;
  const std::uint32_t* begin() const { return keys.data(); }
  const std::uint32_t* end() const { return keys.data() + size; }
};
BandKeys band_keys(const Fingerprint& print);

// Whether window w of both is present and within max_distance bits; the distance when so.
std::optional<int> window_distance(const Fingerprint& a, const Fingerprint& b, std::size_t w);

}  // namespace feedsieve
