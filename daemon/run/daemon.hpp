#pragma once
// The daemon: polls every configured feed on its schedule, stores each poll,
// reloads the config on SIGHUP and stops gracefully on SIGTERM/SIGINT.
#include <filesystem>
#include <optional>

#include "daemon/config/config.hpp"
#include "daemon/store/store.hpp"

namespace feedsieve {

struct RunOptions {
  std::filesystem::path config_path;  // re-read on SIGHUP
  bool once = false;                  // poll every feed once, then exit
};

// Runs until SIGTERM/SIGINT, or with `once` until every feed was polled once
// and stored (a one-line summary goes to stderr). Returns the exit code.
int run_daemon(const RunOptions& options, Config config, Store store);

}  // namespace feedsieve
