#include <spdlog/spdlog.h>

#include <iostream>

#include "daemon/cli/verbs.hpp"
#include "daemon/config/config.hpp"
#include "daemon/fetch/curl_global.hpp"
#include "daemon/log/log.hpp"
#include "daemon/run/daemon.hpp"
#include "daemon/store/store.hpp"

namespace feedsieve::cli {
namespace {

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
