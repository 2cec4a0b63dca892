// Server hints: which of ttl, sy:updatePeriod, max-age and Expires wins, the
// cap, and skipHours/skipDays moving a poll out of the skipped window.
#include <catch2/catch.hpp>

#include "daemon/schedule/server_hints.hpp"
#include "feeds/date/date.hpp"

using namespace feedsieve;
using std::chrono::seconds;

namespace {

Timestamp at(const char* text) { return parse_rfc3339(text).value(); }

}  // namespace

TEST_CASE("the longest hint wins, up to the cap") {
  ServerHints hints;
  hints.document.ttl = seconds(600);
  hints.document.update_period = seconds(3600);
  hints.max_age = seconds(120);
  CHECK(longest_wait(hints, seconds(86400)) == seconds(3600));
  CHECK(longest_wait(hints, seconds(1800)) == seconds(1800));
  CHECK_FALSE(longest_wait(ServerHints{}, seconds(86400)).has_value());
}

TEST_CASE("Expires is a hint only when no max-age is given and it lies ahead") {
  const Timestamp now = at("2024-05-01T10:00:00Z");
  const auto hints = hints_from(std::nullopt, std::string("Wed, 01 May 2024 12:00:00 GMT"), {}, now);
  CHECK(hints.expires == seconds(7200));
  const auto both = hints_from(std::string("max-age=60"), std::string("Wed, 01 May 2024 12:00:00 GMT"), {}, now);
  CHECK(both.max_age == seconds(60));
  CHECK_FALSE(both.expires.has_value());
  CHECK_FALSE(parse_expires("0", now).has_value());
  CHECK_FALSE(parse_expires("Wed, 01 May 2024 09:00:00 GMT", now).has_value());
}

TEST_CASE("the parsed feed's ttl, update period and skip lists become hints") {
  ParsedFeed feed;
  feed.ttl_minutes = 90;
  feed.update_period = seconds(7200);
  feed.skip_hours = {1, 2};
  const auto hints = document_hints(feed, at("2024-05-01T10:00:00Z"));
  CHECK(hints.ttl == seconds(5400));
  CHECK(hints.update_period == seconds(7200));
  CHECK(hints.skip_hours == std::vector<int>{1, 2});
  CHECK_FALSE(hints.learned.has_value());  // no items, nothing learned
}

TEST_CASE("skipHours moves a poll to the first hour that is not skipped") {
  CHECK(skip_forward(at("2024-05-01T01:30:00Z"), {1, 2, 3}, {}) == at("2024-05-01T04:00:00Z"));
  CHECK(skip_forward(at("2024-05-01T23:10:00Z"), {23, 0}, {}) == at("2024-05-02T01:00:00Z"));
  CHECK(skip_forward(at("2024-05-01T05:30:00Z"), {1, 2, 3}, {}) == at("2024-05-01T05:30:00Z"));
}

TEST_CASE("skipDays moves a poll past the skipped days (UTC)") {
  // 2024-05-04 is a Saturday, 2024-05-05 a Sunday.
  CHECK(skip_forward(at("2024-05-04T15:00:00Z"), {}, {6, 0}) == at("2024-05-06T00:00:00Z"));
  CHECK(skip_forward(at("2024-05-04T15:00:00Z"), {0}, {6, 0}) == at("2024-05-06T01:00:00Z"));
}

TEST_CASE("skipping every hour leaves the poll where it was") {
  std::vector<int> all;
  for (int h = 0; h < 24; ++h) all.push_back(h);
  CHECK(skip_forward(at("2024-05-01T10:00:00Z"), all, {}) == at("2024-05-01T10:00:00Z"));
}

TEST_CASE("the interval learned from the items is half their mean gap, newest 20 dated ones") {
  const Timestamp now = at("2024-05-10T00:00:00Z");
  std::vector<Timestamp> daily;
  for (int d = 0; d < 5; ++d) daily.push_back(now - std::chrono::days(d));
  CHECK(learned_interval(daily, now) == std::chrono::hours(12));
  // 30 hourly items and, older, one a year before: only the newest 20 count.
  std::vector<Timestamp> hourly;
  for (int h = 0; h < 30; ++h) hourly.push_back(now - std::chrono::hours(h));
  hourly.push_back(now - std::chrono::days(365));
  CHECK(learned_interval(hourly, now) == std::chrono::minutes(30));
  // Dates in the future (a publisher's clock) are ignored.
  daily.push_back(now + std::chrono::days(300));
  CHECK(learned_interval(daily, now) == std::chrono::hours(12));
}

TEST_CASE("too few dates, or one date for all, teach nothing") {
  const Timestamp now = at("2024-05-10T00:00:00Z");
  CHECK_FALSE(learned_interval({now, now - std::chrono::days(3)}, now).has_value());
  CHECK_FALSE(learned_interval({now, now, now, now}, now).has_value());
  CHECK_FALSE(learned_interval({}, now).has_value());
}

TEST_CASE("a document's items teach the interval, published else updated") {
  const Timestamp now = at("2024-05-10T00:00:00Z");
  ParsedFeed feed;
  for (int d = 0; d < 4; ++d) {
    Item item;
    if (d % 2 == 0) item.published = now - std::chrono::days(2 * d);
    else item.updated = now - std::chrono::days(2 * d);
    feed.items.push_back(item);
  }
  feed.items.push_back(Item{});  // undated: ignored
  CHECK(document_hints(feed, now).learned == std::chrono::days(1));
  ServerHints hints;
  hints.document = document_hints(feed, now);
  CHECK(longest_wait(hints, std::chrono::hours(6)) == std::chrono::hours(6));  // the cap bounds it
}
