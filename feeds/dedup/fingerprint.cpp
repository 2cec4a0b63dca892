#include "feeds/dedup/fingerprint.hpp"

#include <bit>
#include <vector>

#include "feeds/text/normalize.hpp"

namespace feedsieve {
namespace {

// FNV-1a then a murmur finaliser: FNV alone has weak high bits, and SimHash
// needs every bit of the shingle hash to be a fair coin.
std::uint64_t hash_text(std::string_view text, std::uint64_t seed) {
  std::uint64_t h = 14695981039346656037ull ^ seed;
  for (const char c : text) h = (h ^ static_cast<unsigned char>(c)) * 1099511628211ull;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

std::uint64_t combine(std::uint64_t a, std::uint64_t b) { return hash_text(std::string_view(reinterpret_cast<const char*>(&b), sizeof b), a); }

std::uint64_t simhash_of(const std::vector<std::uint64_t>& shingles) {
  std::array<int, 64> votes{};
  for (const std::uint64_t h : shingles)
    for (int bit = 0; bit < 64; ++bit) votes[bit] += (h >> bit) & 1u ? 1 : -1;
  std::uint64_t out = 0;
  for (int bit = 0; bit < 64; ++bit)
    if (votes[bit] > 0) out |= std::uint64_t{1} << bit;
  return out;
}

// The word hashes of the lead: the first lead_tokens tokens.
std::vector<std::uint64_t> lead_hashes(const std::vector<Token>& tokens) {
  std::vector<std::uint64_t> words;
  for (const Token& t : tokens) {
    words.push_back(hash_text(t.folded, 0));
    if (words.size() == static_cast<std::size_t>(lead_tokens)) break;
  }
  return words;
}

std::vector<std::uint64_t> shingle_hashes(const std::vector<std::uint64_t>& words, std::size_t from, std::size_t to) {
  std::vector<std::uint64_t> out;
  for (std::size_t i = from; i + 2 < std::min(to, words.size()); ++i)
    out.push_back(combine(combine(words[i], words[i + 1]), words[i + 2]));
  return out;
}

// "Title - Outlet", "Title | Outlet": the outlet is not part of the article.
std::string_view without_outlet(std::string_view title) {
  for (const std::string_view sep : {" - ", " | ", " \u2013 ", " \u2014 "}) {
    const std::size_t at = title.rfind(sep);
    if (at == std::string_view::npos) continue;
    const std::string_view tail = title.substr(at + sep.size());
    if (folded_words(tail).size() <= 4 && folded_words(title.substr(0, at)).size() >= min_title_tokens)
      return title.substr(0, at);
  }
  return title;
}

std::string title_key(std::string_view title) {
  const std::vector<Token> tokens = tokenize_for_compare(without_outlet(title));
  std::size_t weight = 0;  // a CJK character carries about half a word
  for (const Token& t : tokens) weight += t.cjk ? 1 : 2;
  if (weight < 2 * static_cast<std::size_t>(min_title_tokens)) return {};
  std::string key;
  for (const Token& t : tokens) {
    if (!key.empty() && !t.cjk) key += ' ';
    key += t.folded;
  }
  return key;
}

}  // namespace

Fingerprint fingerprint(std::string_view title, std::string_view body) {
  Fingerprint f;
  f.title_key = title_key(title);
  // A 1 MB body has its lead in the first few kilobytes.
  const std::vector<std::uint64_t> words =
      lead_hashes(tokenize_for_compare(strip_dateline(strip_boilerplate(body.substr(0, 16384)))));
  for (std::size_t w = 0; w < f.simhash.size(); ++w) {
    const std::size_t from = w * window_tokens;
    const std::vector<std::uint64_t> shingles = shingle_hashes(words, from, from + window_tokens);
    if (shingles.size() < static_cast<std::size_t>(min_shingles)) break;
    f.simhash[w] = simhash_of(shingles);
    f.shingles[w] = static_cast<int>(shingles.size());
  }
  return f;
}

int hamming_distance(std::uint64_t a, std::uint64_t b) { return std::popcount(a ^ b); }

std::optional<int> window_distance(const Fingerprint& a, const Fingerprint& b, std::size_t w) {
  if (a.shingles[w] == 0 || b.shingles[w] == 0) return std::nullopt;
  const int distance = hamming_distance(a.simhash[w], b.simhash[w]);
  if (distance > max_distance) return std::nullopt;
  return distance;
}

bool same_text(const Fingerprint& a, const Fingerprint& b) {
  if (a.has_text() && b.has_text()) {
    for (std::size_t w = 0; w < a.simhash.size(); ++w)
      if (window_distance(a, b, w)) return true;
    return false;
  }
  return !a.title_key.empty() && a.title_key == b.title_key;
}

BandKeys band_keys(const Fingerprint& print) {
  BandKeys out;
  for (std::uint32_t w = 0; w < print.simhash.size(); ++w) {
    if (print.shingles[w] == 0) continue;
    for (std::uint32_t band = 0; band < 4; ++band)
      out.keys[out.size++] = w << 18 | band << 16 | static_cast<std::uint32_t>((print.simhash[w] >> (16 * band)) & 0xffff);
  }
  return out;
}

}  // namespace feedsieve
