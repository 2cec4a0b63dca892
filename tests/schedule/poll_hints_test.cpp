// The document hints survive the trip through feeds.poll_hints text.
#include <catch2/catch.hpp>

#include "daemon/schedule/poll_hints.hpp"

using namespace feedsieve;
using std::chrono::seconds;

TEST_CASE("poll hints round-trip through their JSON text") {
  DocumentHints hints;
  hints.ttl = seconds(3600);
  hints.learned = seconds(43200);
  hints.skip_hours = {0, 1, 23};
  hints.skip_days = {0, 6};
  const std::string text = poll_hints_json(hints);
  CHECK(text == R"({"ttl":3600,"learned_interval":43200,"skip_hours":[0,1,23],"skip_days":[0,6]})");
  CHECK(poll_hints_from_json(text) == hints);
  CHECK(poll_hints_json(DocumentHints{}) == "{}");
}

TEST_CASE("damaged poll hints are no hints, and out-of-range entries are dropped") {
  CHECK(poll_hints_from_json("") == DocumentHints{});
  CHECK(poll_hints_from_json("[1,2]") == DocumentHints{});
  CHECK(poll_hints_from_json(R"({"ttl":"soon"})") == DocumentHints{});
  const auto hints = poll_hints_from_json(R"({"ttl":-5,"skip_hours":[3,24,-1,"x"],"skip_days":[7,2]})");
  CHECK_FALSE(hints.ttl.has_value());
  CHECK(hints.skip_hours == std::vector<int>{3});
  CHECK(hints.skip_days == std::vector<int>{2});
}
