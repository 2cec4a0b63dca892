// RFC 822 / 1123 / 2822 dates and the free-form variants real feeds emit.
//
// Rather than one grammar per variant, the text is split into words, numbers
// and punctuation, and each token is classified: month and weekday names (in
// several languages), "am"/"pm", zone names, numeric offsets, h:mm[:ss] times
// and bare numbers. The bare numbers then become day and year (with a month
// name) or day, month and year (numeric dates: Y/M/D when the first has four
// digits, D.M.Y with dots, otherwise M/D/Y unless the first exceeds 12).
// This covers "Tue, 1 May 2024 12:00 PDT", "May 1, 2024 12:00 pm",
// asctime ("Wed May  1 12:00:00 2024"), "01-May-24", "1. Mai 2024 um 12:00 Uhr",
// "1er mai 2024", "1 de mayo de 2024", "GMT+0200", "-0700 (PDT)" and
// "12:00 America/Los_Angeles".
// Up to two unknown words before the first date field are skipped (weekday
// garbage such as "Thurs" or a localized weekday); up to three after the date
// are ignored (an unknown zone counts as UTC: a few hours off beats no date);
// anywhere else, or more of them, make the text unparseable.
// Two-digit years follow RFC 2822 (00-49 -> 20xx, 50-99 -> 19xx); three-digit
// years are the JavaScript getYear() bug (124 -> 2024).
#include <array>
#include <vector>

#include "feeds/date/date_detail.hpp"

namespace feedsieve::date_detail {
namespace {

using std::chrono::minutes;

enum class Kind { word, number, punct };

struct Token {
  Kind kind;
  std::string text;  // case-folded word, digits, or the punctuation character
  int value = 0;     // numbers
  bool spaced = false;  // whitespace right before it
};

bool is_word_byte(char c) { return is_ascii_alpha(c) || static_cast<unsigned char>(c) >= 0x80; }

// U+00A0 (NO-BREAK SPACE) as UTF-8; treated as a space.
bool is_nbsp_at(std::string_view text, std::size_t i) {
  return i + 1 < text.size() && text[i] == '\xC2' && text[i + 1] == '\xA0';
}

std::optional<std::vector<Token>> tokenize(std::string_view text) {
  std::vector<Token> tokens;
  std::size_t i = 0;
  bool spaced = false;
  while (i < text.size()) {
    const char c = text[i];
    const std::size_t count = tokens.size();
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') {
      ++i;
      spaced = true;
      continue;
    } else if (is_nbsp_at(text, i)) {
      i += 2;
      spaced = true;
      continue;
    } else if (c == '(') {  // RFC 822 comment, e.g. "-0700 (PDT)"
      const std::size_t end = text.find(')', i);
      if (end == std::string_view::npos) return std::nullopt;
      i = end + 1;
    } else if (is_digit(c)) {
      const std::size_t start = i;
      while (i < text.size() && is_digit(text[i])) ++i;
      if (i - start > 8) return std::nullopt;
      Token t{Kind::number, std::string(text.substr(start, i - start))};
      for (const char d : t.text) t.value = t.value * 10 + (d - '0');
      tokens.push_back(std::move(t));
    } else if (is_word_byte(c)) {
      const std::size_t start = i;
      // A dot, slash or underscore between letters keeps a word whole:
      // "a.m.", "p.m.", "America/Los_Angeles".
      const auto joins = [&](std::size_t k) {
        return (text[k] == '.' || text[k] == '/' || text[k] == '_') && k + 1 < text.size() && is_ascii_alpha(text[k + 1]);
      };
      while (i < text.size() && !is_nbsp_at(text, i) && (is_word_byte(text[i]) || joins(i))) ++i;
      tokens.push_back({Kind::word, fold_case(text.substr(start, i - start))});
    } else {
      tokens.push_back({Kind::punct, std::string(1, c)});
      ++i;
    }
    if (tokens.size() > count) tokens.back().spaced = spaced;
    spaced = false;
  }
  return tokens;
}

class Classifier {
 public:
  explicit Classifier(std::vector<Token> tokens) : tokens_(std::move(tokens)) {}

  std::optional<Timestamp> run() {
    while (pos_ < tokens_.size()) {
      if (!step()) return std::nullopt;
    }
    return finish();
  }

 private:
  const Token* at(std::size_t i) const { return i < tokens_.size() ? &tokens_[i] : nullptr; }
  bool punct_at(std::size_t i, char c) const {
    const Token* t = at(i);
    return t && t->kind == Kind::punct && t->text[0] == c;
  }
  bool any_date_field() const { return month_ || !numbers_.empty() || time_; }
  bool date_complete() const { return (month_ && numbers_.size() >= 2) || numbers_.size() >= 3; }

  bool step() {
    const Token& t = tokens_[pos_];
    switch (t.kind) {
      case Kind::word: return word(t.text);
      case Kind::number: return number();
      case Kind::punct: return punct(t.text[0]);
    }
    return false;
  }

