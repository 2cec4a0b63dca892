// Loading is a sequence of section readers; every reader rejects keys it does
// not know, so a typo is an error at its line instead of a setting silently ignored.
#include "daemon/config/config.hpp"

#include <array>
#include <cstdlib>

#include "daemon/config/sections.hpp"

namespace feedsieve {
namespace {

struct Section {
  std::string_view key;  // the top-level key: [key] or [[key]]
  void (*read)(const Reader&, const toml::table& root, Config&);
};

// One entry per top-level key; a new section adds its reader here.
constexpr std::array sections{
    Section{"store", read_store},       Section{"log", read_log},
    Section{"fetch", read_fetch},       Section{"articles", read_articles},  // after fetch: it inherits from it
    Section{"schedule", read_schedule},
    Section{"canonical", read_canonical}, Section{"feeds", read_feeds},
    Section{"topic", read_topic},       Section{"api", read_api},
};

}  // namespace

Config load_config(const std::filesystem::path& path) {
  const Reader reader(path);
  toml::table root;
  try {
    root = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    if (e.source().begin.line == 0 && !std::filesystem::exists(path))
      throw ConfigError(path.string() + ": error: cannot read the config file (does it exist?)");
    reader.fail(e.source(), std::string(e.description()));
  }
  std::vector<std::string_view> known;
  for (const auto& section : sections) known.push_back(section.key);
  reader.only_keys(root, "the top level", known);
  Config config;
  config.source = path;
  config.store_path = "feedsieve.db";
  for (const auto& section : sections) section.read(reader, root, config);
  return config;
}

std::filesystem::path find_config(const std::optional<std::filesystem::path>& cli_path) {
  if (cli_path) {
    if (!std::filesystem::exists(*cli_path)) throw ConfigError(cli_path->string() + ": error: no such config file");
    return *cli_path;
  }
  if (const char* env = std::getenv("FEEDSIEVE_CONFIG"); env != nullptr && *env != '\0') {
    if (!std::filesystem::exists(env))
      throw ConfigError(std::string(env) + ": error: no such config file (named by $FEEDSIEVE_CONFIG)");
    return env;
  }
  for (const std::filesystem::path candidate : {"/etc/feedsieve/feedsieve.toml", "config/feedsieve.toml"})
    if (std::filesystem::exists(candidate)) return candidate;
  throw ConfigError(
      "error: no config file found: pass --config FILE, set $FEEDSIEVE_CONFIG, or create "
      "/etc/feedsieve/feedsieve.toml");
}

std::filesystem::path resolve_store_path(const std::filesystem::path& configured) {
  if (configured.is_absolute()) return configured;
  if (const char* state = std::getenv("STATE_DIRECTORY"); state != nullptr && *state != '\0') {
    // systemd may list several directories separated by ':'; the first is ours.
    const std::string first = std::string(state).substr(0, std::string(state).find(':'));
    return std::filesystem::path(first) / configured;
  }
  return configured;
}

}  // namespace feedsieve
