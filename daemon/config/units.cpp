#include "daemon/config/units.hpp"

#include <array>
#include <cctype>
#include <charconv>
#include <string>
#include <utility>

#include "feeds/text/ascii.hpp"

namespace feedsieve {
namespace {

// Reads the leading digits of `text` into `value`; false when there are none or they overflow.
bool take_number(std::string_view& text, std::uint64_t& value) {
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end == text.data()) return false;
  text.remove_prefix(static_cast<std::size_t>(end - text.data()));
  return true;
}

std::string_view trim(std::string_view text) {
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
  while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
  return text;
}

}  // namespace

std::optional<std::chrono::seconds> parse_duration(std::string_view text) {
  static constexpr std::array<std::pair<char, std::uint64_t>, 5> units{
      {{'s', 1}, {'m', 60}, {'h', 3600}, {'d', 86400}, {'w', 604800}}};
  text = trim(text);
  if (text.empty()) return std::nullopt;
  std::uint64_t total = 0;
  while (!text.empty()) {
    std::uint64_t value = 0;
    if (!take_number(text, value)) return std::nullopt;
    std::uint64_t scale = 0;
    if (text.empty()) {
      scale = 1;  // a bare number is seconds
    } else {
      for (const auto& [suffix, seconds] : units)
        if (std::tolower(static_cast<unsigned char>(text.front())) == suffix) scale = seconds;
      if (scale == 0) return std::nullopt;
      text.remove_prefix(1);
    }
    if (value > (UINT64_MAX / 4) / scale) return std::nullopt;  // keeps the sum far from overflow
    total += value * scale;
  }
  if (total > static_cast<std::uint64_t>(INT32_MAX) * 100) return std::nullopt;
  return std::chrono::seconds(static_cast<std::int64_t>(total));
}

std::optional<std::uint64_t> parse_size(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::uint64_t>, 8> units{{{"", 1},
                                                                                    {"b", 1},
                                                                                    {"kib", 1ULL << 10},
                                                                                    {"mib", 1ULL << 20},
                                                                                    {"gib", 1ULL << 30},
                                                                                    {"kb", 1000},
                                                                                    {"mb", 1000 * 1000},
                                                                                    {"gb", 1000 * 1000 * 1000}}};
  text = trim(text);
  std::uint64_t value = 0;
  if (!take_number(text, value)) return std::nullopt;
  const std::string suffix = ascii_lower(trim(text));
  for (const auto& [name, scale] : units) {
    if (suffix != name) continue;
    if (value > UINT64_MAX / scale) return std::nullopt;
    return value * scale;
  }
  return std::nullopt;
}

}  // namespace feedsieve
