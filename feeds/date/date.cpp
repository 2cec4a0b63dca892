// parse_date picks a reader by shape: text that starts with a four-digit year
// is ISO 8601-like, anything else goes to the free-form RFC 822 reader (and
// so does a year followed by a space, "2024 May 1"). All arithmetic is
// std::chrono calendar types; no timegm, locale or global state.
//
// parse_date rejects placeholders that mean "no date" rather than storing them: the Unix
// epoch itself and year 1 (Go's and .NET's zero time, "0001-01-01T00:00:00Z").
// A leap second (":60") is read as :59 of the same minute.
#include "feeds/date/date.hpp"

#include <cstdio>

#include "feeds/date/date_detail.hpp"

namespace feedsieve {
namespace date_detail {

std::optional<Timestamp> to_utc(const DateFields& f) {
  using namespace std::chrono;
  if (f.year < 1 || f.year > 9999 || f.month < 1 || f.month > 12 || f.day < 1) return std::nullopt;
  if (f.hour < 0 || f.hour > 23 || f.minute < 0 || f.minute > 59 || f.second < 0 || f.second > 60) {
    return std::nullopt;
  }
  if (abs(f.offset) > hours{18}) return std::nullopt;
  const year_month_day ymd{year{f.year}, month{static_cast<unsigned>(f.month)}, day{static_cast<unsigned>(f.day)}};
  if (!ymd.ok()) return std::nullopt;
  const Timestamp local = sys_days{ymd} + hours{f.hour} + minutes{f.minute} + seconds{f.second == 60 ? 59 : f.second};
  const Timestamp utc = local - f.offset;
  // RFC 3339 has four-digit years: an offset (or 24:00) past the last day of 9999 is no date it can write.
  if (utc >= sys_days{year{10000} / January / 1} || utc < sys_days{year{1} / January / 1}) return std::nullopt;
  return utc;
}

}  // namespace date_detail

namespace {

constexpr std::size_t kMaxDateLength = 256;

bool is_trim_space(std::string_view text, std::size_t i) {
  const char c = text[i];
  return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v';
}

std::string_view trim(std::string_view text) {
  // ASCII whitespace and U+00A0, which HTML-sourced dates carry as &nbsp;.
  for (;;) {
    if (!text.empty() && is_trim_space(text, 0)) {
      text.remove_prefix(1);
    } else if (text.size() >= 2 && text.substr(0, 2) == "\xC2\xA0") {
      text.remove_prefix(2);
    } else if (!text.empty() && is_trim_space(text, text.size() - 1)) {
      text.remove_suffix(1);
    } else if (text.size() >= 2 && text.substr(text.size() - 2) == "\xC2\xA0") {
      text.remove_suffix(2);
    } else {
      return text;
    }
  }
}

bool starts_with_year(std::string_view text) {
  if (text.size() < 4) return false;
  for (std::size_t i = 0; i < 4; ++i) {
    if (!date_detail::is_digit(text[i])) return false;
  }
  return true;
}

// Values that CMSs write when they have no date.
bool is_placeholder(Timestamp t) {
  using namespace std::chrono;
  return t == Timestamp{} || year_month_day{floor<days>(t)}.year() <= year{1};
}

bool read_two(std::string_view text, std::size_t at, int& out) {
  if (at + 2 > text.size() || !date_detail::is_digit(text[at]) || !date_detail::is_digit(text[at + 1])) return false;
  out = (text[at] - '0') * 10 + (text[at + 1] - '0');
  return true;
}

}  // namespace

std::optional<Timestamp> parse_date(std::string_view text) {
  text = trim(text);
  if (text.empty() || text.size() > kMaxDateLength) return std::nullopt;
  std::optional<Timestamp> parsed;
  const bool iso_shaped = starts_with_year(text);
  // ISO's two-digit-year forms ("-03-12", "03335") start with a dash or two digits.
  const bool short_iso = text[0] == '-' || (text.size() >= 5 && date_detail::is_digit(text[0]));
  if (iso_shaped || short_iso) parsed = date_detail::parse_iso8601(text);
  // A failed "2024-05-01..." is broken ISO, not free-form text; "2024 May 1" is.
  const bool free_form = !iso_shaped || (text.size() > 4 && (text[4] == ' ' || text[4] == ','));
  if (!parsed && free_form) parsed = date_detail::parse_rfc822(text);
  // Korean dates start with a year but are not ISO: they go to the free-form reader rewritten.
  if (!parsed && iso_shaped) {
    if (const auto numeric = date_detail::korean_to_numeric(text)) parsed = date_detail::parse_rfc822(*numeric);
  }
  if (parsed && is_placeholder(*parsed)) return std::nullopt;
  return parsed;
}

// Digit by digit: snprintf's format parsing was most of the cost of writing
// the three times of each of 10,000 feeds in `feedsieve status`.
std::string format_rfc3339(Timestamp t) {
  using namespace std::chrono;
  const sys_days day = floor<days>(t);
  const year_month_day ymd{day};
  const hh_mm_ss<seconds> time{t - day};
  const int year = static_cast<int>(ymd.year());
  if (year < 0 || year > 9999) {  // not four digits: let printf write the sign and width
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, "%04d-%02u-%02uT%02d:%02d:%02dZ", year, static_cast<unsigned>(ymd.month()),
                  static_cast<unsigned>(ymd.day()), static_cast<int>(time.hours().count()),
                  static_cast<int>(time.minutes().count()), static_cast<int>(time.seconds().count()));
    return buffer;
  }
  std::string out = "0000-00-00T00:00:00Z";
  const auto put = [&out](std::size_t at, std::size_t width, long long value) {
    for (std::size_t i = width; i-- > 0; value /= 10) out[at + i] = static_cast<char>('0' + value % 10);
  };
  put(0, 4, year);
  put(5, 2, static_cast<unsigned>(ymd.month()));
  put(8, 2, static_cast<unsigned>(ymd.day()));
  put(11, 2, time.hours().count());
  put(14, 2, time.minutes().count());
  put(17, 2, time.seconds().count());
  return out;
}

