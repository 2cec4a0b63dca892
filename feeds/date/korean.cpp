// Korean blog platforms write dates with unit characters or a meridiem word
// and no zone: "2004년 05월 28일 01:31:15" (year, month, day) and
// "2004-05-25 오후 11:23:17" (오전 = a.m., 오후 = p.m., before the time). They
// mean Korean time. Rewritten into the numeric form the RFC 822 reader knows
// ("2004-05-28 01:31:15 +0900"), so only the spelling is handled here.
#include <string>

#include "feeds/date/date_detail.hpp"

namespace feedsieve::date_detail {
namespace {

constexpr std::string_view kYear = "\xEB\x85\x84";     // 년
constexpr std::string_view kMonth = "\xEC\x9B\x94";    // 월
constexpr std::string_view kDay = "\xEC\x9D\xBC";      // 일
constexpr std::string_view kAm = "\xEC\x98\xA4\xEC\xA0\x84";  // 오전
constexpr std::string_view kPm = "\xEC\x98\xA4\xED\x9B\x84";  // 오후

bool has_explicit_zone(std::string_view text) {
  for (const char c : text) {
    if (c == '+' || is_ascii_alpha(c)) return true;
  }
  // A '-' after the time is a negative offset; before it, a date separator.
  const std::size_t colon = text.find(':');
  return colon != std::string_view::npos && text.find('-', colon) != std::string_view::npos;
}

}  // namespace

std::optional<std::string> korean_to_numeric(std::string_view text) {
  std::string out;
  std::string_view meridiem;
  bool korean = false;
  for (std::size_t i = 0; i < text.size();) {
    const std::string_view rest = text.substr(i);
    if (rest.starts_with(kYear) || rest.starts_with(kMonth)) {
      out += '-';
      i += kYear.size();
      while (i < text.size() && text[i] == ' ') ++i;  // "2004년 05월" -> "2004-05"
      korean = true;
    } else if (rest.starts_with(kDay)) {
      out += ' ';
      i += kDay.size();
      korean = true;
    } else if (rest.starts_with(kAm) || rest.starts_with(kPm)) {
      meridiem = rest.starts_with(kAm) ? " am" : " pm";
      i += kAm.size();
      korean = true;
    } else {
      out += text[i++];
    }
  }
  if (!korean) return std::nullopt;
  const bool zoned = has_explicit_zone(out);
  out += meridiem;  // the reader takes a meridiem only after the time
  if (!zoned) out += " +0900";
  return out;
}

}  // namespace feedsieve::date_detail
