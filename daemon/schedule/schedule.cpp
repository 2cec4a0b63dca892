#include "daemon/schedule/schedule.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <string>

#include "feeds/date/date.hpp"

namespace feedsieve {
namespace {

using std::chrono::seconds;

seconds scaled(seconds base, double factor) {
  return seconds(static_cast<std::int64_t>(std::llround(static_cast<double>(base.count()) * factor)));
}

std::optional<std::int64_t> leading_integer(std::string_view text) {
  while (!text.empty() && text.front() == ' ') text.remove_prefix(1);
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end == text.data()) return std::nullopt;
  return value;
}

}  // namespace

Timestamp next_poll_after_success(Timestamp now, seconds interval, double jitter, UnitRandom r,
                                  std::optional<seconds> server_minimum) {
  const seconds base = server_minimum ? std::max(interval, *server_minimum) : interval;
  const double spread = std::clamp(jitter, 0.0, 0.5);
  const seconds delay = scaled(base, 1.0 + spread * (2.0 * r - 1.0));
  return now + std::max(delay, seconds(1));
}

Timestamp next_poll_after_failure(Timestamp now, int error_count, const ScheduleSettings& settings, UnitRandom r,
                                  std::optional<seconds> retry_after) {
  // 2^(n-1) grows past any cap by n = 40; stop doubling before it overflows.
  const int doublings = std::clamp(error_count - 1, 0, 40);
  const double factor = std::ldexp(1.0, doublings);
  const double capped = std::min(static_cast<double>(settings.backoff_base.count()) * factor,
                                 static_cast<double>(settings.backoff_max.count()));
  seconds delay = scaled(seconds(static_cast<std::int64_t>(capped)), 1.0 + 0.25 * r);
  delay = std::min(delay, settings.backoff_max);
  if (retry_after) delay = std::max(delay, std::min(*retry_after, settings.backoff_max));
  return now + std::max(delay, seconds(1));
}

Timestamp first_poll(Timestamp now, std::optional<Timestamp> stored_next_poll, seconds startup_spread, UnitRandom r) {
  if (stored_next_poll && *stored_next_poll > now) return *stored_next_poll;
  return now + scaled(startup_spread, r);
}

std::optional<seconds> parse_retry_after(std::string_view value, Timestamp now) {
  if (const auto delay = leading_integer(value)) {
    if (*delay < 0) return std::nullopt;
    return seconds(*delay);
  }
  const auto when = parse_date(value);
  if (!when) return std::nullopt;
  return std::max(seconds(0), *when - now);
}

std::optional<seconds> parse_max_age(std::string_view cache_control) {
  std::string lowered(cache_control);
  std::transform(lowered.begin(), lowered.end(), lowered.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  // "s-maxage" is for shared caches; only the private max-age speaks to us.
  for (std::size_t at = lowered.find("max-age"); at != std::string::npos; at = lowered.find("max-age", at + 1)) {
    if (at > 0 && lowered[at - 1] == '-') continue;
    std::string_view rest(lowered);
    rest.remove_prefix(at + 7);
    while (!rest.empty() && rest.front() == ' ') rest.remove_prefix(1);
    if (rest.empty() || rest.front() != '=') continue;
    rest.remove_prefix(1);
    if (const auto v = leading_integer(rest); v && *v >= 0) return seconds(*v);
  }
  return std::nullopt;
}

}  // namespace feedsieve
