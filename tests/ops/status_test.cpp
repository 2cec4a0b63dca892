// `feedsieve status` over a store filled by the real daemon: health per feed,
// the summary, and the exit code that makes it a health check.
#include <catch2/catch.hpp>
#include <sstream>
#include <string>

#include "tests/ops/ops_scenario.hpp"
#include "tests/support/feed_text.hpp"

using namespace feedsieve;

namespace {

boost::json::object rss_route(const std::string& body) {
  return {{"body", body}, {"headers", boost::json::object{{"Content-Type", "application/rss+xml"}}}};
}

boost::json::object status_routes() {
  return {
      {"/good", rss_route(test::rss_document("Good", {{"g-1", "One", "https://g.example/1",
                                                       "Wed, 01 May 2024 10:00:00 GMT"},
                                                      {"g-2", "Two", "https://g.example/2",
                                                       "Wed, 01 May 2024 12:00:00 GMT"}}))},
      {"/broken", {{"status", 500}, {"body", "oops"}}},
      {"/gone", {{"status", 410}, {"body", "gone"}}},
  };
}

boost::json::object by_name(const boost::json::value& status, const std::string& name) {
  for (const auto& feed : status.at("feeds").as_array())
    if (feed.at("name").as_string() == name) return feed.as_object();
  FAIL("no feed " << name);
  return {};
}

}  // namespace

TEST_CASE("status reports each feed's health, contribution and the summary") {
  test::OpsScenario s(status_routes());
  s.write_config({{"good", ""}, {"broken", ""}, {"gone", ""}, {"off", "enabled = false\n"}});
  REQUIRE(s.run_once().exit_code == 0);

  const auto result = s.feedsieve({"status", "--format", "json"});
  INFO(result.err);
  CHECK(result.exit_code == 0);  // nothing has failed for 24 hours yet
  const auto status = boost::json::parse(result.out);
  const auto good = by_name(status, "good");
  CHECK(good.at("health").as_string() == "ok");
  CHECK(good.at("items").as_int64() == 2);
  CHECK(good.at("stories").as_int64() == 2);
  CHECK(good.at("average_interval_seconds").as_int64() == 7200);
  CHECK(good.at("http_status").as_int64() == 200);
  const auto broken = by_name(status, "broken");
  CHECK(broken.at("health").as_string() == "failing");
  CHECK(broken.at("http_status").as_int64() == 500);
  CHECK(broken.at("error_count").as_int64() == 1);
  CHECK_FALSE(broken.at("error").as_string().empty());
  const auto gone = by_name(status, "gone");
  CHECK(gone.at("health").as_string() == "disabled");
  CHECK(gone.at("gone").as_bool());
  CHECK(by_name(status, "off").at("health").as_string() == "disabled");
  const auto& summary = status.at("summary").as_object();
  CHECK(summary.at("ok").as_int64() == 1);
  CHECK(summary.at("failing").as_int64() == 1);
  CHECK(summary.at("disabled").as_int64() == 2);
}

TEST_CASE("status exits 1 once a feed has been failing for --fail-after") {
  test::OpsScenario s(status_routes());
  s.write_config({{"good", ""}, {"broken", ""}});
  REQUIRE(s.run_once().exit_code == 0);
  const auto table = s.feedsieve({"status", "--fail-after", "0s"});
  CHECK(table.exit_code == 1);
  CHECK(table.out.find("2 feeds: 1 ok, 1 failing, 0 disabled, 0 pending; 1 failing for 0s or more") !=
        std::string::npos);
  CHECK(table.out.find("broken") != std::string::npos);
  CHECK(s.feedsieve({"status", "--fail-after", "soon"}).exit_code == 2);
}

TEST_CASE("the status table keeps each column under its heading") {
  test::OpsScenario s(status_routes());
  s.write_config({{"good", ""}, {"off", "enabled = false\n"}});
  REQUIRE(s.run_once().exit_code == 0);
  std::istringstream lines(s.feedsieve({"status"}).out);
  std::string header, good, off;
  std::getline(lines, header);
  std::getline(lines, good);
  std::getline(lines, off);
  CHECK(header ==
        "FEED                        HEALTH   HTTP ERR  LAST ATTEMPT          LAST SUCCESS          NEXT POLL         "
        "    ITEMS  STORIES EVERY  ERROR");
  // The times of the good feed vary from run to run: columns 47 to 112.
  REQUIRE(good.size() == 135);
  CHECK(good.substr(0, 47) == "good                        ok       200  0    ");
  CHECK(good.substr(113) == "2      2       2h     ");
  CHECK(off ==
        "off                         disabled 0    0    -                     -                     disabled          "
        "    0      0       -      ");
}

TEST_CASE("a feed that answered 410 Gone is not polled again") {
  test::OpsScenario s(status_routes());
  s.write_config({{"gone", ""}, {"good", ""}});
  REQUIRE(s.run_once().exit_code == 0);
  const auto second = s.run_once();
  CHECK(second.exit_code == 0);
  CHECK(s.requests_to("/gone") == 1);
  CHECK(s.requests_to("/good") == 2);
  CHECK(second.err.find("410 Gone") != std::string::npos);
  CHECK(s.feed("gone").last_status == 410);
}
