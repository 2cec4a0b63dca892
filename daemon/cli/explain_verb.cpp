// feedsieve explain ITEM: the topic arithmetic and the merge decisions for one stored item.
#include <iostream>

#include "daemon/cli/stored_verdict.hpp"
#include "daemon/cli/verbs.hpp"
#include "daemon/config/config.hpp"
#include "daemon/store/store.hpp"

namespace feedsieve::cli {
namespace {

struct ExplainArgs {
  std::optional<std::filesystem::path> config;
  std::string item;
};

void print(const ItemDetail& item, const Config& config) {
  std::cout << "item " << item.id << " of feed \"" << item.feed << "\": " << item.title << "\n"
            << "  link " << item.link << "\n"
            << "  canonical " << item.canonical_link.value_or("(none)") << "\n";
  if (!item.article_text.empty()) std::cout << "  article text: " << item.article_text.size() << " bytes\n";
  if (item.article_error) std::cout << "  article: " << *item.article_error << "\n";
  const StoredItemJudge judge(config);
  const TopicVerdict now = judge(item);
  std::cout << describe_verdict(now, config.topic, judge.feed_weight(item.feed));
  std::cout << "  stored: score " << item.topic_score << ", " << (item.on_topic ? "on topic" : "off topic");
  if (now.score != item.topic_score || now.on_topic != item.on_topic)
    std::cout << " (the profile changed since; `feedsieve rescore` applies it)";
  std::cout << "\nstory " << item.story_id << ": " << item.merge_reason << "\n";
  std::cout << "event " << item.event_id.value_or("(none)");
  if (!item.event_reason.empty()) std::cout << ": " << item.event_reason;
  std::cout << "\n";
}

int explain(const ExplainArgs& args) {
  return with_config("explain", args.config, [&](const Config& config) {
    const Store store(resolve_store_path(config.store_path), Store::Mode::read_only);
    const auto item = store.item(args.item);
    if (!item) {
      std::cerr << "feedsieve explain: no stored item has the link, guid or row id \"" << args.item << "\"\n";
      return exit_failure;
    }
    print(*item, config);
    return exit_ok;
  });
}

}  // namespace

void add_explain(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("explain", "Show why an item scored what it did and why it is in its story");
  verb->footer(
      "ITEM is an item's link (as published or canonical), its id as the feed gives it (the guid; `parse` prints "
      "it as \"id\"), or its row id in the store (items.id). Prints each matched term and group of "
      "the current [topic] profile with its points, the stored score, and the rule that put the item into its "
      "story (canonical link, text fingerprint distance, or title) and its story into an event.");
  auto args = std::make_shared<ExplainArgs>();
  add_config_option(*verb, args->config);
  verb->add_option("ITEM", args->item, "The item's link, guid or row id")->required();
  verb->callback([args, &exit_code] { exit_code = explain(*args); });
}

}  // namespace feedsieve::cli
