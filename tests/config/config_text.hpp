#pragma once
// A config given as text, loaded the way `--config FILE` loads it.
#include <catch2/catch.hpp>

#include <string>

#include "daemon/config/config.hpp"
#include "tests/support/support.hpp"

namespace feedsieve::test {

// `text` as DIR/feedsieve.toml, loaded.
inline Config load_config_text(const TempDir& dir, const std::string& text) {
  write_file(dir / "feedsieve.toml", text);
  return load_config(dir / "feedsieve.toml");
}

// The message of the ConfigError that loading `text` raises; the test fails when it loads.
inline std::string config_error_of(const std::string& text) {
  TempDir dir;
  try {
    load_config_text(dir, text);
  } catch (const ConfigError& e) {
    return e.what();
  }
  FAIL("the config was accepted:\n" << text);
  return {};
}

}  // namespace feedsieve::test
