// Bounded cost: timeouts, body caps (also on decoded bytes), bad URLs and refusals.
#include "tests/fetch/fetch_helpers.hpp"

#include <boost/asio/ip/tcp.hpp>

using namespace feedsieve;
using namespace feedsieve::test;
using namespace std::chrono_literals;
namespace json = boost::json;

TEST_CASE("a server slower than the total timeout ends as a timeout", "[fetch][limits]") {
  HttpServer server(json::object{{"/slow", json::object{{"body", "late"}, {"delay", 3.0}}}});
  auto limits = test_limits();
  limits.total_timeout = 500ms;
  const auto result = fetch_one(server.url("/slow"), limits);
  CHECK(result.outcome == FetchOutcome::timeout);
  CHECK(result.error == server.url("/slow") + ": timed out after 500 ms");
  CHECK(result.elapsed >= 500ms);
  CHECK(result.elapsed < 2500ms);  // gave up long before the server's 3 s answer
}

TEST_CASE("a declared body over the cap is too_large and says which cap", "[fetch][limits]") {
  HttpServer server(json::object{{"/big", json::object{{"size", 2 * 1024 * 1024}}}});
  auto limits = test_limits();
  limits.max_body_bytes = 1024 * 1024;
  const auto result = fetch_one(server.url("/big"), limits);
  CHECK(result.outcome == FetchOutcome::too_large);
  CHECK(result.error == server.url("/big") + ": body larger than the 1048576-byte limit");
  CHECK(result.body.empty());
}

TEST_CASE("an endless body is cut off at the cap", "[fetch][limits]") {
  HttpServer server(json::object{{"/endless", json::object{{"endless", true}}}});
  auto limits = test_limits();
  limits.max_body_bytes = 512 * 1024;
  const auto result = fetch_one(server.url("/endless"), limits);
  CHECK(result.outcome == FetchOutcome::too_large);
  CHECK(result.http_status == 200);
}

TEST_CASE("the cap counts decoded bytes, so a small gzip body cannot inflate past it", "[fetch][limits]") {
  HttpServer server(json::object{{"/bomb", json::object{{"size", 8 * 1024 * 1024}, {"gzip", true}}}});
  auto limits = test_limits();
  limits.max_body_bytes = 1024 * 1024;
  CHECK(fetch_one(server.url("/bomb"), limits).outcome == FetchOutcome::too_large);
}

TEST_CASE("a body exactly at the cap is accepted", "[fetch][limits]") {
  HttpServer server(json::object{{"/exact", json::object{{"size", 4096}}}});
  auto limits = test_limits();
  limits.max_body_bytes = 4096;
  const auto result = fetch_one(server.url("/exact"), limits);
  CHECK(result.outcome == FetchOutcome::ok);
  CHECK(result.body.size() == 4096);
}

TEST_CASE("a refused connection is a network_error naming the URL", "[fetch][limits]") {
  // Bound but not listening: connecting to it is refused, and no other
  // process can take the port while the socket is held.
  boost::asio::io_context io;
  boost::asio::ip::tcp::socket closed(io, boost::asio::ip::tcp::endpoint(boost::asio::ip::make_address("127.0.0.1"), 0));
  const std::string url = "http://127.0.0.1:" + std::to_string(closed.local_endpoint().port()) + "/feed";
  const auto result = fetch_one(url);
  CHECK(result.outcome == FetchOutcome::network_error);
  CHECK(result.http_status == 0);
  CHECK(result.error.rfind(url + ": ", 0) == 0);
  CHECK(result.error.size() > url.size() + 2);
}

TEST_CASE("a URL that does not parse or is not HTTP fails without a transfer", "[fetch][limits]") {
  const auto garbage = fetch_one("not a url at all");
  CHECK(garbage.outcome == FetchOutcome::network_error);
  CHECK(garbage.error == "not a url at all: not a valid URL");

  const auto ftp = fetch_one("ftp://127.0.0.1/feed.xml");
  CHECK(ftp.outcome == FetchOutcome::network_error);
  CHECK(ftp.error.rfind("ftp://127.0.0.1/feed.xml: ", 0) == 0);
}
