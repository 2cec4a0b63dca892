#include "daemon/schedule/server_hints.hpp"

#include <algorithm>
#include <functional>

#include "daemon/schedule/schedule.hpp"
#include "feeds/date/date.hpp"

namespace feedsieve {
namespace {

using std::chrono::seconds;

bool skipped(Timestamp hour_start, const std::vector<int>& skip_hours, const std::vector<int>& skip_days) {
  const auto day = std::chrono::floor<std::chrono::days>(hour_start);
  const int hour = static_cast<int>(std::chrono::duration_cast<std::chrono::hours>(hour_start - day).count());
  const int weekday = static_cast<int>(std::chrono::weekday(day).c_encoding());
  return std::find(skip_hours.begin(), skip_hours.end(), hour) != skip_hours.end() ||
         std::find(skip_days.begin(), skip_days.end(), weekday) != skip_days.end();
}

}  // namespace

DocumentHints document_hints(const ParsedFeed& feed, Timestamp now) {
  DocumentHints hints;
  if (feed.ttl_minutes && *feed.ttl_minutes > 0) hints.ttl = std::chrono::minutes(*feed.ttl_minutes);
  hints.update_period = feed.update_period;
  hints.skip_hours = feed.skip_hours;
  hints.skip_days = feed.skip_days;
  std::vector<Timestamp> dates;
  for (const auto& item : feed.items)
    if (const auto& date = item.published ? item.published : item.updated) dates.push_back(*date);
  hints.learned = learned_interval(std::move(dates), now);
  return hints;
}

ServerHints hints_from(const std::optional<std::string>& cache_control, const std::optional<std::string>& expires,
                       DocumentHints document, Timestamp now) {
  ServerHints hints{std::move(document), {}, {}};
  if (cache_control) hints.max_age = parse_max_age(*cache_control);
  // Cache-Control max-age overrides Expires (RFC 9111 5.3).
  if (expires && !hints.max_age) hints.expires = parse_expires(*expires, now);
  return hints;
}

std::optional<seconds> learned_interval(std::vector<Timestamp> dates, Timestamp now) {
  constexpr std::size_t newest = 20;
  constexpr std::size_t fewest = 3;
  std::erase_if(dates, [now](Timestamp date) { return date > now; });
  std::sort(dates.begin(), dates.end(), std::greater<>());
  if (dates.size() > newest) dates.resize(newest);
  if (dates.size() < fewest) return std::nullopt;
  const auto span = dates.front() - dates.back();
  const auto half_gap = span / (2 * static_cast<std::int64_t>(dates.size() - 1));
  if (half_gap <= seconds(0)) return std::nullopt;
  return std::chrono::duration_cast<seconds>(half_gap);
}

std::optional<seconds> parse_expires(std::string_view value, Timestamp now) {
  const auto when = parse_date(value);
  if (!when || *when <= now) return std::nullopt;
  return *when - now;
}

std::optional<seconds> longest_wait(const ServerHints& hints, seconds cap) {
  std::optional<seconds> longest;
  const DocumentHints& d = hints.document;
  for (const auto& hint : {d.ttl, d.update_period, d.learned, hints.max_age, hints.expires})
    if (hint && *hint > seconds(0)) longest = longest ? std::max(*longest, *hint) : *hint;
  if (longest) longest = std::min(*longest, cap);
  return longest;
}

Timestamp skip_forward(Timestamp when, const std::vector<int>& skip_hours, const std::vector<int>& skip_days) {
  if (skip_hours.empty() && skip_days.empty()) return when;
  const auto hour_of = [](Timestamp t) { return std::chrono::floor<std::chrono::hours>(t); };
  if (!skipped(hour_of(when), skip_hours, skip_days)) return when;
  // A week of hours covers every combination of hour and weekday.
  for (Timestamp candidate = hour_of(when) + std::chrono::hours(1); candidate < when + std::chrono::days(8);
       candidate += std::chrono::hours(1))
    if (!skipped(candidate, skip_hours, skip_days)) return candidate;
  return when;
}

}  // namespace feedsieve
