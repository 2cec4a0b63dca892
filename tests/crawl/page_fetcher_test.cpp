// daemon/crawl PageFetcher against the real test server on 127.0.0.1:
// robots.txt obeyed, politeness checked from the server's request log, and
// the one retry of a page that failed for a moment.
#include <catch2/catch.hpp>

#include <boost/asio/io_context.hpp>
#include <boost/asio/steady_timer.hpp>
#include <functional>
#include <optional>

#include "daemon/crawl/page_fetcher.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using namespace feedsieve::test;
namespace json = boost::json;
using namespace std::chrono_literals;

namespace {

PageFetchSettings loopback_settings() {
  PageFetchSettings settings;
  settings.min_interval = 0ms;
  settings.limits.allow_networks = {*parse_ip_network("127.0.0.0/8")};
  return settings;
}

std::vector<PageResult> fetch_pages(const PageFetchSettings& settings, const std::vector<std::string>& urls) {
  boost::asio::io_context io;
  std::vector<PageResult> results(urls.size());
  PageFetcher pages(io, settings);
  for (std::size_t i = 0; i < urls.size(); ++i)
    pages.fetch(urls[i], [&results, i](PageResult page) { results[i] = std::move(page); });
  io.run();
  CHECK(pages.in_flight() == 0);
  return results;
}

json::object page(const std::string& body) {
  return {{"body", body}, {"headers", json::object{{"Content-Type", "text/html"}}}};
}

std::vector<std::string> paths(const HttpServer& server) {
  std::vector<std::string> out;
  for (const auto& request : server.requests()) out.emplace_back(request.at("path").as_string());
  return out;
}

PageFetchSettings retrying(std::chrono::milliseconds delay) {
  PageFetchSettings settings = loopback_settings();
  settings.page_retry_delay = delay;
  return settings;
}

json::object in_turn(json::array responses) { return {{"responses", std::move(responses)}}; }

// Server times of the requests to `path`, oldest first.
std::vector<double> times_of(const HttpServer& server, const std::string& path) {
  std::vector<double> out;
  for (const auto& request : server.requests())
    if (request.at("path").as_string() == path) out.push_back(request.at("time").to_number<double>());
  return out;
}

}  // namespace

TEST_CASE("robots.txt is read first, once, and a disallowed page is never requested", "[crawl][pages]") {
  HttpServer server({{"/robots.txt", {{"body", "User-agent: *\nDisallow: /private\n"}}},
                     {"/private/a", page("secret")},
                     {"/public/a", page("a")},
                     {"/public/b", page("b")}});
  const auto results = fetch_pages(loopback_settings(), {server.url("/private/a"), server.url("/public/a"),
                                                         server.url("/public/b")});
  CHECK(results[0].disallowed);
  CHECK_FALSE(results[0].succeeded());
  CHECK(results[0].fetch.error == server.url("/private/a") + ": not fetched: robots.txt disallows it (Disallow: /private)");
  CHECK(results[1].succeeded());
  CHECK(results[1].fetch.body == "a");
  CHECK(results[2].succeeded());
  CHECK(paths(server) == std::vector<std::string>{"/robots.txt", "/public/a", "/public/b"});
}

TEST_CASE("a robots.txt answering 4xx allows every page", "[crawl][pages]") {
  HttpServer server({{"/robots.txt", {{"status", 404}, {"body", "none"}}}, {"/a", page("a")}});
  const auto results = fetch_pages(loopback_settings(), {server.url("/a")});
  CHECK(results[0].succeeded());
  CHECK(paths(server) == std::vector<std::string>{"/robots.txt", "/a"});
}

TEST_CASE("a robots.txt answering 5xx disallows every page for a while", "[crawl][pages]") {
  HttpServer server({{"/robots.txt", {{"status", 503}, {"body", "busy"}}}, {"/a", page("a")}, {"/b", page("b")}});
  const auto results = fetch_pages(loopback_settings(), {server.url("/a"), server.url("/b")});
  for (const auto& result : results) {
    CHECK(result.disallowed);
    CHECK(result.fetch.error.find("robots.txt could not be read (" + server.url("/robots.txt") + ": HTTP 503)") !=
          std::string::npos);
  }
  CHECK(paths(server) == std::vector<std::string>{"/robots.txt"});  // asked once, for both pages
}

