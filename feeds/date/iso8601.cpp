// W3C-DTF / ISO 8601 / RFC 3339, read leniently.
//
// Accepted: YYYY, YYYY-MM, YYYY-MM-DD (also '/' or '.' as separators, one- or
// two-digit month and day, or a month name; a zero-padded three-digit month
// before a day), compact YYYYMMDD, ordinal
// YYYY-DDD / YYYYDDD, the two-digit-year forms -YY-MM, YY-DDD, YY-MM-DD and YYMMDD
// (bare YYDDD only where digits 3-4 cannot be a month); then optionally 'T', 't' or
// spaces and a time hh:mm[:ss[.frac]] or compact hhmm[ss]; then optionally 'Z',
// +hh:mm / +hhmm / +hh, or a zone name (abbreviation or IANA name). A numeric offset may be followed by a
// redundant zone name or comment ("+0000 UTC", "+02:00 (CEST)", the RFC 9557
// "[Europe/Paris]" suffix), which is ignored. A missing zone means UTC, as
// W3C-DTF readers conventionally assume. Fractions of a second are truncated.
#include "feeds/date/date_detail.hpp"

namespace feedsieve::date_detail {
namespace {

class Cursor {
 public:
  explicit Cursor(std::string_view text) : text_(text) {}

  bool done() const { return pos_ >= text_.size(); }
  char peek() const { return done() ? '\0' : text_[pos_]; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++pos_;
    return true;
  }
  void skip_spaces() {
    while (peek() == ' ' || peek() == '\t') ++pos_;
  }
  std::size_t digits_ahead() const {
    std::size_t n = 0;
    while (pos_ + n < text_.size() && is_digit(text_[pos_ + n])) ++n;
    return n;
  }
  // Reads exactly `count` digits.
  std::optional<int> number(std::size_t count) {
    const auto value = leading_number(text_.substr(pos_), count);
    if (value) pos_ += count;
    return value;
  }
  void skip_digits() { pos_ += digits_ahead(); }
  // A run of letters, ASCII or not (a month name).
  std::string_view letters() {
    const std::size_t start = pos_;
    while (is_ascii_alpha(peek()) || static_cast<unsigned char>(peek()) >= 0x80) ++pos_;
    return text_.substr(start, pos_ - start);
  }
  // Letters, and '/' or '_' between letters ("America/Los_Angeles").
  std::string_view word() {
    const std::size_t start = pos_;
    while (is_ascii_alpha(peek()) ||
           ((peek() == '/' || peek() == '_') && pos_ + 1 < text_.size() && is_ascii_alpha(text_[pos_ + 1]))) {
      ++pos_;
    }
    return text_.substr(start, pos_ - start);
  }
  // Skips a "(comment)" or "[suffix]" up to its closing bracket.
  bool skip_bracketed(char open, char close) {
    if (peek() != open) return false;
    const std::size_t end = text_.find(close, pos_);
    if (end == std::string_view::npos) return false;
    pos_ = end + 1;
    return true;
  }

