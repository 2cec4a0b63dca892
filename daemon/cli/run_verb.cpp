#include <spdlog/spdlog.h>

#include <chrono>
#include <csignal>
#include <iostream>

#include "daemon/cli/verbs.hpp"
#include "daemon/config/config.hpp"
#include "daemon/fetch/curl_global.hpp"
#include "daemon/log/log.hpp"
#include "daemon/run/daemon.hpp"
#include "daemon/run/notify.hpp"
#include "daemon/store/store.hpp"

namespace feedsieve::cli {
namespace {

// How long opening the store may take before systemd gives up on the start.
constexpr std::chrono::minutes store_open_allowance{30};

struct RunArgs {
  std::optional<std::filesystem::path> config;
  bool once = false;
};

int run(const RunArgs& args) {
  log::setup("info");
  Config config;
  RunOptions options;
  try {
    options.config_path = find_config(args.config);
    config = load_config(options.config_path);
  } catch (const ConfigError& e) {
    spdlog::critical("{}", e.what());
    return exit_failure;
  }
  log::set_level(config.log_level);
  options.once = args.once;
  const auto store_path = resolve_store_path(config.store_path);
  // Opening the store upgrades its schema when feedsieve was: a step over a
  // million items takes minutes (docs/schema.md), longer than systemd waits
  // for a service to start by default. Meanwhile a reload has nothing to
  // re-read yet, and a SIGHUP must not end the process (its default); the
  // daemon's own handler replaces this once it runs.
  const Notifier notifier;
  notifier.status("opening the store " + store_path.string());
  notifier.extend_start(store_open_allowance);
  std::signal(SIGHUP, SIG_IGN);
  try {
    Store store(store_path);
    const CurlGlobal curl;
    return run_daemon(options, std::move(config), std::move(store));
  } catch (const StoreError& e) {
    spdlog::critical("{}", e.what());
    return exit_failure;
  }
}

}  // namespace

void add_run(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("run", "Poll the configured feeds and store what they deliver");
  verb->footer(
      "Runs in the foreground until SIGTERM or SIGINT; SIGHUP re-reads the config (a broken one is refused and "
      "the running one kept). Logs go to stderr.");
  auto args = std::make_shared<RunArgs>();
  add_config_option(*verb, args->config);
  verb->add_flag("--once", args->once,
                 "Poll every feed once, store the results, print a one-line summary to stderr and exit");
  verb->callback([args, &exit_code] { exit_code = run(*args); });
}

}  // namespace feedsieve::cli