TEST_CASE("robots.txt redirects are followed", "[crawl][pages]") {
  HttpServer server({{"/robots.txt", {{"redirect", "/real-robots.txt"}, {"redirect_status", 301}}},
                     {"/real-robots.txt", {{"body", "User-agent: *\nDisallow: /b\n"}}},
                     {"/a", page("a")},
                     {"/b", page("b")}});
  const auto results = fetch_pages(loopback_settings(), {server.url("/a"), server.url("/b")});
  CHECK(results[0].succeeded());
  CHECK(results[1].disallowed);
}

TEST_CASE("Crawl-delay spaces the requests to one host, one at a time", "[crawl][pages][slow]") {
  HttpServer server({{"/robots.txt", {{"body", "User-agent: *\nCrawl-delay: 1\n"}}},
                     {"/1", page("1")},
                     {"/2", page("2")},
                     {"/3", page("3")}});
  const auto results = fetch_pages(loopback_settings(), {server.url("/1"), server.url("/2"), server.url("/3")});
  for (const auto& result : results) CHECK(result.succeeded());
  const auto log = server.requests();
  REQUIRE(log.size() == 4);
  CHECK(log[0].at("path").as_string() == "/robots.txt");
  // The server stamps each arrival: a page may follow the one before only after the delay.
  for (std::size_t i = 1; i < log.size(); ++i) {
    INFO(i);
    CHECK(log[i].at("time").to_number<double>() - log[i - 1].at("time").to_number<double>() >= 1.0);
    CHECK(log[i].at("active").to_number<int>() == 1);
  }
}

TEST_CASE("the minimum interval spaces requests when robots.txt sets no Crawl-delay", "[crawl][pages][slow]") {
  HttpServer server({{"/robots.txt", {{"body", "User-agent: *\nDisallow: /x\n"}}}, {"/1", page("1")}, {"/2", page("2")}});
  PageFetchSettings settings = loopback_settings();
  settings.min_interval = 500ms;
  const auto results = fetch_pages(settings, {server.url("/1"), server.url("/2")});
  for (const auto& result : results) CHECK(result.succeeded());
  const auto log = server.requests();
  REQUIRE(log.size() == 3);
  for (std::size_t i = 1; i < log.size(); ++i)
    CHECK(log[i].at("time").to_number<double>() - log[i - 1].at("time").to_number<double>() >= 0.5);
}

TEST_CASE("a Crawl-delay over max_crawl_delay is cut to it", "[crawl][pages][slow]") {
  // An hour's delay obeyed would outlast the test's timeout.
  HttpServer server({{"/robots.txt", {{"body", "User-agent: *\nCrawl-delay: 3600\n"}}}, {"/1", page("1")}, {"/2", page("2")}});
  PageFetchSettings settings = loopback_settings();
  settings.max_crawl_delay = 1s;
  const auto results = fetch_pages(settings, {server.url("/1"), server.url("/2")});
  for (const auto& result : results) CHECK(result.succeeded());
  const auto log = server.requests();
  REQUIRE(log.size() == 3);
  CHECK(log[2].at("time").to_number<double>() - log[1].at("time").to_number<double>() >= 1.0);
}

TEST_CASE("pages are guarded: loopback is refused unless allow_networks lets it", "[crawl][pages]") {
  HttpServer server({{"/a", page("a")}});
  PageFetchSettings settings = loopback_settings();
  settings.limits.allow_networks.clear();
  const auto results = fetch_pages(settings, {server.url("/a")});
  CHECK_FALSE(results[0].succeeded());
  CHECK(results[0].fetch.error.find("refused to connect to 127.0.0.1 (loopback)") != std::string::npos);
  CHECK(server.requests().empty());  // neither robots.txt nor the page
}

TEST_CASE("a URL that is not http(s) is refused without a request", "[crawl][pages]") {
  const auto results = fetch_pages(loopback_settings(), {"file:///etc/passwd", "gopher://example.com/"});
  for (const auto& result : results) {
    CHECK_FALSE(result.succeeded());
    CHECK(result.fetch.error.find("not an absolute http(s) URL") != std::string::npos);
  }
}

