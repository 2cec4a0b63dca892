#include <iostream>

#include "daemon/cli/verbs.hpp"
#include "daemon/config/config.hpp"

namespace feedsieve::cli {

void add_check_config(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("check-config", "Validate the config file without touching the store");
  verb->footer("Exit code 0 when the config is valid; 1 with FILE:LINE:COL and the problem on stderr when not.");
  auto path = std::make_shared<std::optional<std::filesystem::path>>();
  add_config_option(*verb, *path);
  verb->callback([path, &exit_code] {
    try {
      const auto file = find_config(*path);
      const Config config = load_config(file);
      std::size_t enabled = 0;
      for (const auto& feed : config.feeds) enabled += feed.enabled ? 1 : 0;
      std::cout << file.string() << ": ok: " << config.feeds.size() << " feeds (" << enabled << " enabled), store "
                << resolve_store_path(config.store_path).string() << "\n";
      exit_code = exit_ok;
    } catch (const ConfigError& e) {
      std::cerr << e.what() << "\n";
      exit_code = exit_failure;
    }
  });
}

}  // namespace feedsieve::cli
