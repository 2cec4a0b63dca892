// [api]: the listen address in its three forms, the token and its file, the
// limits, and the rule that an API reachable from other machines needs a token.
#include <catch2/catch.hpp>

#include "daemon/config/config.hpp"
#include "tests/config/config_text.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using namespace std::chrono_literals;

namespace {


const std::string token = "0123456789abcdef0123";

}  // namespace

TEST_CASE("[api] is off and on loopback by default", "[config][api]") {
  test::TempDir dir;
  const ApiSettings api = test::load_config_text(dir, "").api;
  CHECK_FALSE(api.enabled);
  CHECK(api.listen.kind == ListenAddress::Kind::tcp);
  CHECK(api.listen.host == "127.0.0.1");
  CHECK(api.listen.port == 8080);
  CHECK_FALSE(api.token);
  CHECK(api.default_limit == 50);
  CHECK(api.max_limit == 500);
}

TEST_CASE("[api] reads TCP and unix-socket addresses, limits and a timeout", "[config][api]") {
  test::TempDir dir;
  const ApiSettings api = test::load_config_text(dir, "[api]\nenabled = true\nlisten = \"[::1]:9090\"\ndefault_limit = 20\n"
                                    "max_limit = 100\nfeed_limit = 30\nmax_connections = 8\ntimeout = \"5s\"\n")
                              .api;
  CHECK(api.enabled);
  CHECK(api.listen.host == "::1");
  CHECK(api.listen.port == 9090);
  CHECK(api.default_limit == 20);
  CHECK(api.max_limit == 100);
  CHECK(api.feed_limit == 30);
  CHECK(api.max_connections == 8);
  CHECK(api.timeout == 5s);
  const ApiSettings socket = test::load_config_text(dir, "[api]\nlisten = \"unix:/run/feedsieve/api.sock\"\n").api;
  CHECK(socket.listen.kind == ListenAddress::Kind::unix_socket);
  CHECK(socket.listen.path == "/run/feedsieve/api.sock");
}

TEST_CASE("an [api] on a non-loopback address needs a token, from the config or a file", "[config][api]") {
  CHECK_THAT(test::config_error_of("[api]\nenabled = true\nlisten = \"0.0.0.0:8080\"\n"),
             Catch::Contains(":3:10: error: 'api.listen' is not a loopback address, so [api] needs a 'token'"));
  CHECK_THAT(test::config_error_of("[api]\nlisten = \"192.0.2.7:8080\"\n"), Catch::Contains("needs a 'token'"));
  test::TempDir dir;
  CHECK(test::load_config_text(dir, "[api]\nlisten = \"0.0.0.0:8080\"\ntoken = \"" + token + "\"\n").api.token == token);
  // A relative token_file is read from the config's folder; its first line is the token.
  test::write_file(dir / "api.token", token + "\nignored\n");
  CHECK(test::load_config_text(dir, "[api]\nlisten = \"[::]:8080\"\ntoken_file = \"api.token\"\n").api.token == token);
  // Loopback and unix sockets need none.
  CHECK_FALSE(test::load_config_text(dir, "[api]\nlisten = \"[::1]:8080\"\n").api.token);
  CHECK_FALSE(test::load_config_text(dir, "[api]\nlisten = \"unix:/tmp/x.sock\"\n").api.token);
}

TEST_CASE("bad [api] values are errors at their line", "[config][api]") {
  CHECK_THAT(test::config_error_of("[api]\nlisten = \"localhost\"\n"),
             Catch::Contains(":2:10: error: 'api.listen': 'localhost' is neither an address"));
  CHECK_THAT(test::config_error_of("[api]\ntoken = \"short\"\n"), Catch::Contains(":2:9: error: 'api.token': the token must be at least 16"));
  CHECK_THAT(test::config_error_of("[api]\ntoken = \"" + token + "\"\ntoken_file = \"x\"\n"),
             Catch::Contains(":3:14: error: set 'api.token' or 'api.token_file', not both"));
  CHECK_THAT(test::config_error_of("[api]\ntoken_file = \"missing.token\"\n"),
             Catch::Contains("'api.token_file': cannot read") && Catch::Contains("missing.token"));
  CHECK_THAT(test::config_error_of("[api]\ndefault_limit = 600\nmax_limit = 500\n"),
             Catch::Contains("'api.default_limit'"));
  CHECK_THAT(test::config_error_of("[api]\ndefault_limit = 200\nmax_limit = 100\n"),
             Catch::Contains(":2:17: error: 'api.default_limit' must not be larger than 'api.max_limit' (100)"));
  CHECK_THAT(test::config_error_of("[api]\nport = 8080\n"), Catch::Contains(":2:1: error: unknown key 'port' in [api]"));
}