  bool word(const std::string& w) {
    ++pos_;
    if (w == "am" || w == "a.m" || w == "pm" || w == "p.m") {
      if (!time_ || meridiem_) return false;
      meridiem_ = w[0];
      return true;
    }
    // A leading weekday followed by a comma, even one that is also a month
    // name elsewhere ("mar., 01 may. 2024" is Spanish for Tuesday).
    if (pos_ == 1 && is_weekday_name(w) && (punct_at(pos_, ',') || (punct_at(pos_, '.') && punct_at(pos_ + 1, ',')))) {
      return true;
    }
    if (!month_ && !date_complete()) {
      if (const auto m = month_from_name(w)) {
        month_ = *m;
        return true;
      }
    }
    if (time_ || date_complete()) {
      // Single letters are military zones only right after a time: elsewhere
      // they are words ("a las 12:00"). So are filler words that name a zone:
      // "AT" is Atlantic time after "16:31:00", the English word in "May 1, 2024 at 10:00".
      if (w.find('/') != std::string::npos) {  // an IANA name: its offset depends on the date
        iana_zone_ = w;
        return true;
      }
      const bool word_not_zone = !time_ && (w.size() == 1 || is_filler_word(w));
      const auto zone = word_not_zone ? std::nullopt : zone_offset(w);
      if (zone) {
        named_offset_ = *zone;
        return true;
      }
      // Ignore a few unknown words after the date (unknown zones, "Uhr").
      return ++trailing_words_ <= 3;
    }
    if (is_weekday_name(w) || is_filler_word(w)) return true;
    return !any_date_field() && ++skipped_words_ <= 2;
  }

  bool number() {
    if (punct_at(pos_ + 1, ':')) return time_of_day();
    numbers_.push_back(tokens_[pos_]);
    separators_.push_back(at(pos_ + 1) && at(pos_ + 1)->kind == Kind::punct ? at(pos_ + 1)->text[0] : ' ');
    ++pos_;
    return numbers_.size() <= 3;
  }

  // h:mm[:ss][.fraction]
  bool time_of_day() {
    if (time_) return false;
    DateFields& f = fields_;
    f.hour = tokens_[pos_].value;
    const Token* minute = at(pos_ + 2);
    if (!minute || minute->kind != Kind::number || minute->text.size() != 2) return false;
    f.minute = minute->value;
    pos_ += 3;
    if (punct_at(pos_, ':')) {
      const Token* second = at(pos_ + 1);
      if (!second || second->kind != Kind::number || second->text.size() != 2) return false;
      f.second = second->value;
      pos_ += 2;
    }
    if ((punct_at(pos_, '.') || punct_at(pos_, ',')) && at(pos_ + 1) && at(pos_ + 1)->kind == Kind::number &&
        !punct_at(pos_ + 2, '.')) {
      pos_ += 2;  // fraction of a second, truncated
    }
    time_ = true;
    return true;
  }

  bool punct(char c) {
    ++pos_;
    if ((c == '+' || c == '-') && (time_ || date_complete()) && is_offset_ahead()) return offset(c == '+' ? 1 : -1);
    return c == ',' || c == '.' || c == '-' || c == '/' || c == '_';
  }

  // An offset's digits follow its sign directly; "- 12:00" before any time
  // is a separator and a time.
  bool is_offset_ahead() const {
    const Token* t = at(pos_);
    if (!t || t->kind != Kind::number || t->spaced) return false;
    return time_ || !punct_at(pos_ + 1, ':');
  }

  // +hhmm, +hh:mm, +h, +hh (after the sign).
  bool offset(int sign) {
    const Token* t = at(pos_);
    if (!t || t->kind != Kind::number || numeric_offset_) return false;
    int hours = 0;
    int mins = 0;
    ++pos_;
    if (t->text.size() == 4 || t->text.size() == 3) {
      hours = t->value / 100;
      mins = t->value % 100;
    } else if (t->text.size() <= 2) {
      hours = t->value;
      if (punct_at(pos_, ':')) {
        const Token* m = at(pos_ + 1);
        if (!m || m->kind != Kind::number || m->text.size() != 2) return false;
        mins = m->value;
        pos_ += 2;
      }
    } else {
      return false;
    }
    if (mins >= 60) return false;
    numeric_offset_ = minutes{sign * (hours * 60 + mins)};
    return true;
  }

  static int expand_year(const Token& t) {
    if (t.text.size() <= 2) return t.value < 50 ? 2000 + t.value : 1900 + t.value;
    if (t.text.size() == 3) return 1900 + t.value;
    return t.value;
  }

  static bool looks_like_year(const Token& t) { return t.text.size() >= 3 || t.value > 31; }

