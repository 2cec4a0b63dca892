#pragma once
// What servers and feeds say about when to come back, turned into a next-poll
// time: RSS <ttl>, sy:updatePeriod/Frequency, Cache-Control max-age, Expires,
// the pace of the feed's own items (each can stretch the interval, never
// shorten it), and skipHours/skipDays
// (which move a poll out of the hours and days the publisher asked us to skip).
#include <chrono>
#include <optional>
#include <string_view>
#include <vector>

#include "feeds/model.hpp"

namespace feedsieve {

// What the feed document itself says (kept in the store between polls, so
// a 304 still honours it: daemon/schedule/poll_hints.hpp).
struct DocumentHints {
  std::optional<std::chrono::seconds> ttl;
  std::optional<std::chrono::seconds> update_period;
  std::optional<std::chrono::seconds> learned;  // from the pace of its items (learned_interval)
  std::vector<int> skip_hours;                  // 0-23, UTC
  std::vector<int> skip_days;                   // 0 = Sunday

  bool operator==(const DocumentHints&) const = default;
};

struct ServerHints {
  DocumentHints document;
  std::optional<std::chrono::seconds> max_age;
  std::optional<std::chrono::seconds> expires;  // Expires minus the time of the poll
};

// The hints of a parsed feed document: its ttl, sy: update period and skip
// lists, and the interval learned from its items' dates.
DocumentHints document_hints(const ParsedFeed& feed, Timestamp now);

// The headers' hints joined with the document's (the parsed body's, or for a
// 304 the ones stored from the last full document).
ServerHints hints_from(const std::optional<std::string>& cache_control, const std::optional<std::string>& expires,
                       DocumentHints document, Timestamp now);

// The feed's own pace: half the mean gap between the dates of its newest
// items (up to 20 dated ones, at least 3; dates after `now` ignored), so a
// feed that posts daily is polled about twice a day. nullopt when the items
// say nothing (too few dates, or all at one time). The caller bounds it by
// the configured interval and max_interval like any other hint.
std::optional<std::chrono::seconds> learned_interval(std::vector<Timestamp> dates, Timestamp now);

// Expires: an HTTP date; in the past (or "0", or unreadable) means no hint.
std::optional<std::chrono::seconds> parse_expires(std::string_view value, Timestamp now);

// The longest wait the hints ask for, at most `cap` (so a "yearly" feed is
// still polled at the cap); nullopt when they ask for none.
std::optional<std::chrono::seconds> longest_wait(const ServerHints& hints, std::chrono::seconds cap);

// `when`, or the start of the first later hour that is neither a skipped hour
// nor on a skipped day (UTC). When every hour is skipped, `when` unchanged.
Timestamp skip_forward(Timestamp when, const std::vector<int>& skip_hours, const std::vector<int>& skip_days);

}  // namespace feedsieve
