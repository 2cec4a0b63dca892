#include <catch2/catch.hpp>

#include "daemon/schedule/schedule.hpp"
#include "feeds/date/date.hpp"

using namespace feedsieve;
using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

namespace {
const Timestamp t0 = *parse_rfc3339("2024-05-01T12:00:00Z");
}

TEST_CASE("a healthy feed is polled after its interval, with bounded jitter", "[schedule]") {
  CHECK(next_poll_after_success(t0, minutes(30), 0.1, 0.5) == t0 + minutes(30));
  CHECK(next_poll_after_success(t0, minutes(30), 0.1, 0.0) == t0 + minutes(27));
  CHECK(next_poll_after_success(t0, minutes(30), 0.1, 0.999999) <= t0 + minutes(33));
  CHECK(next_poll_after_success(t0, minutes(30), 0.0, 0.9) == t0 + minutes(30));
}

TEST_CASE("the server's minimum stretches the interval, never shortens it", "[schedule]") {
  CHECK(next_poll_after_success(t0, minutes(30), 0.0, 0.5, hours(2)) == t0 + hours(2));
  CHECK(next_poll_after_success(t0, minutes(30), 0.0, 0.5, minutes(5)) == t0 + minutes(30));
}

TEST_CASE("failures back off exponentially up to the cap", "[schedule]") {
  ScheduleSettings settings;
  settings.backoff_base = minutes(5);
  settings.backoff_max = hours(24 * 7);
  CHECK(next_poll_after_failure(t0, 1, settings, 0.0) == t0 + minutes(5));
  CHECK(next_poll_after_failure(t0, 2, settings, 0.0) == t0 + minutes(10));
  CHECK(next_poll_after_failure(t0, 4, settings, 0.0) == t0 + minutes(40));
  CHECK(next_poll_after_failure(t0, 3, settings, 0.999) <= t0 + minutes(25));
  CHECK(next_poll_after_failure(t0, 30, settings, 0.0) == t0 + hours(24 * 7));
  CHECK(next_poll_after_failure(t0, 1'000'000, settings, 0.999) == t0 + hours(24 * 7));
}

TEST_CASE("a Retry-After delays the retry, within the cap", "[schedule]") {
  ScheduleSettings settings;
  settings.backoff_base = minutes(1);
  settings.backoff_max = hours(24);
  CHECK(next_poll_after_failure(t0, 1, settings, 0.0, hours(2)) == t0 + hours(2));
  CHECK(next_poll_after_failure(t0, 1, settings, 0.0, hours(200)) == t0 + hours(24));
}

TEST_CASE("first polls resume a stored schedule or spread over the window", "[schedule]") {
  CHECK(first_poll(t0, t0 + hours(1), seconds(60), 0.5) == t0 + hours(1));
  CHECK(first_poll(t0, t0 - hours(1), seconds(60), 0.5) == t0 + seconds(30));
  CHECK(first_poll(t0, std::nullopt, seconds(60), 0.0) == t0);
  CHECK(first_poll(t0, std::nullopt, seconds(0), 0.9) == t0);
}

TEST_CASE("Retry-After takes seconds or an HTTP date", "[schedule]") {
  CHECK(parse_retry_after("120", t0) == seconds(120));
  CHECK(parse_retry_after("Wed, 01 May 2024 13:00:00 GMT", t0) == hours(1));
  CHECK(parse_retry_after("Wed, 01 May 2024 11:00:00 GMT", t0) == seconds(0));
  CHECK_FALSE(parse_retry_after("soon", t0));
  CHECK_FALSE(parse_retry_after("-5", t0));
}

TEST_CASE("Cache-Control max-age is read, s-maxage is not", "[schedule]") {
  CHECK(parse_max_age("public, max-age=3600") == seconds(3600));
  CHECK(parse_max_age("MAX-AGE = 60") == seconds(60));
  CHECK_FALSE(parse_max_age("s-maxage=3600"));
  CHECK_FALSE(parse_max_age("no-cache"));
  CHECK(parse_max_age("s-maxage=10, max-age=20") == seconds(20));
}
