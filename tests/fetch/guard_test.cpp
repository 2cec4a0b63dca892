// The request-forgery guard: addresses judged at connect time, redirects included.
#include "daemon/fetch/ip_network.hpp"
#include "tests/fetch/fetch_helpers.hpp"

using namespace feedsieve;
using namespace feedsieve::test;
namespace json = boost::json;

namespace {

bool is_public(const char* text) { return !non_public_reason(*parse_ip_address(text)).has_value(); }

FetchRequest guarded(const std::string& url) {
  FetchRequest request{url, {}, {}};
  request.guarded = true;
  return request;
}

}  // namespace

TEST_CASE("non-public IPv4 and IPv6 addresses, mapped and embedded forms included", "[fetch][guard]") {
  for (const char* address : {"127.0.0.1", "10.1.2.3", "172.31.255.255", "192.168.0.1", "169.254.169.254",
                              "100.64.0.1", "0.0.0.0", "224.0.0.251", "255.255.255.255", "::1", "::", "fe80::1",
                              "fd00:ec2::254", "ff02::1", "::ffff:127.0.0.1", "::ffff:10.0.0.1", "64:ff9b::a9fe:a9fe",
                              "2002:c0a8:0101::1"}) {
    INFO(address);
    CHECK_FALSE(is_public(address));
  }
  for (const char* address : {"93.184.216.34", "8.8.8.8", "172.32.0.1", "100.128.0.1", "2606:4700::1111",
                              "::ffff:8.8.8.8"}) {
    INFO(address);
    CHECK(is_public(address));
  }
  CHECK(non_public_reason(*parse_ip_address("169.254.169.254")) == "link-local or cloud metadata");
}

TEST_CASE("CIDR networks parse, clear host bits and match their members only", "[fetch][guard]") {
  const auto loopback = parse_ip_network("127.1.2.3/8");
  REQUIRE(loopback);
  CHECK(loopback->contains(*parse_ip_address("127.9.9.9")));
  CHECK(loopback->contains(*parse_ip_address("::ffff:127.0.0.1")));
  CHECK_FALSE(loopback->contains(*parse_ip_address("128.0.0.1")));
  const auto host = parse_ip_network("::1");
  REQUIRE(host);
  CHECK(host->prefix == 128);
  CHECK(parse_ip_network("10.0.0.0/33") == std::nullopt);
  CHECK(parse_ip_network("10.0.0/8") == std::nullopt);
  CHECK(parse_ip_network("fd00::/x") == std::nullopt);
  CHECK(may_connect(*parse_ip_address("10.0.0.5"), {*parse_ip_network("10.0.0.0/24")}));
  CHECK_FALSE(may_connect(*parse_ip_address("10.0.1.5"), {*parse_ip_network("10.0.0.0/24")}));
}

TEST_CASE("a guarded request to loopback is refused before it connects", "[fetch][guard]") {
  HttpServer server({{"/page", json::object{{"body", "secret"}}}});
  const auto results = fetch_all(test_limits(), {guarded(server.url("/page"))});
  REQUIRE(results.size() == 1);
  CHECK(results[0].outcome == FetchOutcome::network_error);
  CHECK(results[0].error.find("refused to connect to 127.0.0.1 (loopback)") != std::string::npos);
  CHECK(results[0].body.empty());
  CHECK(server.requests().empty());
}

TEST_CASE("allow_networks lets a guarded request through; unguarded requests are never checked", "[fetch][guard]") {
  HttpServer server({{"/page", json::object{{"body", "hello"}}}});
  FetchLimits limits = test_limits();
  limits.allow_networks = {*parse_ip_network("127.0.0.0/8")};
  CHECK(fetch_all(limits, {guarded(server.url("/page"))}).at(0).body == "hello");
  CHECK(fetch_one(server.url("/page")).body == "hello");
}

TEST_CASE("every redirect hop is checked at connect time", "[fetch][guard]") {
  HttpServer server;
  const std::string elsewhere = "http://127.0.0.2:" + std::to_string(server.port()) + "/inside";
  server.set_routes({{"/start", json::object{{"redirect", elsewhere}}}, {"/inside", json::object{{"body", "no"}}}});
  FetchLimits limits = test_limits();
  limits.allow_networks = {*parse_ip_network("127.0.0.1/32")};
  const auto result = fetch_all(limits, {guarded(server.url("/start"))}).at(0);
  CHECK(result.outcome == FetchOutcome::network_error);
  CHECK(result.error.find("127.0.0.2 (loopback)") != std::string::npos);
  CHECK(server.requests().size() == 1);
}
