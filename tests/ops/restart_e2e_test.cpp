// A restarted daemon resumes the schedule from the store: the real binary,
// stopped with SIGTERM and started again, against loopback feeds. Every wait
// is on a log line of the daemon; the server's request log is read once the
// daemon has exited, when no request can still arrive.
#include <SQLiteCpp/SQLiteCpp.h>
#include <signal.h>

#include <catch2/catch.hpp>

#include "feeds/date/date.hpp"
#include "tests/ops/ops_scenario.hpp"
#include "tests/support/feed_text.hpp"

using namespace feedsieve;

namespace {

Timestamp now_utc() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

boost::json::object rss_route(const std::string& name) {
  return {{"body", test::rss_document(name, {{name + "-1", "Item of " + name, "https://" + name + ".example/1",
                                              "Wed, 01 May 2024 10:00:00 GMT"}})},
          {"headers", boost::json::object{{"Content-Type", "application/rss+xml"}}}};
}

// The time in the daemon's "feed 'NAME': first poll at TIME" line.
Timestamp first_poll_logged(const std::string& err, const std::string& name) {
  const std::string prefix = "feed '" + name + "': first poll at ";
  const auto at = err.rfind(prefix);
  REQUIRE(at != std::string::npos);
  const auto when = parse_rfc3339(err.substr(at + prefix.size(), 20));
  REQUIRE(when.has_value());
  return *when;
}

// Waits for `polls` poll results to be logged, whichever feeds they are.
void wait_for_polls(test::BackgroundProcess& daemon, int polls) {
  for (int i = 0; i < polls; ++i) {
    const bool logged = daemon.wait_for_stderr(" updated\n");
    INFO(daemon.err());
    REQUIRE(logged);
  }
}

void stop(test::BackgroundProcess& daemon) {
  daemon.signal(SIGTERM);
  REQUIRE(daemon.wait() == 0);
  REQUIRE_THAT(daemon.err(), Catch::Contains("feedsieve stopped"));
}

}  // namespace

TEST_CASE("a restarted daemon polls the feeds that are due and waits for the others", "[e2e][schedule]") {
  test::OpsScenario s({{"/steady", rss_route("steady")}, {"/due", rss_route("due")}});
  s.write_config_text(s.preamble("interval = \"1h\"\n") + "[log]\nlevel = \"debug\"\n" +
                      test::OpsScenario::feed_block("steady", s.server().url("/steady")) +
                      test::OpsScenario::feed_block("due", s.server().url("/due")));
  const std::vector<std::string> run{"run", "--config", s.config()};

  {
    test::BackgroundProcess daemon(FEEDSIEVE_BINARY, run);
    wait_for_polls(daemon, 2);  // both are new: polled at once (startup_spread 0s)
    stop(daemon);
  }
  REQUIRE(s.requests_to("/steady") == 1);
  REQUIRE(s.requests_to("/due") == 1);
  const Timestamp steady_next = s.feed("steady").next_poll.value();
  REQUIRE(steady_next > now_utc() + std::chrono::minutes(50));  // the 1h interval, jitter 0
  // "due" as if its hour had passed while the daemon was down.
  SQLite::Database(s.dir() / "store.db", SQLite::OPEN_READWRITE)
      .exec("UPDATE feeds SET next_poll = '2024-05-01T00:00:00Z' WHERE name = 'due'");

  const Timestamp restarted = now_utc();
  test::BackgroundProcess daemon(FEEDSIEVE_BINARY, run);
  REQUIRE(daemon.wait_for_stderr("feedsieve started: 2 feeds"));
  CHECK(first_poll_logged(daemon.err(), "steady") == steady_next);
  CHECK(first_poll_logged(daemon.err(), "due") <= restarted + std::chrono::seconds(1));
  REQUIRE(daemon.wait_for_stderr("feed 'due': fetching " + s.server().url("/due")));
  wait_for_polls(daemon, 1);
  stop(daemon);

  CHECK(s.requests_to("/due") == 2);
  CHECK(s.requests_to("/steady") == 1);
  CHECK(s.feed("steady").next_poll == steady_next);  // untouched by the second run
  CHECK(s.feed("due").next_poll.value() > now_utc() + std::chrono::minutes(50));
}
