// Plain responses: bodies, headers, conditional GET, errors, the User-Agent.
#include "tests/fetch/fetch_helpers.hpp"

#include "feeds/version.hpp"

using namespace feedsieve;
using namespace feedsieve::test;
namespace json = boost::json;

TEST_CASE("a 200 response delivers its body and the headers a poll needs", "[fetch]") {
  HttpServer server(json::object{
      {"/feed.xml",
       json::object{{"status", 200},
                    {"body", "<rss version=\"2.0\"/>"},
                    {"etag", "\"v1\""},
                    {"last_modified", "Wed, 01 May 2024 10:00:00 GMT"},
                    {"headers", json::object{{"Content-Type", "application/rss+xml; charset=utf-8"},
                                             {"Cache-Control", "max-age=600"},
                                             {"Retry-After", "120"}}}}}});
  const auto result = fetch_one(server.url("/feed.xml"));
  CHECK(result.outcome == FetchOutcome::ok);
  CHECK(result.succeeded());
  CHECK(result.error.empty());
  CHECK(result.http_status == 200);
  CHECK(result.body == "<rss version=\"2.0\"/>");
  CHECK(result.url == server.url("/feed.xml"));
  CHECK(result.final_url == server.url("/feed.xml"));
  CHECK_FALSE(result.permanent_redirect.has_value());
  CHECK(result.content_type == "application/rss+xml; charset=utf-8");
  CHECK(result.etag == "\"v1\"");
  CHECK(result.last_modified == "Wed, 01 May 2024 10:00:00 GMT");
  CHECK(result.cache_control == "max-age=600");
  CHECK(result.retry_after == "120");
}

TEST_CASE("requests carry a User-Agent naming feedsieve and its version", "[fetch]") {
  HttpServer server(json::object{{"/feed", json::object{{"body", "x"}}}});
  REQUIRE(fetch_one(server.url("/feed")).outcome == FetchOutcome::ok);
  const std::string agent = received_header(server.requests().at(0), "User-Agent");
  CHECK(agent.rfind("feedsieve/", 0) == 0);
  CHECK(agent == feedsieve::user_agent);

  auto limits = test_limits();
  limits.user_agent = "custom-agent/2";
  REQUIRE(fetch_one(server.url("/feed"), limits).outcome == FetchOutcome::ok);
  CHECK(received_header(server.requests().at(1), "User-Agent") == "custom-agent/2");
}

TEST_CASE("a stored ETag turns the next poll into a 304", "[fetch]") {
  HttpServer server(json::object{{"/feed", json::object{{"body", "<feed/>"}, {"etag", "\"abc\""}}}});
  const auto first = fetch_one(server.url("/feed"));
  REQUIRE(first.outcome == FetchOutcome::ok);
  REQUIRE(first.etag == "\"abc\"");

  const auto second = fetch_all(test_limits(), {FetchRequest{server.url("/feed"), first.etag, {}}});
  REQUIRE(second.size() == 1);
  CHECK(second[0].outcome == FetchOutcome::not_modified);
  CHECK(second[0].succeeded());
  CHECK(second[0].http_status == 304);
  CHECK(second[0].body.empty());
  CHECK(second[0].etag == "\"abc\"");

  const auto seen = server.requests();
  REQUIRE(seen.size() == 2);
  CHECK(received_header(seen[0], "If-None-Match").empty());
  CHECK(received_header(seen[1], "If-None-Match") == "\"abc\"");
}

TEST_CASE("a stored Last-Modified turns the next poll into a 304", "[fetch]") {
  const std::string stamp = "Tue, 30 Apr 2024 08:00:00 GMT";
  HttpServer server(json::object{{"/feed", json::object{{"body", "<feed/>"}, {"last_modified", stamp}}}});
  const auto first = fetch_one(server.url("/feed"));
  REQUIRE(first.last_modified == stamp);

  const auto second = fetch_all(test_limits(), {FetchRequest{server.url("/feed"), {}, first.last_modified}});
  REQUIRE(second.size() == 1);
  CHECK(second[0].outcome == FetchOutcome::not_modified);
  CHECK(received_header(server.requests().at(1), "If-Modified-Since") == stamp);
  CHECK(received_header(server.requests().at(1), "If-None-Match").empty());
}

TEST_CASE("an error status is an http_error naming the URL, status and reason", "[fetch]") {
  HttpServer server(json::object{{"/broken", json::object{{"status", 500}, {"body", "boom"}}},
                                 {"/busy", json::object{{"status", 429}, {"headers", json::object{{"Retry-After", "3600"}}}}}});
  const auto broken = fetch_one(server.url("/broken"));
  CHECK(broken.outcome == FetchOutcome::http_error);
  CHECK_FALSE(broken.succeeded());
  CHECK(broken.http_status == 500);
  CHECK(broken.error == server.url("/broken") + ": HTTP 500 Internal Server Error");

  const auto busy = fetch_one(server.url("/busy"));
  CHECK(busy.outcome == FetchOutcome::http_error);
  CHECK(busy.http_status == 429);
  CHECK(busy.retry_after == "3600");

  const auto missing = fetch_one(server.url("/nowhere"));
  CHECK(missing.http_status == 404);
  CHECK(missing.error == server.url("/nowhere") + ": HTTP 404 Not Found");
}

TEST_CASE("a gzip-encoded body arrives decompressed", "[fetch]") {
  const std::string text = "<rss><channel><title>compressed</title></channel></rss>";
  HttpServer server(json::object{{"/feed.gz", json::object{{"body", text}, {"gzip", true}}}});
  const auto result = fetch_one(server.url("/feed.gz"));
  CHECK(result.outcome == FetchOutcome::ok);
  CHECK(result.body == text);
  CHECK_THAT(received_header(server.requests().at(0), "Accept-Encoding"), Catch::Contains("gzip"));
}
