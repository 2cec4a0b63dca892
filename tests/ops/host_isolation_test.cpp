// A host that is slow, or whose request budget is spent, holds back only its
// own feeds: the real daemon against one loopback server reached under two
// host names (127.0.0.1 and localhost), judged by the server's request log.
#include <catch2/catch.hpp>
#include <algorithm>
#include <csignal>
#include <map>

#include "tests/ops/ops_scenario.hpp"
#include "tests/support/feed_text.hpp"

using namespace feedsieve;

namespace {

boost::json::object rss_route(const std::string& name, double delay = 0) {
  boost::json::object route{
      {"body", test::rss_document(name, {{name + "-1", name, "https://x.example/" + name, "Wed, 01 May 2024 10:00:00 GMT"}})},
      {"headers", boost::json::object{{"Content-Type", "application/rss+xml"}}}};
  if (delay > 0) route["delay"] = delay;
  return route;
}

std::string localhost_url(const test::OpsScenario& s, const std::string& path) {
  return "http://localhost:" + std::to_string(s.server().port()) + path;
}

// Position of each path's first request in the server's log.
std::map<std::string, std::size_t> first_request(const test::OpsScenario& s) {
  std::map<std::string, std::size_t> at;
  const auto requests = s.server().requests();
  for (std::size_t i = 0; i < requests.size(); ++i) at.try_emplace(std::string(requests[i].at("path").as_string()), i);
  return at;
}

}  // namespace

TEST_CASE("a slow host's feeds wait for each other, not for another host's") {
  // Three feeds on a host that takes 1.5 s an answer, one transfer at a time
  // per host; four quick feeds on another host name.
  boost::json::object routes;
  for (int i = 1; i <= 3; ++i) routes["/slow-" + std::to_string(i)] = rss_route("slow-" + std::to_string(i), 1.5);
  for (int i = 1; i <= 4; ++i) routes["/fast-" + std::to_string(i)] = rss_route("fast-" + std::to_string(i));
  test::OpsScenario s(routes);
  std::string text = s.preamble("", "max_per_host = 1\n");
  for (int i = 1; i <= 3; ++i) {
    const std::string name = "slow-" + std::to_string(i);
    text += test::OpsScenario::feed_block(name, s.server().url("/" + name));
  }
  for (int i = 1; i <= 4; ++i) {
    const std::string name = "fast-" + std::to_string(i);
    text += test::OpsScenario::feed_block(name, localhost_url(s, "/" + name));
  }
  s.write_config_text(text);
  const auto run = s.run_once();
  INFO(run.err);
  REQUIRE(run.exit_code == 0);
  const auto at = first_request(s);
  REQUIRE(at.size() == 7);
  // Every quick feed was asked before the slow host's second request, which
  // had to wait for its first one (1.5 s) to be answered.
  std::vector<std::size_t> slow{at.at("/slow-1"), at.at("/slow-2"), at.at("/slow-3")};
  std::sort(slow.begin(), slow.end());
  for (int i = 1; i <= 4; ++i) {
    INFO("fast-" << i);
    CHECK(at.at("/fast-" + std::to_string(i)) < slow[1]);
  }
  for (int i = 1; i <= 3; ++i) CHECK(s.feed("slow-" + std::to_string(i)).last_status == 200);
}

TEST_CASE("a host whose request budget is spent delays only its own feeds") {
  boost::json::object routes;
  for (int i = 1; i <= 3; ++i) routes["/busy-" + std::to_string(i)] = rss_route("busy-" + std::to_string(i));
  routes["/other"] = rss_route("other");
  test::OpsScenario s(routes);
  // Two requests a minute to 127.0.0.1: the third busy feed must wait 30 s.
  std::string text = s.preamble("host_requests_per_minute = 2\n");
  for (int i = 1; i <= 3; ++i) {
    const std::string name = "busy-" + std::to_string(i);
    text += test::OpsScenario::feed_block(name, s.server().url("/" + name));
  }
  text += test::OpsScenario::feed_block("other", localhost_url(s, "/other"));
  s.write_config_text(text);
  test::BackgroundProcess daemon(FEEDSIEVE_BINARY, {"run", "--once", "--config", s.config()});
  // Three polls stored (each logs "... N new, M updated"): two busy feeds and the other host's.
  for (int polls = 0; polls < 3; ++polls) REQUIRE(daemon.wait_for_stderr(" updated\n"));
  int busy = 0;
  for (int i = 1; i <= 3; ++i) busy += s.requests_to("/busy-" + std::to_string(i));
  CHECK(busy == 2);
  CHECK(s.requests_to("/other") == 1);
  CHECK(s.feed("other").last_status == 200);
  daemon.signal(SIGTERM);
  CHECK(daemon.wait() == 0);
}