 private:
  std::string_view text_;
  std::size_t pos_ = 0;
};

// One or two digits, for month and day in the dashed form.
std::optional<int> short_number(Cursor& c) {
  const std::size_t n = c.digits_ahead();
  if (n == 0 || n > 2) return std::nullopt;
  return c.number(n);
}

// Day `ordinal` (1-based) of `year` as month and day; false past the year's end.
bool set_ordinal_day(DateFields& f, int ordinal) {
  using namespace std::chrono;
  if (ordinal < 1 || ordinal > 366) return false;
  const year_month_day ymd{sys_days{year{f.year} / January / 1} + days{ordinal - 1}};
  if (static_cast<int>(ymd.year()) != f.year) return false;
  f.month = static_cast<int>(static_cast<unsigned>(ymd.month()));
  f.day = static_cast<int>(static_cast<unsigned>(ymd.day()));
  return true;
}

// After the separator: a one- or two-digit month, or a month name ("2004-július-13").
bool read_month(Cursor& c, DateFields& f) {
  if (const auto month = short_number(c)) {
    f.month = *month;
    return true;
  }
  const auto named = month_from_name(fold_case(c.letters()));
  if (!named) return false;
  f.month = *named;
  return true;
}

// What follows the year: compact MMDD or DDD, -MM[-DD], -DDD, or nothing.
bool read_after_year(Cursor& c, DateFields& f) {
  const std::size_t compact = c.digits_ahead();
  if (compact == 4) {  // YYYYMMDD
    f.month = *c.number(2);
    f.day = *c.number(2);
    return true;
  }
  if (compact == 3) return set_ordinal_day(f, *c.number(3));  // YYYYDDD
  if (compact != 0) return false;
  const char sep = c.peek();
  if (sep != '-' && sep != '/' && sep != '.') return true;  // year only
  c.eat(sep);
  if (sep == '-' && c.digits_ahead() == 3) {
    const int three = *c.number(3);
    if (!c.eat('-')) return set_ordinal_day(f, three);  // YYYY-DDD
    // A day after it: the month padded to three digits ("2003-012-31", as
    // Google's feeds once wrote it).
    f.month = three;
  } else {
    if (!read_month(c, f)) return false;
    if (!c.eat(sep)) return true;  // year-month
  }
  const auto day = short_number(c);
  if (!day) return false;
  f.day = *day;
  return true;
}

// ISO 8601:2000's two-digit-year forms, read in this century (as feedparser
// does, without its clock): -YY-MM / -YYMM (a month), YY-DDD / YYDDD (an
// ordinal day; the bare form only where it cannot be a damaged YYMMDD) and
// YY-MM-DD / YYMMDD (a day).
bool read_short_year_date(Cursor& c, DateFields& f) {
  const bool month_form = c.eat('-');
  const auto yy = c.number(2);
  if (!yy) return false;
  f.year = 2000 + *yy;
  const bool dashed = c.eat('-');
  if (month_form) {
    const auto month = c.number(2);
    if (!month || c.digits_ahead() != 0) return false;
    f.month = *month;
    return true;
  }
  const std::size_t digits = c.digits_ahead();
  if (digits == 3) {
    const int ordinal = *c.number(3);
    // Bare YYDDD whose middle digits read as a month (01-12) is just as much a
    // YYMMDD that lost a digit ("22013": 2022-01-3?): no reading is safe.
    // Where they cannot be a month ("03335") the ordinal day is the only one.
    if (!dashed && ordinal / 10 >= 1 && ordinal / 10 <= 12) return false;
    return set_ordinal_day(f, ordinal);
  }
  if (digits == 4 && !dashed) {  // YYMMDD
    f.month = *c.number(2);
    f.day = *c.number(2);
    return true;
  }
  if (digits != 2 || !dashed) return false;
  f.month = *c.number(2);  // YY-MM-DD
  if (!c.eat('-')) return false;
  const auto day = c.number(2);
  if (!day || c.digits_ahead() != 0) return false;
  f.day = *day;
  return true;
}

bool read_date(Cursor& c, DateFields& f) {
  const std::size_t digits = c.digits_ahead();
  if (c.peek() == '-' || digits == 2 || digits == 5 || digits == 6) return read_short_year_date(c, f);
  const auto year = c.number(4);
  if (!year) return false;
  f.year = *year;
  return read_after_year(c, f);
}

bool read_fraction(Cursor& c) {
  if (!c.eat('.') && !c.eat(',')) return true;
  if (c.digits_ahead() == 0) return false;
  c.skip_digits();
  return true;
}

bool read_time(Cursor& c, DateFields& f) {
  const std::size_t lead = c.digits_ahead();
  if (lead == 4 || lead == 6) {  // compact hhmm[ss]
    f.hour = *c.number(2);
    f.minute = *c.number(2);
    if (lead == 6) f.second = *c.number(2);
    return read_fraction(c);
  }
  if (lead != 1 && lead != 2) return false;
  f.hour = *c.number(lead);
  // The hour alone ("T10Z"), which ISO 8601 allows; a fraction of an hour is refused, not dropped.
  if (!c.eat(':')) return lead == 2 && c.peek() != '.' && c.peek() != ',';
  const auto minute = c.number(2);
  if (!minute) return false;
  f.minute = *minute;
  if (c.eat(':')) {
    const auto second = c.number(2);
    if (!second) return false;
    f.second = *second;
  }
  return read_fraction(c);
}

// +hh:mm, +hhmm, +hh (and the same with '-').
bool read_numeric_offset(Cursor& c, DateFields& f) {
  const int sign = c.eat('+') ? 1 : (c.eat('-') ? -1 : 0);
  if (sign == 0) return false;
  const auto hours = c.number(2);
  if (!hours) return false;
  int mins = 0;
  const bool colon = c.eat(':');
  if (colon || c.digits_ahead() == 2) {
    const auto m = c.number(2);
    if (!m) return false;
    mins = *m;
  }
  if (c.digits_ahead() != 0 || mins >= 60) return false;
  f.offset = std::chrono::minutes{sign * (*hours * 60 + mins)};
  return true;
}

// Whatever may follow a numeric offset without changing it.
bool skip_redundant_zone(Cursor& c, const DateFields& f) {
  for (;;) {
    c.skip_spaces();
    if (c.done()) return true;
    if (c.skip_bracketed('(', ')') || c.skip_bracketed('[', ']')) continue;
    if (!is_ascii_alpha(c.peek())) return false;
    if (!named_zone_offset(fold_case(c.word()), f)) return false;
  }
}

bool read_zone(Cursor& c, DateFields& f) {
  c.skip_spaces();
  if (c.done()) return true;
  if (c.peek() == '+' || c.peek() == '-') {
    return read_numeric_offset(c, f) && skip_redundant_zone(c, f);
  }
  if (is_ascii_alpha(c.peek())) {
    const auto zone = named_zone_offset(fold_case(c.word()), f);
    if (!zone) return false;
    f.offset = *zone;
    // "GMT+02:00" names the offset after the zone.
    if (c.peek() == '+' || c.peek() == '-') return read_numeric_offset(c, f) && skip_redundant_zone(c, f);
    return skip_redundant_zone(c, f);
  }
  return skip_redundant_zone(c, f);
}

}  // namespace

std::optional<Timestamp> parse_iso8601(std::string_view text) {
  Cursor c(text);
  DateFields f;
  if (!read_date(c, f)) return std::nullopt;
  if (c.done()) return to_utc(f);
  if (!c.eat('T') && !c.eat('t')) {
    if (c.peek() != ' ') return std::nullopt;
    c.skip_spaces();
    if (!is_digit(c.peek())) return std::nullopt;
  }
  if (!read_time(c, f) || !read_zone(c, f)) return std::nullopt;
  // 24:00:00, the end of a day, which ISO 8601 allows (RFC 822 does not): the next midnight.
  if (f.hour == 24 && f.minute == 0 && f.second == 0) {
    f.hour = 23;
    f.minute = 59;
    f.second = 59;
    const auto last_second = to_utc(f);
    if (!last_second || (f.year == 9999 && f.month == 12 && f.day == 31)) return std::nullopt;  // no year 10000
    return *last_second + std::chrono::seconds{1};
  }
  return to_utc(f);
}

}  // namespace feedsieve::date_detail
