// A cursor is hex of "v4 KIND KEY ROW LOW HIGH LISTING": KIND n (newest
// first, KEY the sort_time) or r (ranked, KEY the bm25 rank, printed to
// round-trip exactly; LOW and HIGH the window of stories the ranking covers,
// as listing keys, 0 for newest first); LISTING a hash of the filters. Hex
// keeps it URL-safe. v2 and v3 cursors held listing keys of schema v8 and
// v9-v10, which mean other stories now: such a ranked cursor is refused, a
// newest-first one (no keys in it) still reads.
#include "daemon/api/cursor.hpp"

#include <array>
#include <cstdlib>
#include <cstdio>
#include <sstream>

#include "feeds/stable_hash.hpp"

namespace feedsieve {
namespace {

constexpr std::string_view hex_digits = "0123456789abcdef";

std::string to_hex(std::string_view text) {
  std::string out;
  out.reserve(text.size() * 2);
  for (const unsigned char c : text) {
    out += hex_digits[c >> 4];
    out += hex_digits[c & 15];
  }
  return out;
}

std::optional<std::string> from_hex(std::string_view text) {
  if (text.size() % 2 != 0) return std::nullopt;
  std::string out;
  for (std::size_t i = 0; i < text.size(); i += 2) {
    const auto high = hex_digits.find(text[i]);
    const auto low = hex_digits.find(text[i + 1]);
    if (high == std::string_view::npos || low == std::string_view::npos) return std::nullopt;
    out += static_cast<char>(high << 4 | low);
  }
  return out;
}

std::string listing_tag(std::string_view listing) {
  return std::to_string(stable_hash(listing));
}

std::string exact(double value) {
  std::array<char, 40> text{};
  std::snprintf(text.data(), text.size(), "%a", value);  // hex float: exact both ways
  return text.data();
}

}  // namespace

std::string encode_cursor(const StoryPosition& position, bool ranked, std::string_view listing) {
  const std::string key = ranked ? exact(position.rank) : position.sort_time;
  return to_hex("v4 " + std::string(ranked ? "r" : "n") + " " + key + " " + std::to_string(position.row) + " " +
                std::to_string(position.window_low) + " " + std::to_string(position.window_high) + " " +
                listing_tag(listing));
}

std::optional<StoryPosition> decode_cursor(std::string_view text, bool ranked, std::string_view listing) {
  const auto plain = from_hex(text);
  if (!plain) return std::nullopt;
  std::istringstream in(*plain);
  std::string version, kind, key, tag;
  std::int64_t row = 0;
  std::int64_t low = 0;
  std::int64_t high = 0;
  std::string extra;
  if (!(in >> version >> kind >> key >> row >> low >> high >> tag) || in >> extra) return std::nullopt;
  const bool known = version == "v4" || ((version == "v3" || version == "v2") && kind == "n");
  if (!known || kind != (ranked ? "r" : "n") || tag != listing_tag(listing) || row <= 0 || low < 0 ||
      high < low)
    return std::nullopt;
  StoryPosition position;
  position.row = row;
  position.window_low = low;
  position.window_high = high;
  if (ranked) {
    char* end = nullptr;
    position.rank = std::strtod(key.c_str(), &end);
    if (end != key.c_str() + key.size()) return std::nullopt;
  } else {
    position.sort_time = key;
  }
  return position;
}

}  // namespace feedsieve
