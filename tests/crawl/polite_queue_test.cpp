// daemon/crawl PoliteQueue: per-host caps and gaps, with the time passed in.
#include <catch2/catch.hpp>

#include "daemon/crawl/polite_queue.hpp"

using feedsieve::crawl_detail::PoliteQueue;
using namespace std::chrono_literals;

namespace {
const PoliteQueue::Clock::time_point t0{};
}

TEST_CASE("one request per host at a time, the next after the gap from its end", "[crawl][polite]") {
  PoliteQueue queue(1, 2s);
  queue.push("a", 1);
  queue.push("a", 2);
  CHECK(queue.pop_ready(t0) == 1u);
  CHECK_FALSE(queue.pop_ready(t0));       // one in flight
  CHECK_FALSE(queue.next_wake());          // waiting for the running one, not for a time
  queue.finished("a", t0 + 3s);
  CHECK_FALSE(queue.pop_ready(t0 + 4s));  // 2 s after the end, not after the start
  CHECK(queue.next_wake() == t0 + 5s);
  CHECK(queue.pop_ready(t0 + 5s) == 2u);
  CHECK(queue.queued() == 0);
}

TEST_CASE("a host that must wait never holds back another", "[crawl][polite]") {
  PoliteQueue queue(1, 0s);
  queue.set_gap("slow.example", 10s);  // its Crawl-delay
  queue.push("slow.example", 1);
  queue.push("slow.example", 2);
  queue.push("other.example", 3);
  queue.push("other.example", 4);
  CHECK(queue.pop_ready(t0) == 1u);
  CHECK(queue.pop_ready(t0) == 3u);
  queue.finished("other.example", t0);
  queue.finished("slow.example", t0);
  CHECK(queue.pop_ready(t0) == 4u);  // slow.example's gap holds only slow.example
  CHECK_FALSE(queue.pop_ready(t0));
  CHECK(queue.next_wake() == t0 + 10s);
  CHECK(queue.pop_ready(t0 + 10s) == 2u);
}

TEST_CASE("two in flight per host when allowed, still spaced by the gap", "[crawl][polite]") {
  PoliteQueue queue(2, 1s);
  for (PoliteQueue::Ticket t = 1; t <= 3; ++t) queue.push("a", t);
  CHECK(queue.pop_ready(t0) == 1u);
  CHECK_FALSE(queue.pop_ready(t0 + 500ms));
  CHECK(queue.pop_ready(t0 + 1s) == 2u);
  CHECK_FALSE(queue.pop_ready(t0 + 5s));  // two running: the cap, not the gap, holds it
  queue.finished("a", t0 + 5s);
  CHECK(queue.pop_ready(t0 + 6s) == 3u);
}

TEST_CASE("robots.txt goes ahead of the pages that wait for it; oldest host first", "[crawl][polite]") {
  PoliteQueue queue(1, 0s);
  queue.push("b", 1);
  queue.push("a", 2);
  queue.push("a", 3, true);  // a's robots.txt
  CHECK(queue.pop_ready(t0) == 1u);
  CHECK(queue.pop_ready(t0) == 3u);
  queue.finished("a", t0);
  CHECK(queue.pop_ready(t0) == 2u);
}

TEST_CASE("a Crawl-delay learned later widens the host's gap", "[crawl][polite]") {
  PoliteQueue queue(1, 1s);
  queue.push("a", 1);
  queue.push("a", 2);
  CHECK(queue.pop_ready(t0) == 1u);
  queue.set_gap("a", 5s);
  queue.finished("a", t0);
  CHECK_FALSE(queue.pop_ready(t0 + 4s));
  CHECK(queue.pop_ready(t0 + 5s) == 2u);
}

TEST_CASE("clear returns the queued tickets and frees the running slots", "[crawl][polite]") {
  PoliteQueue queue(1, 0s);
  queue.push("a", 1);
  queue.push("a", 2);
  queue.push("b", 3);
  CHECK(queue.pop_ready(t0) == 1u);
  CHECK(queue.clear() == std::vector<PoliteQueue::Ticket>{2, 3});
  queue.push("a", 4);
  CHECK(queue.pop_ready(t0) == 4u);
}

TEST_CASE("idle hosts past their gap are forgotten, busy and waiting ones kept", "[crawl][polite]") {
  PoliteQueue queue(1, 1s);
  queue.push("busy", 1);
  CHECK(queue.pop_ready(t0) == 1u);  // stays running throughout
  queue.push("slow", 2);
  queue.set_gap("slow", 24h);
  CHECK(queue.pop_ready(t0) == 2u);
  queue.finished("slow", t0);  // must wait a day
  queue.push("slow", 3);
  PoliteQueue::Ticket ticket = 10;
  for (int second = 1; second <= 5'000; ++second) {  // a new site every second
    const std::string host = "site" + std::to_string(second);
    const auto now = t0 + std::chrono::seconds(second);
    queue.push(host, ticket++);
    const auto started = queue.pop_ready(now);
    REQUIRE(started);
    queue.finished(host, now);
  }
  CHECK(queue.hosts() <= 128);
  CHECK(queue.queued() == 1);  // slow's ticket 3 survived every sweep...
  CHECK_FALSE(queue.pop_ready(t0 + 23h));
  CHECK(queue.pop_ready(t0 + 24h) == 3u);  // ...and so did its gap
  queue.push("busy", 4);
  CHECK_FALSE(queue.pop_ready(t0 + 25h));  // busy still counts its running request
}
