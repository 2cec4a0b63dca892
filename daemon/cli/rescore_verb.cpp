// feedsieve rescore: the current [topic] profile applied to every stored item.
#include <iostream>

#include "daemon/cli/stored_verdict.hpp"
#include "daemon/cli/verbs.hpp"
#include "daemon/config/config.hpp"
#include "daemon/store/store.hpp"

namespace feedsieve::cli {
namespace {

int rescore(const std::optional<std::filesystem::path>& config_path) {
  return with_config("rescore", config_path, [&](const Config& config) {
    const StoredItemJudge judge(config);
    Store store(resolve_store_path(config.store_path));
    const RescoreResult r = store.rescore(judge);
    std::cout << "feedsieve: rescored " << r.items << " items (" << r.items_changed << " changed); "
              << r.stories_on_topic << " stories on topic, " << r.stories_off_topic << " off topic\n";
    return exit_ok;
  });
}

}  // namespace

void add_rescore(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("rescore", "Re-apply the [topic] profile to the stored items, without fetching");
  verb->footer(
      "Scores every stored item with the config's current profile and feed weights and updates each story's "
      "on_topic and topic_score, in one transaction. Safe while the daemon runs (it waits for the write lock).");
  auto path = std::make_shared<std::optional<std::filesystem::path>>();
  add_config_option(*verb, *path);
  verb->callback([path, &exit_code] { exit_code = rescore(*path); });
}

}  // namespace feedsieve::cli