// Strict RFC 3339 section 5.6: YYYY-MM-DD(T|t| )hh:mm:ss[.frac](Z|z|+hh:mm|-hh:mm).
std::optional<Timestamp> parse_rfc3339(std::string_view text) {
  date_detail::DateFields f;
  int century = 0;
  int year = 0;
  if (!read_two(text, 0, century) || !read_two(text, 2, year) || text.size() < 20) return std::nullopt;
  f.year = century * 100 + year;
  const bool shape = text[4] == '-' && text[7] == '-' && (text[10] == 'T' || text[10] == 't' || text[10] == ' ') &&
                     text[13] == ':' && text[16] == ':';
  if (!shape || !read_two(text, 5, f.month) || !read_two(text, 8, f.day) || !read_two(text, 11, f.hour) ||
      !read_two(text, 14, f.minute) || !read_two(text, 17, f.second)) {
    return std::nullopt;
  }
  std::size_t i = 19;
  if (text[i] == '.') {
    const std::size_t start = ++i;
    while (i < text.size() && date_detail::is_digit(text[i])) ++i;
    if (i == start) return std::nullopt;
  }
  const std::string_view zone = text.substr(i);
  if (zone == "Z" || zone == "z") return date_detail::to_utc(f);
  int hours = 0;
  int mins = 0;
  if (zone.size() != 6 || (zone[0] != '+' && zone[0] != '-') || zone[3] != ':' || !read_two(zone, 1, hours) ||
      !read_two(zone, 4, mins) || mins > 59) {
    return std::nullopt;
  }
  f.offset = std::chrono::minutes{(zone[0] == '-' ? -1 : 1) * (hours * 60 + mins)};
  return date_detail::to_utc(f);
}

}  // namespace feedsieve
