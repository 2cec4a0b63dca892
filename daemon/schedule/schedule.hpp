#pragma once
// When to poll a feed next. Pure arithmetic: the caller passes the time and the
// randomness, so every rule here is testable with plain values.
#include <chrono>
#include <cstdint>
#include <optional>

#include "feeds/model.hpp"

namespace feedsieve {

struct ScheduleSettings {
  std::chrono::seconds interval{30 * 60};        // between polls of a healthy feed
  double jitter = 0.1;                            // +/- this fraction of the interval
  std::chrono::seconds backoff_base{5 * 60};      // first delay after a failure
  std::chrono::seconds backoff_max{7 * 24 * 3600};  // failures never wait longer
  std::chrono::seconds startup_spread{60};        // first polls spread over this window
  std::chrono::seconds shutdown_grace{10};        // in-flight polls get this long on stop
  std::chrono::seconds max_interval{24 * 3600};   // server hints never stretch an interval past this
  int host_requests_per_minute = 60;              // per host; 0: no limit
};

// A uniform draw in [0, 1), supplied by the caller.
using UnitRandom = double;

// After a successful poll (or a 304): the interval with jitter, never shorter
// than what the server asked for (RSS ttl, Cache-Control max-age).
Timestamp next_poll_after_success(Timestamp now, std::chrono::seconds interval, double jitter, UnitRandom r,
                                  std::optional<std::chrono::seconds> server_minimum = std::nullopt);

// After the error_count-th consecutive failure (1 = first): exponential backoff
// from backoff_base, capped at backoff_max, with up to 25% jitter; never sooner
// than a Retry-After the server sent (itself capped at backoff_max).
Timestamp next_poll_after_failure(Timestamp now, int error_count, const ScheduleSettings& settings, UnitRandom r,
                                  std::optional<std::chrono::seconds> retry_after = std::nullopt);

// The first poll after start: a stored next poll still in the future is kept
// (a restart resumes the schedule), otherwise a spread over startup_spread.
Timestamp first_poll(Timestamp now, std::optional<Timestamp> stored_next_poll, std::chrono::seconds startup_spread,
                     UnitRandom r);

// Retry-After: delay-seconds or an HTTP date; nullopt when absent or unreadable.
std::optional<std::chrono::seconds> parse_retry_after(std::string_view value, Timestamp now);

// Cache-Control max-age, in seconds, when present.
std::optional<std::chrono::seconds> parse_max_age(std::string_view cache_control);

}  // namespace feedsieve
