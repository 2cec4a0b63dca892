// What servers say about when to come back, end to end: the real daemon
// against loopback routes, the next poll read back from the store.
#include <catch2/catch.hpp>
#include <ctime>

#include "feeds/date/date.hpp"
#include "tests/ops/ops_scenario.hpp"
#include "tests/support/feed_text.hpp"

using namespace feedsieve;
using std::chrono::seconds;

namespace {

Timestamp now_utc() { return std::chrono::floor<seconds>(std::chrono::system_clock::now()); }

boost::json::object feed_route(const std::string& channel_extra, boost::json::object headers = {}) {
  headers["Content-Type"] = "application/rss+xml";
  std::string body = test::rss_document("Hinted", {{"h-1", "One", "https://h.example/1",
                                                    "Wed, 01 May 2024 10:00:00 GMT"}});
  body.insert(body.find("<item>"), channel_extra);
  return {{"body", body}, {"headers", headers}};
}

std::string http_date(Timestamp when) {
  const std::time_t t = std::chrono::system_clock::to_time_t(when);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char text[64];
  std::strftime(text, sizeof text, "%a, %d %b %Y %H:%M:%S GMT", &tm);
  return text;
}

// Seconds from now until the stored next poll.
std::int64_t wait_of(const test::OpsScenario& s, const std::string& name) {
  return (s.feed(name).next_poll.value() - now_utc()).count();
}

}  // namespace

TEST_CASE("429 and 503 with Retry-After, in seconds or as an HTTP date, delay that feed only") {
  const std::string later = http_date(now_utc() + seconds(7200));
  test::OpsScenario s({{"/limited", {{"status", 429}, {"headers", boost::json::object{{"Retry-After", "5000"}}}}},
                       {"/busy", {{"status", 503}, {"headers", boost::json::object{{"Retry-After", later}}}}},
                       {"/fine", feed_route("")}});
  s.write_config({{"limited", ""}, {"busy", ""}, {"fine", "interval = \"10m\"\n"}},
                 "backoff_base = \"1m\"\n");
  REQUIRE(s.run_once().exit_code == 0);
  CHECK(wait_of(s, "limited") >= 4990);
  CHECK(s.feed("limited").last_status == 429);
  CHECK(wait_of(s, "busy") >= 7190);
  CHECK(wait_of(s, "busy") <= 7210);
  CHECK(wait_of(s, "fine") <= 600);
}

TEST_CASE("ttl, sy:updatePeriod, max-age and Expires stretch the interval; pin_interval keeps it") {
  const std::string expires = http_date(now_utc() + seconds(3 * 3600));
  test::OpsScenario s({
      {"/ttl", feed_route("<ttl>120</ttl>")},
      {"/sy", feed_route("<sy:updatePeriod xmlns:sy=\"http://purl.org/rss/1.0/modules/syndication/\">daily"
                         "</sy:updatePeriod><sy:updateFrequency xmlns:sy=\"http://purl.org/rss/1.0/modules/"
                         "syndication/\">4</sy:updateFrequency>")},
      {"/maxage", feed_route("", {{"Cache-Control", "public, max-age=5400"}})},
      {"/expires", feed_route("", {{"Expires", expires}})},
      {"/pinned", feed_route("<ttl>600</ttl>")},
      {"/capped", feed_route("<ttl>100000</ttl>")},
  });
  const std::string every = "interval = \"10m\"\n";
  s.write_config({{"ttl", every},
                  {"sy", every},
                  {"maxage", every},
                  {"expires", every},
                  {"pinned", every + "pin_interval = true\n"},
                  {"capped", every}},
                 "max_interval = \"12h\"\n");
  REQUIRE(s.run_once().exit_code == 0);
  CHECK(wait_of(s, "ttl") >= 7190);
  CHECK(wait_of(s, "sy") >= 6 * 3600 - 10);
  CHECK(wait_of(s, "maxage") >= 5390);
  CHECK(wait_of(s, "expires") >= 3 * 3600 - 10);
  CHECK(wait_of(s, "pinned") <= 610);
  CHECK(wait_of(s, "capped") <= 12 * 3600 + 10);
  CHECK(wait_of(s, "capped") >= 12 * 3600 - 10);
}

TEST_CASE("skipHours keeps the next poll out of the skipped hours") {
  std::string hours;
  for (int h = 0; h < 24; ++h)
    if (h % 2 == 0) hours += "<hour>" + std::to_string(h) + "</hour>";
  test::OpsScenario s({{"/skip", feed_route("<skipHours>" + hours + "</skipHours>")}});
  s.write_config({{"skip", "interval = \"3h\"\n"}});
  REQUIRE(s.run_once().exit_code == 0);
  const Timestamp next = s.feed("skip").next_poll.value();
  const auto hour = std::chrono::floor<std::chrono::hours>(next - std::chrono::floor<std::chrono::days>(next));
  CHECK(hour.count() % 2 == 1);
}

