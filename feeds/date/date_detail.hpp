#pragma once
// Internal to feeds/date: the pieces parse_date combines. Not part of the public API.
#include <chrono>
#include <optional>
#include <string>
#include <string_view>

#include "feeds/model.hpp"

namespace feedsieve::date_detail {

// Calendar fields as a date string spells them, before range checks.
struct DateFields {
  int year = 0;
  int month = 1;
  int day = 1;
  int hour = 0;
  int minute = 0;
  int second = 0;
  std::chrono::minutes offset{0};  // local time = UTC + offset
};

// Range-checks every field and converts to UTC. nullopt when a field is out of range.
std::optional<Timestamp> to_utc(const DateFields& fields);

// W3C-DTF / ISO 8601 / RFC 3339 and their lenient variants. `text` is trimmed.
std::optional<Timestamp> parse_iso8601(std::string_view text);

// RFC 822 / 1123 / 2822 and the free-form variants feeds emit. `text` is trimmed.
std::optional<Timestamp> parse_rfc822(std::string_view text);

// A Korean-spelled date ("2004년 05월 28일 01:31:15", "2004-05-25 오후 11:23:17")
// in the numeric form parse_rfc822 reads, Korean time unless a zone is given;
// nullopt when `text` has none of the Korean date words.
std::optional<std::string> korean_to_numeric(std::string_view text);

// Lower-cases a word: ASCII directly, anything else through Unicode case folding.
std::string fold_case(std::string_view word);

// Lookups on case-folded words.
std::optional<std::chrono::minutes> zone_offset(std::string_view folded);
std::optional<int> month_from_name(std::string_view folded);
bool is_weekday_name(std::string_view folded);
// IANA names of the zones feeds name most ("america/los_angeles"): the offset
// in force at the local time in `local` (its own offset is ignored).
std::optional<std::chrono::minutes> iana_zone_offset(std::string_view folded, const DateFields& local);
// A zone abbreviation ("pdt", "z") or, when it has a '/', an IANA name.
std::optional<std::chrono::minutes> named_zone_offset(std::string_view folded, const DateFields& local);
// Words that sit between date fields in some languages ("1 de mayo de 2024").
bool is_filler_word(std::string_view folded);

inline bool is_digit(char c) { return c >= '0' && c <= '9'; }
inline bool is_ascii_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// The value of the first `count` characters of `text` when all are digits.
inline std::optional<int> leading_number(std::string_view text, std::size_t count) {
  if (text.size() < count) return std::nullopt;
  int value = 0;
  for (std::size_t i = 0; i < count; ++i) {
    if (!is_digit(text[i])) return std::nullopt;
    value = value * 10 + (text[i] - '0');
  }
  return value;
}

}  // namespace feedsieve::date_detail
