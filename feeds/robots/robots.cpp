// Parsing robots.txt into the rules for one crawler (RFC 9309 2.1-2.3).
#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>

#include "feeds/html/document.hpp"
#include "feeds/robots/robots.hpp"
#include "feeds/url/url_detail.hpp"

namespace feedsieve {
namespace {

enum class Field { user_agent, allow, disallow, crawl_delay, other };

struct Line {
  Field field = Field::other;
  std::string_view value;
};

using html::lower;
using url_detail::trim;  // spaces and C0 controls at either end

// Field names as sites write them, misspellings that major crawlers accept included.
Field field_named(std::string_view name) {
  struct Name {
    std::string_view text;
    Field field;
  };
  static constexpr std::array names{
      Name{"user-agent", Field::user_agent}, Name{"useragent", Field::user_agent},
      Name{"user agent", Field::user_agent}, Name{"allow", Field::allow},
      Name{"disallow", Field::disallow},     Name{"dissallow", Field::disallow},
      Name{"dissalow", Field::disallow},     Name{"disalow", Field::disallow},
      Name{"crawl-delay", Field::crawl_delay}, Name{"crawldelay", Field::crawl_delay},
      Name{"crawl delay", Field::crawl_delay},
  };
  const std::string key = lower(name);
  for (const Name& n : names)
    if (n.text == key) return n.field;
  return Field::other;
}

// "key: value # comment"; a line without a colon is junk (Field::other).
Line parse_line(std::string_view line) {
  if (const auto hash = line.find('#'); hash != std::string_view::npos) line = line.substr(0, hash);
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return {};
  return {field_named(trim(line.substr(0, colon))), trim(line.substr(colon + 1))};
}

// The product token of a user-agent value: its leading letters, '-' and '_'.
std::string product_token_of(std::string_view value) {
  if (value == "*") return "*";
  std::size_t n = 0;
  while (n < value.size() &&
         (std::isalpha(static_cast<unsigned char>(value[n])) != 0 || value[n] == '-' || value[n] == '_'))
    ++n;
  return lower(value.substr(0, n));
}

std::optional<std::chrono::milliseconds> parse_delay(std::string_view value) {
  double seconds = 0;
  const auto [end, error] = std::from_chars(value.data(), value.data() + value.size(), seconds);
  if (error != std::errc() || end != value.data() + value.size() || !std::isfinite(seconds) || seconds < 0)
    return std::nullopt;
  constexpr double a_day = 86'400;
  return std::chrono::milliseconds(static_cast<long long>(std::min(seconds, a_day) * 1000));
}

// Collects the rules of the groups naming the crawler and of the "*" groups,
// group by group, as the lines go by.
class GroupCollector {
 public:
  explicit GroupCollector(std::string token) : token_(std::move(token)) {}

  void on(const Line& line) {
    switch (line.field) {
      case Field::user_agent: agent(line.value); break;
      case Field::allow:
      case Field::disallow: rule(line); break;
      case Field::crawl_delay: delay(line.value); break;
      case Field::other: break;  // sitemap and unknown fields do not end a group
    }
  }

  RobotsRules result() && { return std::move(found_named_ ? named_ : any_); }

 private:
  void agent(std::string_view value) {
    if (in_rules_) {  // a user-agent line after rules starts the next group
      in_rules_ = false;
      applies_named_ = applies_any_ = false;
    }
    const std::string token = product_token_of(value);
    if (token == "*") {
      applies_any_ = true;
    } else if (!token.empty() && token == token_) {
      applies_named_ = found_named_ = true;
    }
  }

  void rule(const Line& line) {
    in_rules_ = true;
    // An empty Disallow allows everything: it is no rule at all. An empty Allow matches nothing either.
    if (line.value.empty()) return;
    RobotsRule rule{normalize_robots_path(line.value), line.field == Field::allow};
    if (applies_named_) named_.rules.push_back(rule);
    if (applies_any_) any_.rules.push_back(std::move(rule));
  }

  void delay(std::string_view value) {
    in_rules_ = true;
    const auto parsed = parse_delay(value);
    if (!parsed) return;
    for (auto [applies, rules] : {std::pair{applies_named_, &named_}, std::pair{applies_any_, &any_}})
      if (applies) rules->crawl_delay = std::max(rules->crawl_delay.value_or(*parsed), *parsed);
  }

  std::string token_;
  bool in_rules_ = false;
  bool applies_named_ = false;  // the current group names the crawler
  bool applies_any_ = false;    // the current group is a "*" group
  bool found_named_ = false;    // some group named the crawler
  RobotsRules named_;
  RobotsRules any_;
};

std::string_view within_limit(std::string_view body) {
  if (body.size() <= robots_parse_limit) return body;
  body = body.substr(0, robots_parse_limit);
  // The line cut in the middle is dropped rather than read half.
  const auto last_break = body.find_last_of("\r\n");
  return last_break == std::string_view::npos ? std::string_view() : body.substr(0, last_break);
}

}  // namespace

RobotsRules parse_robots(std::string_view body, std::string_view product_token) {
  body = within_limit(body);
  if (body.substr(0, 3) == "\xEF\xBB\xBF") body.remove_prefix(3);
  GroupCollector groups(product_token_of(product_token));
  while (!body.empty()) {
    const auto end = body.find_first_of("\r\n");
    groups.on(parse_line(body.substr(0, end)));
    if (end == std::string_view::npos) break;
    body.remove_prefix(end + 1);
  }
  return std::move(groups).result();
}

}  // namespace feedsieve