TEST_CASE("a permanent redirect is recorded and used by the next poll") {
  test::OpsScenario s({{"/old", {{"redirect", "/new"}, {"redirect_status", 301}}}, {"/new", feed_route("")}});
  s.write_config({{"old", ""}});
  REQUIRE(s.run_once().exit_code == 0);
  CHECK(s.feed("old").moved_to == s.server().url("/new"));
  REQUIRE(s.run_once().exit_code == 0);
  CHECK(s.requests_to("/old") == 1);
  CHECK(s.requests_to("/new") == 2);
}

TEST_CASE("both Retry-After forms on 429 and on 503; without one, the backoff") {
  const std::string later = http_date(now_utc() + seconds(3 * 3600));
  test::OpsScenario s({{"/limited-date", {{"status", 429}, {"headers", boost::json::object{{"Retry-After", later}}}}},
                       {"/busy-seconds", {{"status", 503}, {"headers", boost::json::object{{"Retry-After", "4000"}}}}},
                       {"/busy-bare", {{"status", 503}}}});
  s.write_config({{"limited-date", ""}, {"busy-seconds", ""}, {"busy-bare", ""}}, "backoff_base = \"1m\"\n");
  REQUIRE(s.run_once().exit_code == 0);
  CHECK(wait_of(s, "limited-date") >= 3 * 3600 - 10);
  CHECK(wait_of(s, "limited-date") <= 3 * 3600 + 10);
  CHECK(wait_of(s, "busy-seconds") >= 3990);
  CHECK(s.feed("busy-seconds").last_status == 503);
  CHECK(wait_of(s, "busy-bare") <= 76);  // backoff_base plus at most 25% jitter
  CHECK(s.feed("busy-bare").error_count == 1);
}

TEST_CASE("the document's ttl and skipHours still apply when the next poll answers 304") {
  std::string hours;
  for (int h = 0; h < 24; ++h)
    if (h % 2 == 0) hours += "<hour>" + std::to_string(h) + "</hour>";
  auto route = feed_route("<ttl>180</ttl><skipHours>" + hours + "</skipHours>");
  route["etag"] = "\"v1\"";
  test::OpsScenario s({{"/cached", route}});
  s.write_config({{"cached", "interval = \"10m\"\n"}});
  REQUIRE(s.run_once().exit_code == 0);
  REQUIRE(s.run_once().exit_code == 0);
  const auto feed = s.feed("cached");
  CHECK(feed.last_status == 304);
  CHECK(wait_of(s, "cached") >= 3 * 3600 - 10);
  const Timestamp next = feed.next_poll.value();
  CHECK(std::chrono::floor<std::chrono::hours>(next - std::chrono::floor<std::chrono::days>(next)).count() % 2 == 1);
  CHECK(feed.poll_hints.find("\"ttl\":10800") != std::string::npos);
}

TEST_CASE("the feed's own pace stretches the interval, within max_interval; pin_interval ignores it") {
  // Five items a day apart, the newest an hour ago: polled about twice a day.
  std::vector<test::Entry> daily;
  for (int d = 0; d < 5; ++d)
    daily.push_back({"d-" + std::to_string(d), "Daily " + std::to_string(d), "https://d.example/" + std::to_string(d),
                     http_date(now_utc() - std::chrono::hours(1 + 24 * d))});
  const boost::json::object route{{"body", test::rss_document("Daily", daily)},
                                  {"headers", boost::json::object{{"Content-Type", "application/rss+xml"}}}};
  test::OpsScenario s({{"/daily", route}, {"/pinned", route}});
  s.write_config({{"daily", "interval = \"10m\"\n"}, {"pinned", "interval = \"10m\"\npin_interval = true\n"}},
                 "max_interval = \"6h\"\n");
  REQUIRE(s.run_once().exit_code == 0);
  // max_interval 6h caps the learned 12 hours; a wider cap lets them through.
  CHECK(wait_of(s, "daily") >= 6 * 3600 - 10);
  CHECK(wait_of(s, "pinned") <= 610);
  s.write_config({{"daily", "interval = \"10m\"\n"}}, "max_interval = \"2d\"\n");
  REQUIRE(s.run_once().exit_code == 0);
  CHECK(wait_of(s, "daily") >= 12 * 3600 - 10);
  CHECK(wait_of(s, "daily") <= 12 * 3600 + 10);
  CHECK(s.feed("daily").poll_hints.find("\"learned_interval\":43200") != std::string::npos);
}
