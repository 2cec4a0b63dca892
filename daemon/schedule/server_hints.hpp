#pragma once
// What servers and feeds say about when to come back, turned into a next-poll
// time: RSS <ttl>, sy:updatePeriod/Frequency, Cache-Control max-age, Expires
// (each can stretch the interval, never shorten it), and skipHours/skipDays
// (which move a poll out of the hours and days the publisher asked us to skip).
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "feeds/model.hpp"

namespace feedsieve {

struct ServerHints {
  std::optional<std::chrono::seconds> ttl;
  std::optional<std::chrono::seconds> update_period;
  std::optional<std::chrono::seconds> max_age;
  std::optional<std::chrono::seconds> expires;  // Expires minus the time of the poll
  std::vector<int> skip_hours;                  // 0-23, UTC
  std::vector<int> skip_days;                   // 0 = Sunday
};

// The headers' and the parsed feed's hints (feed may be null: a 304 has none).
ServerHints hints_from(const std::optional<std::string>& cache_control, const std::optional<std::string>& expires,
                       const ParsedFeed* feed, Timestamp now);

// Expires: an HTTP date; in the past (or "0", or unreadable) means no hint.
std::optional<std::chrono::seconds> parse_expires(std::string_view value, Timestamp now);

// The longest wait the hints ask for, at most `cap` (so a "yearly" feed is
// still polled at the cap); nullopt when they ask for none.
std::optional<std::chrono::seconds> longest_wait(const ServerHints& hints, std::chrono::seconds cap);

// `when`, or the start of the first later hour that is neither a skipped hour
// nor on a skipped day (UTC). When every hour is skipped, `when` unchanged.
Timestamp skip_forward(Timestamp when, const std::vector<int>& skip_hours, const std::vector<int>& skip_days);

}  // namespace feedsieve
