// daemon/crawl: what a robots.txt fetch means (RFC 9309 2.3.1), and how long it holds.
#include <catch2/catch.hpp>

#include "daemon/crawl/robots_cache.hpp"

using namespace feedsieve;
using namespace feedsieve::crawl_detail;
using namespace std::chrono_literals;

namespace {

FetchResult answered(FetchOutcome outcome, long status, std::string body = {}) {
  FetchResult result;
  result.outcome = outcome;
  result.url = "https://example.com/robots.txt";
  result.http_status = status;
  result.body = std::move(body);
  return result;
}

}  // namespace

TEST_CASE("a 2xx robots.txt is parsed for our product token", "[crawl][robots]") {
  const auto answer = robots_answer(
      answered(FetchOutcome::ok, 200, "User-agent: feedsieve\nDisallow: /mine\n\nUser-agent: *\nDisallow: /\n"),
      "feedsieve/0.1 (+https://example.com)");
  CHECK(answer.unavailable.empty());
  CHECK_FALSE(robots_refusal(answer, "https://example.com/a", "/a"));
  const auto refusal = robots_refusal(answer, "https://example.com/mine/1", "/mine/1");
  REQUIRE(refusal);
  CHECK(*refusal == "https://example.com/mine/1: not fetched: robots.txt disallows it (Disallow: /mine)");
}

TEST_CASE("4xx allows everything, 5xx, 429 and unreachable disallow everything", "[crawl][robots]") {
  for (const long status : {400L, 401L, 403L, 404L, 410L}) {
    INFO(status);
    const auto answer = robots_answer(answered(FetchOutcome::http_error, status), "feedsieve");
    CHECK(answer.unavailable.empty());
    CHECK_FALSE(robots_refusal(answer, "https://example.com/x", "/x"));
  }
  for (const long status : {429L, 500L, 503L}) {
    INFO(status);
    const auto answer = robots_answer(answered(FetchOutcome::http_error, status), "feedsieve");
    CHECK(answer.unavailable == "https://example.com/robots.txt: HTTP " + std::to_string(status));
    CHECK(robots_refusal(answer, "https://example.com/x", "/x"));
  }
  FetchResult timeout = answered(FetchOutcome::timeout, 0);
  timeout.error = "https://example.com/robots.txt: timed out after 20000 ms";
  const auto answer = robots_answer(timeout, "feedsieve");
  CHECK(answer.unavailable == timeout.error);
  const auto refusal = robots_refusal(answer, "https://example.com/x", "/x");
  REQUIRE(refusal);
  CHECK(refusal->find("robots.txt could not be read (" + timeout.error + ")") != std::string::npos);
  // More than five redirects: RFC 9309 2.3.1.2 lets a crawler take it as no file.
  CHECK_FALSE(robots_refusal(robots_answer(answered(FetchOutcome::too_many_redirects, 301), "f"), "u", "/x"));
}

TEST_CASE("answers expire after the ttl, failures after the shorter retry", "[crawl][robots]") {
  RobotsCache cache(24h, 1h);
  const RobotsCache::Clock::time_point t0{};
  cache.store("https://ok.example", robots_answer(answered(FetchOutcome::ok, 200, ""), "f"), t0);
  cache.store("https://down.example", robots_answer(answered(FetchOutcome::http_error, 503), "f"), t0);
  CHECK(cache.find("https://ok.example", t0 + 23h));
  CHECK_FALSE(cache.find("https://ok.example", t0 + 24h));
  CHECK(cache.find("https://down.example", t0 + 59min));
  CHECK_FALSE(cache.find("https://down.example", t0 + 1h));
  CHECK_FALSE(cache.find("https://other.example", t0));
}

TEST_CASE("a robots.txt the forgery guard refused names the guard, not robots.txt", "[crawl][robots]") {
  FetchResult refused = answered(FetchOutcome::network_error, 0);
  refused.guard_refused = true;
  refused.error = "https://example.com/robots.txt: refused to connect to 10.0.0.1 (private): a link from a feed or "
                  "page may only reach public addresses ([fetch] allow_networks)";
  const auto refusal = robots_refusal(robots_answer(refused, "feedsieve"), "https://example.com/x", "/x");
  REQUIRE(refusal);
  CHECK(*refusal == "https://example.com/x: not fetched: refused to connect to 10.0.0.1 (private): a link from a "
                    "feed or page may only reach public addresses ([fetch] allow_networks)");
}

TEST_CASE("expired answers are dropped as new sites arrive; live ones stay", "[crawl][robots]") {
  RobotsCache cache(24h, 1h);
  const RobotsCache::Clock::time_point t0{};
  cache.store("https://kept.example", robots_answer(answered(FetchOutcome::ok, 200, ""), "f"), t0);
  for (int minute = 1; minute <= 5'000; ++minute)  // a new site every minute, each answer good for a day
    cache.store("https://site" + std::to_string(minute) + ".example",
                robots_answer(answered(FetchOutcome::http_error, 404), "f"), t0 + std::chrono::minutes(minute));
  CHECK(cache.size() <= 2 * 24 * 60 + 64);  // about a day of sites, not all 5,000
  CHECK(cache.find("https://site5000.example", t0 + 5000min));
  CHECK_FALSE(cache.find("https://kept.example", t0 + 5000min));  // expired, whether swept or not
}
