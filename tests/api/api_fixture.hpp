#pragma once
// A real store in a temp dir and a real ApiServer on 127.0.0.1 (a free port).
#include <boost/json.hpp>
#include <catch2/catch.hpp>
#include <memory>

#include "daemon/api/server.hpp"
#include "daemon/store/store.hpp"
#include "tests/api/http_client.hpp"
#include "tests/api/store_fill.hpp"
#include "tests/support/support.hpp"

namespace feedsieve::test {

inline ApiSettings loopback_api() {
  ApiSettings settings;
  settings.enabled = true;
  settings.listen.port = 0;
  return settings;
}

struct ApiFixture {
  TempDir dir;
  std::filesystem::path path = dir / "store.db";
  Store writer{path};
  Metrics metrics;
  std::unique_ptr<ApiServer> server;
  std::string address;

  void start(const ApiSettings& settings = loopback_api()) {
    server = std::make_unique<ApiServer>(settings, path, metrics);
    server->start();
    address = server->address();
  }
  HttpReply get(const std::string& target, const HeaderList& headers = {}) const {
    return http_get(address, target, headers);
  }
  boost::json::value get_json(const std::string& target, const HeaderList& headers = {}) const {
    const HttpReply reply = get(target, headers);
    INFO(target << " -> " << reply.status << " " << reply.body);
    REQUIRE(reply.status == 200);
    REQUIRE(reply.header("content-type") == "application/json");
    return boost::json::parse(reply.body);
  }
};

}  // namespace feedsieve::test
