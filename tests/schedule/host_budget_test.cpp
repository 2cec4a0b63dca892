// The per-host budget: a burst of one minute's worth, then even spacing;
// one host's spent budget never delays another host.
#include <catch2/catch.hpp>

#include "daemon/schedule/host_budget.hpp"

using namespace feedsieve;
using std::chrono::milliseconds;

namespace {

const HostBudget::Time t0{milliseconds(1'700'000'000'000)};

}  // namespace

TEST_CASE("a host gets its per-minute burst at once, then one request per spacing") {
  HostBudget budget(6);  // one every 10 s once the burst is spent
  for (int i = 0; i < 6; ++i) CHECK(budget.reserve("a.example", t0) == t0);
  CHECK(budget.reserve("a.example", t0) == t0 + milliseconds(10'000));
  CHECK(budget.reserve("a.example", t0) == t0 + milliseconds(20'000));
}

TEST_CASE("a spent host does not delay another host") {
  HostBudget budget(2);
  budget.reserve("slow.example", t0);
  budget.reserve("slow.example", t0);
  CHECK(budget.reserve("slow.example", t0) > t0);
  CHECK(budget.reserve("other.example", t0) == t0);
}

TEST_CASE("the budget refills with time") {
  HostBudget budget(2);
  budget.reserve("a.example", t0);
  budget.reserve("a.example", t0);
  CHECK(budget.reserve("a.example", t0 + milliseconds(60'000)) == t0 + milliseconds(60'000));
}

TEST_CASE("a budget of zero is no limit") {
  HostBudget budget(0);
  for (int i = 0; i < 1000; ++i) REQUIRE(budget.reserve("a.example", t0) == t0);
}

TEST_CASE("the budget's key is the lower-cased host") {
  CHECK(budget_host("https://News.Example:8443/feed.xml") == "news.example");
  CHECK(budget_host("not a url").empty());
}

TEST_CASE("hosts whose budget refilled are forgotten, so the accounts stay bounded") {
  HostBudget budget(60);
  HostBudget::Time t = t0;
  // A daemon that meets a new host every second for a day (feeds come and go).
  for (int i = 0; i < 86'400; ++i, t += milliseconds(1'000)) budget.reserve("h" + std::to_string(i) + ".example", t);
  CHECK(budget.hosts() <= 128);
  // A host with a spent budget keeps its account, and its delay, through a sweep.
  for (int i = 0; i < 61; ++i) budget.reserve("busy.example", t);
  for (int i = 0; i < 200; ++i) budget.reserve("n" + std::to_string(i) + ".example", t + milliseconds(1'001));
  CHECK(budget.reserve("busy.example", t + milliseconds(1'002)) > t + milliseconds(1'002));
}
