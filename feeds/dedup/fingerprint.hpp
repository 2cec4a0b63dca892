#pragma once
// What recognises one article behind different links and titles.
//
// The lead: the first lead_tokens tokens of the article's text (tokens as in
// feeds/text/normalize.hpp, so CJK and Thai text count by character), after
// a leading dateline and boilerplate sentences are dropped. Its 3-token
// shingles, hashed to 32 bits and kept in text order, are the item's sketch.
// Copies keep the lead when an aggregator truncates the rest or rewrites the
// title.
//
// Two items are the same article when, over the shingles of the lead they
// both have (the first min(n_a, n_b), so a truncated copy compares against
// the same stretch of the original), at least min_overlap of them are shared,
// and they compare at least min_shingles. An edited word costs the 3 shingles
// that contain it, so a copy with a word edited in each half of the lead
// shares 24 of 30 (0.8) and one with three edits 21 of 30 (0.7); a different
// article about the same event shares a name or a quote (under 0.2), and two
// items filled into one template share what the template fixes (0.4 with
// six slots, 0.6 when two slots happen to agree): 0.7 keeps them apart.
//
// Finding the candidates: MinHash with LSH banding. A band is lsh_rows
// MinHash values hashed into one key; items that share a key are compared.
// The first head_bands bands are taken over the shingles of the first
// head_tokens tokens only, the other lead_bands over the whole lead, so a
// copy cut short still meets its original on the head. Two sets with Jaccard
// similarity J share one of b bands with probability 1 - (1 - J^rows)^b:
// a word edited in each half (J = 24/36) 0.9997 on the lead bands alone,
// three edits (J = 21/39) 0.992, a copy cut to 14 tokens 0.9996 on the head
// bands (J = 12/14 there); unrelated texts (J near 0) meet rarely.
// bench/dedup/README.md has the measured figures.
//
// title_key: the folded title words, with a trailing " - Outlet" / " | Outlet"
// removed, for items too short to fingerprint. Equal keys of at least
// min_title_tokens words (CJK: twice as many characters) mean the same article.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace feedsieve {

inline constexpr int lead_tokens = 32;
inline constexpr int shingle_tokens = 3;
inline constexpr int max_lead_shingles = lead_tokens - shingle_tokens + 1;
inline constexpr int min_shingles = 8;
inline constexpr double min_overlap = 0.7;
inline constexpr int lsh_rows = 2;
inline constexpr int head_tokens = 16;
inline constexpr int head_bands = 6;
inline constexpr int lead_bands = 14;
inline constexpr int lsh_bands = head_bands + lead_bands;
inline constexpr int min_title_tokens = 5;

struct Fingerprint {
  std::array<std::uint32_t, max_lead_shingles> lead{};  // shingle hashes in text order
  int lead_size = 0;  // 0: too little text (fewer than min_shingles shingles)
  std::string title_key;  // "" when the title is too short to identify anything

  bool has_text() const { return lead_size > 0; }
  bool operator==(const Fingerprint&) const = default;
};

// `body` is plain text: the summary, else the content as text.
Fingerprint fingerprint(std::string_view title, std::string_view body);

// The shingles two leads share over the stretch both have.
struct Overlap {
  int shared = 0;
  int compared = 0;
  constexpr bool same() const { return compared >= min_shingles && shared >= min_overlap * compared; }
};
Overlap lead_overlap(const Fingerprint& a, const Fingerprint& b);

// The sketch sorted by hash, each shingle with its position in the lead, so
// that comparing it with many others needs no sort per pair: a merge over
// the shingles before min(n_a, n_b) decides.
struct SortedLead {
  std::array<std::uint32_t, max_lead_shingles> hash{};
  std::array<std::uint8_t, max_lead_shingles> at{};  // the shingle's position in the lead
  std::uint8_t size = 0;
};
SortedLead sorted_lead(const Fingerprint& print);
// lead_overlap(a, b).same() of the prints a and b were made from; the merge
// stops as soon as the count of shared shingles decides.
bool same_lead(const SortedLead& a, const SortedLead& b);

// The same article, by text (both fingerprinted) or else by title.
bool same_text(const Fingerprint& a, const Fingerprint& b);

// The LSH keys of a fingerprint with text: band number in bits 56-62, 56
// bits of hash below, so every key is a positive SQLite integer.
using BandKeys = std::array<std::int64_t, lsh_bands>;
BandKeys band_keys(const Fingerprint& print);

// The sketch as stored (daemon/store): 4 little-endian bytes per shingle.
std::string lead_bytes(const Fingerprint& print);
// Back from lead_bytes(); a blob of the wrong size gives no text.
void set_lead(Fingerprint& print, std::string_view bytes);

}  // namespace feedsieve
