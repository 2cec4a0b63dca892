// The shipped unit, as systemd reads it.
#include <catch2/catch.hpp>

#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

std::string replace_all(std::string text, const std::string& from, const std::string& to) {
  for (std::size_t at = text.find(from); at != std::string::npos; at = text.find(from, at + to.size()))
    text.replace(at, from.size(), to);
  return text;
}

std::string rendered_unit() {
  return test::read_file(std::filesystem::path(FEEDSIEVE_BINARY).parent_path() / "feedsieve.service");
}

std::string installed_binary_path(const std::string& unit) {
  const std::string key = "ExecStart=";
  const auto start = unit.find(key);
  REQUIRE(start != std::string::npos);
  const auto end = unit.find(' ', start);
  return unit.substr(start + key.size(), end - start - key.size());
}

}  // namespace

TEST_CASE("the systemd unit passes systemd-analyze verify without a warning", "[e2e][systemd]") {
  const std::string unit = rendered_unit();
  // verify checks that ExecStart= exists: point it at the binary under test.
  test::TempDir dir;
  test::write_file(dir / "feedsieve.service", replace_all(unit, installed_binary_path(unit), FEEDSIEVE_BINARY));
  const auto result = test::run_process("/usr/bin/systemd-analyze", {"verify", (dir / "feedsieve.service").string()});
  INFO(result.err);
  CHECK(result.exit_code == 0);
  CHECK(result.err.empty());
}

TEST_CASE("the unit is a hardened notify service with reload and watchdog", "[e2e][systemd]") {
  const std::string unit = rendered_unit();
  for (const std::string line :
       {"Type=notify", "ExecReload=/bin/kill -HUP $MAINPID", "WatchdogSec=", "DynamicUser=yes", "StateDirectory=feedsieve",
        "ConfigurationDirectory=feedsieve", "NoNewPrivileges=yes", "ProtectSystem=strict", "ProtectHome=yes",
        "PrivateTmp=yes", "RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX", "SystemCallFilter=@system-service"}) {
    CAPTURE(line);
    CHECK_THAT(unit, Catch::Contains("\n" + line));
  }
  CHECK_THAT(unit, !Catch::Contains("@CMAKE"));
}