  bool assign_date_numbers() {
    DateFields& f = fields_;
    if (month_) {
      if (numbers_.size() != 2) return false;
      f.month = *month_;
      // The day is whichever is not the year; without a clue, day comes first.
      const bool first_is_year = looks_like_year(numbers_[0]) && !looks_like_year(numbers_[1]);
      const Token& day = numbers_[first_is_year ? 1 : 0];
      const Token& year = numbers_[first_is_year ? 0 : 1];
      if (day.text.size() > 2) return false;
      f.day = day.value;
      f.year = expand_year(year);
      return true;
    }
    if (numbers_.size() != 3) return false;
    const Token& a = numbers_[0];
    const Token& b = numbers_[1];
    const Token& c = numbers_[2];
    if (a.text.size() == 4) {
      f.year = a.value, f.month = b.value, f.day = c.value;
    } else if (separators_[0] == '.' || a.value > 12) {
      f.day = a.value, f.month = b.value, f.year = expand_year(c);
    } else {
      f.month = a.value, f.day = b.value, f.year = expand_year(c);
    }
    return true;
  }

  bool apply_meridiem() {
    if (!meridiem_) return true;
    DateFields& f = fields_;
    if (f.hour < 1 || f.hour > 12) return false;
    if (meridiem_ == 'p' && f.hour < 12) f.hour += 12;
    if (meridiem_ == 'a' && f.hour == 12) f.hour = 0;
    return true;
  }

  std::optional<Timestamp> finish() {
    if (!assign_date_numbers() || !apply_meridiem()) return std::nullopt;
    if (!numeric_offset_ && !iana_zone_.empty()) {
      if (const auto zone = iana_zone_offset(iana_zone_, fields_)) named_offset_ = zone;
    }
    fields_.offset = numeric_offset_.value_or(named_offset_.value_or(minutes{0}));
    return to_utc(fields_);
  }

  std::vector<Token> tokens_;
  std::size_t pos_ = 0;
  DateFields fields_;
  std::optional<int> month_;
  std::vector<Token> numbers_;
  std::vector<char> separators_;
  bool time_ = false;
  char meridiem_ = 0;
  int skipped_words_ = 0;
  int trailing_words_ = 0;
  std::optional<minutes> named_offset_;
  std::string iana_zone_;
  std::optional<minutes> numeric_offset_;
};

// The shape nearly every RSS feed writes, "Wed, 01 May 2024 12:00:00 GMT"
// (a numeric offset or a known zone name last), read without tokens. It
// fills exactly the fields the classifier would; anything else, including
// values the classifier would refuse, returns false and takes the long way.
class CanonicalShape {
 public:
  explicit CanonicalShape(std::string_view text) : text_(text) {}

  bool read(DateFields& f) {
    if (!weekday() || !literal(", ")) return false;
    const std::size_t day_digits = text_.size() > 1 && is_digit(text_[1]) ? 2 : 1;
    if (!number(day_digits, f.day) || !literal(" ") || !month(f.month) || !literal(" ")) return false;
    if (!number(4, f.year) || !literal(" ") || !number(2, f.hour) || !literal(":") || !number(2, f.minute) ||
        !literal(":") || !number(2, f.second) || !literal(" ")) {
      return false;
    }
    return zone(f.offset);
  }

 private:
  bool literal(std::string_view expected) {
    if (!text_.starts_with(expected)) return false;
    text_.remove_prefix(expected.size());
    return true;
  }

  bool number(std::size_t digits, int& out) {
    const auto value = leading_number(text_, digits);
    if (!value) return false;
    text_.remove_prefix(digits);
    out = *value;
    return true;
  }

  // A run of ASCII letters, lower-cased into `folded_`; false when it is longer than a zone or month name.
  bool letters(std::string_view& folded) {
    std::size_t n = 0;
    while (n < text_.size() && is_ascii_alpha(text_[n])) {
      if (n == folded_.size()) return false;
      folded_[n] = static_cast<char>(text_[n] | 0x20);
      ++n;
    }
    folded = std::string_view(folded_.data(), n);
    text_.remove_prefix(n);
    return n > 0;
  }

  bool weekday() {
    std::string_view folded;
    return letters(folded) && is_weekday_name(folded);
  }

  bool month(int& out) {
    std::string_view folded;
    if (!letters(folded)) return false;
    const auto m = month_from_name(folded);
    if (!m) return false;
    out = *m;
    return true;
  }

  // +hhmm / -hhmm, or a zone name the classifier knows, and nothing after it.
  bool zone(minutes& offset) {
    if (text_.size() == 5 && (text_[0] == '+' || text_[0] == '-')) {
      const int sign = text_[0] == '+' ? 1 : -1;
      text_.remove_prefix(1);
      int hhmm = 0;
      if (!number(4, hhmm) || hhmm % 100 >= 60) return false;
      offset = minutes{sign * (hhmm / 100 * 60 + hhmm % 100)};
      return true;
    }
    std::string_view folded;
    if (!letters(folded) || !text_.empty() || folded == "am" || folded == "pm") return false;
    const auto named = zone_offset(folded);
    if (!named) return false;
    offset = *named;
    return true;
  }

  std::string_view text_;
  std::array<char, 12> folded_{};
};

}  // namespace

std::optional<Timestamp> parse_rfc822(std::string_view text) {
  if (DateFields f; CanonicalShape(text).read(f)) return to_utc(f);
  auto tokens = tokenize(text);
  if (!tokens) return std::nullopt;
  return Classifier(std::move(*tokens)).run();
}

}  // namespace feedsieve::date_detail
