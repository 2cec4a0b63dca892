// Many transfers on one thread: the caps, fairness between hosts, cancel_all(),
// re-entrant callbacks and destruction with transfers in flight.
#include "tests/fetch/fetch_helpers.hpp"

#include <algorithm>
#include <optional>

using namespace feedsieve;
using namespace feedsieve::test;
namespace json = boost::json;

namespace {

// The most requests the server was answering at once.
std::int64_t peak_concurrency(const HttpServer& server) {
  std::int64_t peak = 0;
  for (const auto& request : server.requests()) peak = std::max(peak, request.at("active").as_int64());
  return peak;
}

std::vector<FetchRequest> numbered(const std::string& base, int count) {
  std::vector<FetchRequest> requests;
  for (int i = 0; i < count; ++i) requests.push_back({base + "?n=" + std::to_string(i), {}, {}});
  return requests;
}

const json::object item_routes{{"/item", json::object{{"body", "item"}, {"delay", 0.01}}}};

}  // namespace

TEST_CASE("200 transfers over two hosts all complete, never more than 2 per host at once", "[fetch][concurrency]") {
  HttpServer first(item_routes);
  HttpServer second(item_routes);
  auto requests = numbered(first.url("/item"), 100);
  const auto more = numbered(via_localhost(second, "/item"), 100);
  requests.insert(requests.end(), more.begin(), more.end());

  auto limits = test_limits();
  limits.max_concurrent = 8;
  limits.max_per_host = 2;
  const auto results = fetch_all(limits, requests);
  REQUIRE(results.size() == 200);
  CHECK(std::all_of(results.begin(), results.end(), [](const FetchResult& r) { return r.outcome == FetchOutcome::ok; }));
  CHECK(first.requests().size() == 100);
  CHECK(second.requests().size() == 100);
  CHECK(peak_concurrency(first) <= 2);
  CHECK(peak_concurrency(second) <= 2);
}

TEST_CASE("the global cap holds when one host would allow more", "[fetch][concurrency]") {
  HttpServer server(json::object{{"/item", json::object{{"body", "item"}, {"delay", 0.05}}}});
  auto limits = test_limits();
  limits.max_concurrent = 3;
  limits.max_per_host = 50;
  const auto results = fetch_all(limits, numbered(server.url("/item"), 30));
  REQUIRE(results.size() == 30);
  CHECK(std::all_of(results.begin(), results.end(), [](const FetchResult& r) { return r.outcome == FetchOutcome::ok; }));
  CHECK(peak_concurrency(server) <= 3);
}

TEST_CASE("a slow host does not hold back a fast one", "[fetch][concurrency]") {
  // Same server, two host names: the per-host cap keys on the name.
  HttpServer server(json::object{{"/slow", json::object{{"body", "slow"}, {"delay", 5.0}}},
                                 {"/fast", json::object{{"body", "fast"}}}});
  auto limits = test_limits();
  limits.max_concurrent = 4;
  limits.max_per_host = 1;
  boost::asio::io_context io;
  Fetcher fetcher(io, limits);
  std::vector<std::string> order;  // bodies, or "cancelled", in completion order
  int fast_done = 0;
  const auto record = [&order](const FetchResult& r) {
    order.push_back(r.outcome == FetchOutcome::cancelled ? "cancelled" : r.body);
  };
  for (int i = 0; i < 3; ++i) fetcher.fetch({via_localhost(server, "/slow"), {}, {}}, record);
  for (int i = 0; i < 3; ++i)
    fetcher.fetch({server.url("/fast"), {}, {}}, [&](FetchResult r) {
      record(r);
      if (++fast_done == 3) fetcher.cancel_all();  // the slow ones need not finish
    });
  CHECK(fetcher.in_flight() == 6);
  io.run();
  CHECK(order == std::vector<std::string>{"fast", "fast", "fast", "cancelled", "cancelled", "cancelled"});
  CHECK(fetcher.in_flight() == 0);
}

TEST_CASE("cancel_all completes every queued and running transfer exactly once", "[fetch][concurrency]") {
  HttpServer server(json::object{{"/slow", json::object{{"delay", 5.0}}}});
  auto limits = test_limits();
  limits.max_concurrent = 2;
  boost::asio::io_context io;
  Fetcher fetcher(io, limits);
  std::vector<FetchResult> results;
  for (const auto& request : numbered(server.url("/slow"), 5))
    fetcher.fetch(request, [&results](FetchResult r) { results.push_back(std::move(r)); });
  fetcher.cancel_all();
  CHECK(fetcher.in_flight() == 0);
  CHECK(results.empty());  // posted, not run inside cancel_all()
  io.run();
  REQUIRE(results.size() == 5);
  for (std::size_t i = 0; i < results.size(); ++i) {
    CHECK(results[i].outcome == FetchOutcome::cancelled);
    CHECK(results[i].url == server.url("/slow") + "?n=" + std::to_string(i));
    CHECK(results[i].error == results[i].url + ": cancelled");
  }
  fetcher.cancel_all();  // nothing left: no second completion
  io.restart();
  io.run();
  CHECK(results.size() == 5);
}

TEST_CASE("a callback may start the next fetch", "[fetch][concurrency]") {
  HttpServer server(json::object{{"/next", json::object{{"body", "n"}}}});
  boost::asio::io_context io;
  Fetcher fetcher(io, test_limits());
  int completed = 0;
  std::function<void(FetchResult)> chain = [&](FetchResult r) {
    CHECK(r.outcome == FetchOutcome::ok);
    if (++completed < 20) fetcher.fetch({server.url("/next"), {}, {}}, chain);
  };
  fetcher.fetch({server.url("/next"), {}, {}}, chain);
  io.run();
  CHECK(completed == 20);
  CHECK(server.requests().size() == 20);
}

TEST_CASE("destroying the fetcher mid-transfer completes the rest as cancelled", "[fetch][concurrency]") {
  HttpServer server(json::object{{"/slow", json::object{{"delay", 5.0}}}, {"/fast", json::object{{"body", "f"}}}});
  boost::asio::io_context io;
  std::optional<Fetcher> fetcher;
  fetcher.emplace(io, test_limits());
  std::vector<FetchOutcome> outcomes;
  fetcher->fetch({via_localhost(server, "/slow"), {}, {}}, [&](FetchResult r) { outcomes.push_back(r.outcome); });
  fetcher->fetch({server.url("/fast"), {}, {}}, [&](FetchResult r) {
    outcomes.push_back(r.outcome);
    fetcher.reset();  // while the slow transfer's socket is still being watched
  });
  io.run();
  CHECK(outcomes == std::vector<FetchOutcome>{FetchOutcome::ok, FetchOutcome::cancelled});
}
