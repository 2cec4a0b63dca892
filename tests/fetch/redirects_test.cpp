// Redirects: followed up to the limit, permanent moves recorded, only HTTP(S).
#include "tests/fetch/fetch_helpers.hpp"

using namespace feedsieve;
using namespace feedsieve::test;
namespace json = boost::json;

namespace {

// /hop0 -> /hop1 -> ... -> /final, hop i answering with statuses[i].
json::object chain(const std::vector<int>& statuses) {
  json::object routes{{"/final", json::object{{"body", "arrived"}}}};
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    const std::string next = i + 1 < statuses.size() ? "/hop" + std::to_string(i + 1) : "/final";
    routes["/hop" + std::to_string(i)] = json::object{{"redirect", next}, {"redirect_status", statuses[i]}};
  }
  return routes;
}

}  // namespace

TEST_CASE("a chain of three redirects is followed to the final URL", "[fetch][redirect]") {
  HttpServer server(chain({302, 307, 302}));
  const auto result = fetch_one(server.url("/hop0"));
  CHECK(result.outcome == FetchOutcome::ok);
  CHECK(result.body == "arrived");
  CHECK(result.url == server.url("/hop0"));
  CHECK(result.final_url == server.url("/final"));
  CHECK_FALSE(result.permanent_redirect.has_value());
  CHECK(server.requests().size() == 4);
}

TEST_CASE("a chain of only permanent redirects records where the feed moved", "[fetch][redirect]") {
  HttpServer server(chain({301, 308, 301}));
  const auto result = fetch_one(server.url("/hop0"));
  CHECK(result.outcome == FetchOutcome::ok);
  REQUIRE(result.permanent_redirect.has_value());
  CHECK(*result.permanent_redirect == server.url("/final"));
}

TEST_CASE("one temporary redirect in the chain means the feed did not move", "[fetch][redirect]") {
  HttpServer server(chain({301, 302, 301}));
  const auto result = fetch_one(server.url("/hop0"));
  CHECK(result.outcome == FetchOutcome::ok);
  CHECK(result.final_url == server.url("/final"));
  CHECK_FALSE(result.permanent_redirect.has_value());
}

TEST_CASE("a permanent redirect to an error is not recorded as a move", "[fetch][redirect]") {
  HttpServer server(json::object{{"/old", json::object{{"redirect", "/gone"}, {"redirect_status", 301}}}});
  const auto result = fetch_one(server.url("/old"));
  CHECK(result.outcome == FetchOutcome::http_error);
  CHECK(result.http_status == 404);
  CHECK_FALSE(result.permanent_redirect.has_value());
}

TEST_CASE("five redirects are followed, a sixth is too many", "[fetch][redirect]") {
  HttpServer five(chain({302, 302, 302, 302, 302}));
  CHECK(fetch_one(five.url("/hop0")).outcome == FetchOutcome::ok);

  HttpServer six(chain({302, 302, 302, 302, 302, 302}));
  const auto result = fetch_one(six.url("/hop0"));
  CHECK(result.outcome == FetchOutcome::too_many_redirects);
  CHECK(result.error == six.url("/hop0") + ": more than 5 redirects");
}

TEST_CASE("a redirect loop ends as too_many_redirects", "[fetch][redirect]") {
  HttpServer server(json::object{{"/loop", json::object{{"redirect", "/loop"}}}});
  const auto result = fetch_one(server.url("/loop"));
  CHECK(result.outcome == FetchOutcome::too_many_redirects);
  CHECK_FALSE(result.succeeded());
  CHECK(server.requests().size() == 6);  // the request and five redirects
}

TEST_CASE("a redirect to a non-HTTP scheme is refused", "[fetch][redirect]") {
  HttpServer server(json::object{{"/sneaky", json::object{{"redirect", "file:///etc/passwd"}}}});
  const auto result = fetch_one(server.url("/sneaky"));
  CHECK(result.outcome == FetchOutcome::network_error);
  CHECK(result.body.find("root:") == std::string::npos);
  CHECK(result.error.rfind(server.url("/sneaky") + ": ", 0) == 0);
}
