#pragma once
// Each verb registers its subcommand; its callback stores the verb's exit code.
#include <CLI/CLI.hpp>
#include <filesystem>
#include <functional>
#include <optional>
#include <string_view>

#include "daemon/config/config.hpp"

namespace feedsieve::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;

void add_run(CLI::App& app, int& exit_code);
void add_check_config(CLI::App& app, int& exit_code);
void add_query(CLI::App& app, int& exit_code);
void add_parse(CLI::App& app, int& exit_code);
void add_explain(CLI::App& app, int& exit_code);
void add_rescore(CLI::App& app, int& exit_code);
void add_extract(CLI::App& app, int& exit_code);
void add_discover(CLI::App& app, int& exit_code);
void add_status(CLI::App& app, int& exit_code);
void add_feeds(CLI::App& app, int& exit_code);
void add_prune(CLI::App& app, int& exit_code);

// The --config option every verb that reads the config shares.
CLI::Option* add_config_option(CLI::App& verb, std::optional<std::filesystem::path>& path);

// Loads the config that --config names (or the search order finds) and runs
// `body` with it. A ConfigError or StoreError, raised by either, becomes one
// line on stderr ("feedsieve VERB: ...") and exit_failure: the shared failure
// path of the verbs that read the store.
int with_config(std::string_view verb, const std::optional<std::filesystem::path>& path,
                const std::function<int(const Config&)>& body);

}  // namespace feedsieve::cli
