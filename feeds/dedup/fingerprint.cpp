#include "feeds/dedup/fingerprint.hpp"

#include <algorithm>
#include <bit>
#include <climits>

#include "feeds/stable_hash.hpp"
#include "feeds/text/normalize.hpp"

namespace feedsieve {
namespace {

// A 1 MB body has its lead in the first few kilobytes.
constexpr std::size_t max_body_bytes = 16384;
constexpr int head_shingles = head_tokens - shingle_tokens + 1;

// The murmur3 finaliser: every input bit flips every output bit with
// probability about 1/2, which MinHash needs of its shingle hashes.
constexpr std::uint64_t mix(std::uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdull;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ull;
  return h ^ (h >> 33);
}

// FNV-1a, then mixed: FNV alone has weak high bits.
std::uint64_t hash_word(std::string_view word) { return mix(stable_hash(word)); }

// Word order matters: each position is rotated differently.
std::uint32_t hash_shingle(const std::uint64_t* words) {
  return static_cast<std::uint32_t>(mix(words[0] ^ std::rotl(words[1], 21) ^ std::rotl(words[2], 42)) >> 32);
}

// MinHash permutations as multiply-add hashing of the 32-bit shingle hashes
// (2-universal; the high 32 bits of a*x + b): one multiplication each.
struct Permutation {
  std::uint64_t a, b;
};
constexpr std::array<Permutation, lsh_bands * lsh_rows> permutations = [] {
  std::array<Permutation, lsh_bands * lsh_rows> out{};
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = {mix(2 * i + 1) | 1u, mix(2 * i + 2)};
  return out;
}();

std::uint32_t min_hash(const Fingerprint& print, int shingles, const Permutation& p) {
  std::uint32_t lowest = UINT32_MAX;
  for (int i = 0; i < shingles; ++i)
    lowest = std::min(lowest, static_cast<std::uint32_t>((p.a * print.lead[static_cast<std::size_t>(i)] + p.b) >> 32));
  return lowest;
}

// The first lead_tokens word hashes after the dateline and boilerplate.
int lead_words(std::string_view body, std::array<std::uint64_t, lead_tokens>& words) {
  BoilerplateFilter filter(strip_dateline(body.substr(0, max_body_bytes)));
  TokenScanner scanner;
  int n = 0;
  while (n < lead_tokens) {
    const auto piece = filter.next();
    if (!piece) break;
    scanner.reset(*piece);
    while (n < lead_tokens) {
      const auto token = scanner.next();
      if (!token) break;
      words[static_cast<std::size_t>(n++)] = hash_word(token->folded);
    }
  }
  return n;
}

int token_count(std::string_view text) {
  TokenScanner scanner(text);
  int n = 0;
  while (scanner.next()) ++n;
  return n;
}

// "Title - Outlet", "Title | Outlet": the outlet is not part of the article.
std::string_view without_outlet(std::string_view title) {
  for (const std::string_view sep : {" - ", " | ", " \u2013 ", " \u2014 "}) {
    const std::size_t at = title.rfind(sep);
    if (at == std::string_view::npos) continue;
    if (token_count(title.substr(at + sep.size())) <= 4 && token_count(title.substr(0, at)) >= min_title_tokens)
      return title.substr(0, at);
  }
  return title;
}

std::string title_key(std::string_view title) {
  std::string key;
  std::size_t weight = 0;  // a CJK character carries about half a word
  TokenScanner scanner(without_outlet(title));
  while (const auto token = scanner.next()) {
    if (!key.empty() && !token->cjk) key += ' ';
    key += token->folded;
    weight += token->cjk ? 1 : 2;
  }
  if (weight < 2 * static_cast<std::size_t>(min_title_tokens)) return {};
  return key;
}

}  // namespace

Fingerprint fingerprint(std::string_view title, std::string_view body) {
  Fingerprint f;
  f.title_key = title_key(title);
  std::array<std::uint64_t, lead_tokens> words{};
  const int n = lead_words(body, words);
  const int shingles = n - shingle_tokens + 1;
  if (shingles < min_shingles) return f;
  for (int i = 0; i < shingles; ++i) f.lead[static_cast<std::size_t>(i)] = hash_shingle(&words[static_cast<std::size_t>(i)]);
  f.lead_size = shingles;
  return f;
}

Overlap lead_overlap(const Fingerprint& a, const Fingerprint& b) {
  Overlap out;
  out.compared = std::min(a.lead_size, b.lead_size);
  std::array<std::uint32_t, max_lead_shingles> x{}, y{};
  const auto n = static_cast<std::ptrdiff_t>(out.compared);
  std::copy_n(a.lead.begin(), n, x.begin());
  std::copy_n(b.lead.begin(), n, y.begin());
  std::sort(x.begin(), x.begin() + n);
  std::sort(y.begin(), y.begin() + n);
  for (std::ptrdiff_t i = 0, j = 0; i < n && j < n;) {
    if (x[static_cast<std::size_t>(i)] < y[static_cast<std::size_t>(j)]) {
      ++i;
    } else if (y[static_cast<std::size_t>(j)] < x[static_cast<std::size_t>(i)]) {
      ++j;
    } else {
      ++out.shared, ++i, ++j;
    }
  }
  return out;
}

SortedLead sorted_lead(const Fingerprint& print) {
  SortedLead out;
  out.size = static_cast<std::uint8_t>(print.lead_size);
  std::array<std::uint8_t, max_lead_shingles> order{};
  for (std::uint8_t i = 0; i < out.size; ++i) order[i] = i;
  std::sort(order.begin(), order.begin() + out.size,
            [&](std::uint8_t x, std::uint8_t y) { return print.lead[x] < print.lead[y]; });
  for (std::size_t i = 0; i < out.size; ++i) {
    out.hash[i] = print.lead[order[i]];
    out.at[i] = order[i];
  }
  return out;
}

namespace {

// The fewest shared shingles that make `compared` ones the same article,
// by the very comparison of Overlap::same().
constexpr std::array<int, max_lead_shingles + 1> needed_shared = [] {
  std::array<int, max_lead_shingles + 1> out{};
  for (int compared = 0; compared <= max_lead_shingles; ++compared)
    while (!Overlap{out[static_cast<std::size_t>(compared)], compared}.same() &&
           out[static_cast<std::size_t>(compared)] <= compared && compared >= min_shingles)
      ++out[static_cast<std::size_t>(compared)];
  return out;
}();

}  // namespace

// A multiset intersection of the shingles before position `compared` on
// both sides, as lead_overlap() counts it; left_a and left_b are the
// shingles of each side still ahead, which bound what can still be shared.
bool same_lead(const SortedLead& a, const SortedLead& b) {
  const int compared = std::min(a.size, b.size);
  if (compared < min_shingles) return false;
  const int needed = needed_shared[static_cast<std::size_t>(compared)];
  int shared = 0, left_a = compared, left_b = compared;
  for (std::size_t i = 0, j = 0;;) {
    if (shared >= needed) return true;
    if (shared + std::min(left_a, left_b) < needed) return false;
    while (a.at[i] >= compared) ++i;  // one is ahead: left_a > 0
    while (b.at[j] >= compared) ++j;
    if (a.hash[i] < b.hash[j]) {
      ++i, --left_a;
    } else if (b.hash[j] < a.hash[i]) {
      ++j, --left_b;
    } else {
      ++shared, ++i, ++j, --left_a, --left_b;
    }
  }
}

bool same_text(const Fingerprint& a, const Fingerprint& b) {
  if (a.has_text() && b.has_text()) return lead_overlap(a, b).same();
  return !a.title_key.empty() && a.title_key == b.title_key;
}

BandKeys band_keys(const Fingerprint& print) {
  BandKeys keys{};
  for (int band = 0; band < lsh_bands; ++band) {
    const int shingles = band < head_bands ? std::min(print.lead_size, head_shingles) : print.lead_size;
    std::uint64_t h = static_cast<std::uint64_t>(band);
    for (int row = 0; row < lsh_rows; ++row)
      h = mix(h * 0x9e3779b97f4a7c15ull + min_hash(print, shingles, permutations[static_cast<std::size_t>(band * lsh_rows + row)]));
    keys[static_cast<std::size_t>(band)] =
        static_cast<std::int64_t>(static_cast<std::uint64_t>(band) << 56 | (h & ((std::uint64_t{1} << 56) - 1)));
  }
  return keys;
}

std::string lead_bytes(const Fingerprint& print) {
  std::string out;
  out.reserve(static_cast<std::size_t>(print.lead_size) * 4);
  for (int i = 0; i < print.lead_size; ++i)
    for (int byte = 0; byte < 4; ++byte)
      out += static_cast<char>((print.lead[static_cast<std::size_t>(i)] >> (8 * byte)) & 0xff);
  return out;
}

void set_lead(Fingerprint& print, std::string_view bytes) {
  const std::size_t n = bytes.size() / 4;
  print.lead_size = 0;
  if (bytes.size() % 4 != 0 || n < static_cast<std::size_t>(min_shingles) || n > print.lead.size()) return;
  for (std::size_t i = 0; i < n; ++i) {
    std::uint32_t value = 0;
    for (std::size_t byte = 0; byte < 4; ++byte)
      value |= std::uint32_t{static_cast<unsigned char>(bytes[4 * i + byte])} << (8 * byte);
    print.lead[i] = value;
  }
  print.lead_size = static_cast<int>(n);
}

}  // namespace feedsieve
