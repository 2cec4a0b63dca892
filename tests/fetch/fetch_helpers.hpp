#pragma once
// Runs real fetches against the test HTTP server on a fresh io_context.
#include "daemon/fetch/fetcher.hpp"
#include "tests/support/support.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/json.hpp>
#include <catch2/catch.hpp>

#include <string>
#include <vector>

namespace feedsieve::test {

inline FetchLimits test_limits() {
  FetchLimits limits;
  limits.connect_timeout = std::chrono::milliseconds(5000);
  limits.total_timeout = std::chrono::milliseconds(20000);
  return limits;
}

// Fetches every request, runs the io_context until nothing is left to do and
// returns the results in the order the callbacks ran.
inline std::vector<FetchResult> fetch_all(const FetchLimits& limits, const std::vector<FetchRequest>& requests) {
  std::vector<FetchResult> results;
  boost::asio::io_context io;
  Fetcher fetcher(io, limits);
  for (const auto& request : requests)
    fetcher.fetch(request, [&results](FetchResult result) { results.push_back(std::move(result)); });
  io.run();
  CHECK(fetcher.in_flight() == 0);
  return results;
}

inline FetchResult fetch_one(const std::string& url, const FetchLimits& limits = test_limits()) {
  auto results = fetch_all(limits, {FetchRequest{url, {}, {}}});
  REQUIRE(results.size() == 1);
  return std::move(results.front());
}

// The value of a header as the server received it ("" when absent).
inline std::string received_header(const boost::json::object& request, const std::string& name) {
  const auto& headers = request.at("headers").as_object();
  const auto found = headers.find(name);
  return found == headers.end() ? std::string() : std::string(found->value().as_string());
}

// The "localhost" spelling of a server URL: the same server under another host name.
inline std::string via_localhost(const HttpServer& server, const std::string& path) {
  return "http://localhost:" + std::to_string(server.port()) + path;
}

}  // namespace feedsieve::test
