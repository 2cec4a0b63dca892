// Errors, authentication, health, feeds, metrics and connection handling of
// the API over real sockets.
#include <catch2/catch.hpp>

#include "daemon/store/feed_status.hpp"
#include "tests/api/api_fixture.hpp"

using namespace feedsieve;
using test::ApiFixture;

namespace {

std::string error_of(const test::HttpReply& reply) {
  INFO(reply.body);
  REQUIRE(reply.header("content-type") == "application/json");
  return std::string(boost::json::parse(reply.body).at("error").as_string());
}

}  // namespace

TEST_CASE("bad requests get 4xx with a JSON error naming the problem", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", test::hourly_stories(3));
  api.start();
  struct Case {
    std::string target;
    int status;
    std::string mentions;
  };
  for (const auto& c : std::vector<Case>{
           {"/api/stories?cursor=zz", 400, "'cursor'"},
           {"/api/stories?cursor=abcd", 400, "'cursor'"},
           {"/api/stories?since=yesterday", 400, "'since'"},
           {"/api/stories?until=2024-13-01T00:00:00Z", 400, "'until'"},
           {"/api/stories?limit=0", 400, "'limit'"},
           {"/api/stories?limit=501", 400, "'limit'"},
           {"/api/stories?limit=ten", 400, "'limit'"},
           {"/api/stories?on_topic=maybe", 400, "'on_topic'"},
           {"/api/stories?colour=red", 400, "'colour'"},
           {"/api/stories?limit=1&limit=2", 400, "'limit'"},
           {"/api/nothing", 404, "/api/nothing"},
           {"/", 404, "no route /"},
       }) {
    const auto reply = api.get(c.target);
    INFO(c.target);
    CHECK(reply.status == c.status);
    CHECK_THAT(error_of(reply), Catch::Contains(c.mentions));
  }
  const auto post = test::HttpClient(api.address).request("POST", "/api/stories");
  CHECK(post.status == 405);
  CHECK(post.header("allow") == "GET, HEAD");
}

TEST_CASE("a cursor only continues the listing it came from", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", test::hourly_stories(4));
  api.start();
  const auto page = api.get_json("/api/stories?limit=2");
  const std::string cursor(page.at("next_cursor").as_string());
  CHECK(api.get("/api/stories?limit=2&cursor=" + cursor).status == 200);
  CHECK(api.get("/api/stories?limit=2&on_topic=any&cursor=" + cursor).status == 400);
  CHECK(api.get("/api/stories?q=story&cursor=" + cursor).status == 400);
  std::string tampered = cursor;
  tampered[tampered.size() - 1] = tampered.back() == '0' ? '1' : '0';
  CHECK(api.get("/api/stories?limit=2&cursor=" + tampered).status == 400);
}

// v2 and v3 cursors carry the listing keys of schema v8 and v9-v10: a ranked
// one (a window of keys) would continue over other stories, a newest-first
// one holds no key.
TEST_CASE("a v2 or v3 cursor is read when it holds no listing key and refused when it does", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", test::hourly_stories(4));
  api.start();
  const auto as_version = [](std::string cursor, char version) {
    REQUIRE(cursor.substr(0, 4) == "7634");  // "v4"
    cursor[3] = version;
    return cursor;
  };
  const std::string newest(api.get_json("/api/stories?limit=2").at("next_cursor").as_string());
  const std::string ranked(api.get_json("/api/stories?q=story&limit=2").at("next_cursor").as_string());
  CHECK(api.get("/api/stories?q=story&limit=2&cursor=" + ranked).status == 200);
  for (const char version : {'2', '3'}) {
    INFO("v" << version);
    CHECK(api.get_json("/api/stories?limit=2&cursor=" + as_version(newest, version)) ==
          api.get_json("/api/stories?limit=2&cursor=" + newest));
    CHECK(api.get("/api/stories?q=story&limit=2&cursor=" + as_version(ranked, version)).status == 400);
  }
}

TEST_CASE("with a token, every route but the health checks needs it", "[api]") {
  ApiFixture api;
  auto settings = test::loopback_api();
  settings.token = "s3cret-token-0123456789";
  api.start(settings);
  const auto missing = api.get("/api/stories");
  CHECK(missing.status == 401);
  CHECK(missing.header("www-authenticate") == "Bearer realm=\"feedsieve\"");
  CHECK_THAT(error_of(missing), Catch::Contains("Bearer"));
  const auto wrong = api.get("/metrics", {{"Authorization", "Bearer s3cret-token-0123456788"}});
  CHECK(wrong.status == 401);
  CHECK_THAT(wrong.header("www-authenticate"), Catch::Contains("invalid_token"));
  CHECK(api.get("/feed.atom", {{"Authorization", "Bearer s3cret"}}).status == 401);
  CHECK(api.get("/api/stories", {{"Authorization", "Basic czNjcmV0"}}).status == 401);
  CHECK(api.get("/api/stories", {{"Authorization", "Bearer s3cret-token-0123456789"}}).status == 200);
  CHECK(api.get("/api/stories", {{"Authorization", "bearer s3cret-token-0123456789"}}).status == 200);
  CHECK(api.get("/healthz").status == 200);
  CHECK(api.get("/readyz").status == 200);
}