TEST_CASE("cancel_all completes queued and running pages as cancelled", "[crawl][pages]") {
  HttpServer server({{"/robots.txt", {{"body", ""}}}, {"/slow", {{"body", "x"}, {"delay", 5}}}, {"/next", page("n")}});
  boost::asio::io_context io;
  std::vector<PageResult> results;
  PageFetcher pages(io, loopback_settings());
  for (const char* path : {"/slow", "/next"})
    pages.fetch(server.url(path), [&](PageResult result) {
      results.push_back(std::move(result));
    });
  // Cancel once the slow page is on the wire (the server has logged it).
  std::function<void()> poll_log;
  boost::asio::steady_timer timer(io);
  poll_log = [&] {
    if (paths(server).size() >= 2) return pages.cancel_all();
    timer.expires_after(10ms);
    timer.async_wait([&](const boost::system::error_code&) { poll_log(); });
  };
  poll_log();
  io.run();
  REQUIRE(results.size() == 2);
  for (const auto& result : results) CHECK(result.fetch.outcome == FetchOutcome::cancelled);
}

// A page that fails for a moment (5xx, timeout) is asked for once more after
// page_retry_delay; other failures, and a second failure, are final.
TEST_CASE("a page answered 503 is fetched again after page_retry_delay", "[crawl][pages][retry]") {
  HttpServer server({{"/robots.txt", {{"body", ""}}},
                     {"/page", in_turn({json::object{{"status", 503}, {"body", "busy"}}, page("<p>back</p>")})}});
  const PageResult result = fetch_pages(retrying(300ms), {server.url("/page")}).at(0);
  CHECK(result.succeeded());
  CHECK(result.fetch.body == "<p>back</p>");
  const auto times = times_of(server, "/page");
  REQUIRE(times.size() == 2);
  CHECK(times[1] - times[0] >= 0.3);
  CHECK(times_of(server, "/robots.txt").size() == 1);  // the answer is still cached for the second attempt
}

TEST_CASE("a page that times out is fetched again once", "[crawl][pages][retry]") {
  HttpServer server({{"/robots.txt", {{"body", ""}}},
                     {"/page", in_turn({json::object{{"delay", 5}, {"body", "late"}}, page("<p>quick</p>")})}});
  PageFetchSettings settings = retrying(300ms);
  settings.limits.total_timeout = 1s;
  const PageResult result = fetch_pages(settings, {server.url("/page")}).at(0);
  CHECK(result.succeeded());
  CHECK(result.fetch.body == "<p>quick</p>");
  CHECK(times_of(server, "/page").size() == 2);
}

TEST_CASE("a second failure is final, and a 404 is not retried", "[crawl][pages][retry]") {
  HttpServer server({{"/robots.txt", {{"body", ""}}},
                     {"/down", {{"status", 500}, {"body", "down"}}},
                     {"/missing", {{"status", 404}, {"body", "no"}}}});
  const PageResult down = fetch_pages(retrying(300ms), {server.url("/down")}).at(0);
  CHECK_FALSE(down.succeeded());
  CHECK(down.fetch.http_status == 500);
  CHECK(times_of(server, "/down").size() == 2);

  const PageResult missing = fetch_pages(retrying(300ms), {server.url("/missing")}).at(0);
  CHECK(missing.fetch.http_status == 404);
  CHECK(times_of(server, "/missing").size() == 1);
}

TEST_CASE("cancel_all completes a page waiting for its retry as cancelled", "[crawl][pages][retry]") {
  HttpServer server({{"/robots.txt", {{"body", ""}}}, {"/down", {{"status", 503}, {"body", "busy"}}},
                     {"/after", page("<p>after</p>")}});
  const PageFetchSettings settings = retrying(1h);
  boost::asio::io_context io;
  std::optional<PageResult> down;
  PageFetcher pages(io, settings);
  pages.fetch(server.url("/down"), [&](PageResult result) { down = std::move(result); });
  // One request per host at a time: when /after is done, /down's first attempt
  // has failed and only its retry is left.
  pages.fetch(server.url("/after"), [&](PageResult result) {
    CHECK(result.succeeded());
    CHECK(pages.in_flight() == 1);
    pages.cancel_all();
  });
  io.run();
  REQUIRE(down.has_value());
  CHECK(down->fetch.outcome == FetchOutcome::cancelled);
  CHECK(times_of(server, "/down").size() == 1);
  CHECK(pages.in_flight() == 0);
}
