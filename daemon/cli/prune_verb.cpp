// `feedsieve prune [--dry-run]`: apply the [store] retention now, or say what it would remove.
#include <iostream>

#include "daemon/cli/verbs.hpp"
#include "daemon/config/config.hpp"
#include "daemon/store/store.hpp"

namespace feedsieve::cli {
namespace {

struct PruneArgs {
  std::optional<std::filesystem::path> config;
  bool dry_run = false;
};

int prune(const PruneArgs& args) {
  return with_config("prune", args.config, [&](const Config& config) {
    if (!config.retention.any()) {
      std::cout << "no retention configured ([store] keep_days, keep_days_on_topic, max_items_per_feed): "
                   "nothing is removed\n";
      return exit_ok;
    }
    Store store(resolve_store_path(config.store_path),
                args.dry_run ? Store::Mode::read_only : Store::Mode::read_write);
    const auto now = std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now());
    const PruneReport report = store.prune(config.retention, now, args.dry_run);
    std::cout << (args.dry_run ? "would remove " : "removed ") << report.items << " items and " << report.stories
              << " stories\n";
    for (const FeedPrune& feed : report.by_feed) {
      std::cout << "  " << feed.feed << ": " << feed.items << (feed.items == 1 ? " item" : " items")
                << ", last listed " << feed.first_listed;
      if (feed.last_listed != feed.first_listed) std::cout << " to " << feed.last_listed;
      std::cout << "\n";
    }
    return exit_ok;
  });
}

}  // namespace

void add_prune(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("prune", "Remove what the [store] retention lets go (the daemon does it daily)");
  verb->footer(
      "A story is removed only with all of its items, when every one of them has expired; items their feed still "
      "lists are never removed. Their full-text entries, fingerprint keys and event terms go with them, then an "
      "incremental vacuum gives the freed pages back to the file system (stores created by feedsieve; see "
      "docs/config.md to convert an older one). Prints how many items and stories go, then each feed's items and when "
      "they were last listed. --dry-run opens the store read-only and only counts.");
  auto args = std::make_shared<PruneArgs>();
  add_config_option(*verb, args->config);
  verb->add_flag("--dry-run", args->dry_run, "Only say what would be removed: counts, and each feed's items");
  verb->callback([args, &exit_code] { exit_code = prune(*args); });
}

}  // namespace feedsieve::cli