TEST_CASE("/readyz fails with 503 while the store cannot be read; /healthz still answers", "[api]") {
  test::TempDir dir;
  Metrics metrics;
  ApiServer server(test::loopback_api(), dir / "missing.db", metrics);
  server.start();
  const auto ready = test::http_get(server.address(), "/readyz");
  CHECK(ready.status == 503);
  CHECK_THAT(error_of(ready), Catch::Contains("missing.db"));
  CHECK(test::http_get(server.address(), "/api/stories").status == 503);
  CHECK(test::http_get(server.address(), "/healthz").status == 200);

  // The store appears: the next request opens it and the API is ready.
  { Store created(dir / "missing.db"); }
  CHECK(test::http_get(server.address(), "/readyz").status == 200);
}

TEST_CASE("/api/feeds is the data of status --format json", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", test::hourly_stories(2));
  api.start();
  const std::vector<ConfiguredFeed> feeds{{"alpha", "https://alpha.example/feed.xml", true},
                                          {"new", "https://new.example/feed.xml", true}};
  api.server->set_feeds(feeds);
  const auto report = api.get_json("/api/feeds");
  const auto& listed = report.at("feeds").as_array();
  REQUIRE(listed.size() == 2);
  CHECK(listed[0].at("name") == "alpha");
  CHECK(listed[0].at("health") == "ok");
  CHECK(listed[0].at("items") == 2);
  CHECK(listed[1].at("health") == "pending");
  CHECK(report.at("summary").at("ok") == 1);
  CHECK(report.at("summary").at("pending") == 1);
}

TEST_CASE("/metrics is Prometheus text with the daemon's counters", "[api]") {
  ApiFixture api;
  api.start();
  api.metrics.fetched(200, 1234, std::chrono::milliseconds(30));
  api.metrics.fetched(304, 0, std::chrono::milliseconds(2));
  api.metrics.parsed(std::chrono::milliseconds(7));
  api.metrics.stored(PollStatus::ok, PollStored{5, 1, 3});
  api.metrics.set_polls_in_flight(4);
  CHECK(api.get("/nope").status == 404);
  const auto reply = api.get("/metrics");
  REQUIRE(reply.status == 200);
  CHECK(reply.header("content-type") == "text/plain; version=0.0.4; charset=utf-8");
  for (const char* line :
       {"feedsieve_polls_total{result=\"ok\"} 1\n", "feedsieve_polls_total{result=\"failed\"} 0\n",
        "feedsieve_fetch_responses_total{code=\"200\"} 1\n", "feedsieve_fetch_responses_total{code=\"304\"} 1\n",
        "feedsieve_fetched_bytes_total 1234\n", "feedsieve_fetch_duration_seconds_bucket{le=\"0.005\"} 1\n",
        "feedsieve_fetch_duration_seconds_bucket{le=\"0.05\"} 2\n",
        "feedsieve_fetch_duration_seconds_bucket{le=\"+Inf\"} 2\n", "feedsieve_fetch_duration_seconds_count 2\n",
        "feedsieve_parse_duration_seconds_count 1\n", "feedsieve_items_created_total 5\n",
        "feedsieve_items_updated_total 1\n", "feedsieve_stories_created_total 3\n", "feedsieve_dedup_merges_total 2\n",
        "feedsieve_polls_in_flight 4\n", "feedsieve_api_responses_total{code=\"404\"} 1\n",
        "# TYPE feedsieve_fetch_duration_seconds histogram\n"}) {
    CHECK_THAT(reply.body, Catch::Contains(line));
  }
  CHECK_THAT(reply.body, !Catch::Contains("feedsieve_store_size_bytes 0\n"));
}

TEST_CASE("connections keep alive, HEAD has no body, and a silent client is cut off", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", test::hourly_stories(2));
  auto settings = test::loopback_api();
  settings.timeout = std::chrono::seconds(1);
  api.start(settings);
  test::HttpClient client(api.address);
  const auto first = client.get("/api/stories");
  const auto second = client.get("/healthz");  // the same connection
  CHECK(first.status == 200);
  CHECK(first.keep_alive);
  CHECK(second.status == 200);
  const auto head = client.request("HEAD", "/api/stories");
  CHECK(head.status == 200);
  CHECK(head.body.empty());
  CHECK(head.header("content-length") == std::to_string(first.body.size()));

  test::HttpClient silent(api.address);
  silent.send_raw("GET /api/stories HTTP/1.1\r\nHost: x\r\n");  // never finishes its headers
  CHECK(silent.closed_by_server());
  CHECK(api.get("/healthz").status == 200);  // the server goes on (the idle keep-alive above timed out too)
}

TEST_CASE("oversized request headers get 431", "[api]") {
  ApiFixture api;
  api.start();
  const auto reply = api.get("/healthz", {{"X-Padding", std::string(20'000, 'x')}});
  CHECK(reply.status == 431);
}

TEST_CASE("the API serves on a unix socket", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", test::hourly_stories(1));
  auto settings = test::loopback_api();
  settings.listen.kind = ListenAddress::Kind::unix_socket;
  settings.listen.path = (api.dir / "api.sock").string();
  api.start(settings);
  CHECK(api.address == "unix:" + settings.listen.path);
  CHECK(api.get_json("/api/stories").at("stories").as_array().size() == 1);
  api.server->stop();
  CHECK_FALSE(std::filesystem::exists(settings.listen.path));
}
