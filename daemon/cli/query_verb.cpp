#include <boost/json.hpp>
#include <iostream>

#include "daemon/cli/story_output.hpp"
#include "daemon/cli/verbs.hpp"
#include "daemon/config/config.hpp"
#include "daemon/config/units.hpp"
#include "daemon/store/store.hpp"
#include "feeds/date/date.hpp"
#include "feeds/json/json_text.hpp"

namespace feedsieve::cli {
namespace {

struct QueryArgs {
  std::optional<std::filesystem::path> config;
  std::string format = "table";
  std::string since;
  std::string search;
  int limit = 50;
  bool all = false;
  bool events = false;
};

// "24h", "7d" (that long ago) or an RFC 3339 time.
std::optional<Timestamp> parse_since(const std::string& text) {
  if (const auto ago = parse_duration(text)) {
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) - *ago;
  }
  return parse_rfc3339(text);
}

void print(const std::vector<StoryView>& stories, const std::string& format) {
  if (format == "table") {
    write_story_table(std::cout, stories);
  } else if (format == "jsonl") {
    for (const auto& story : stories) std::cout << json_text(to_json(story)) << "\n";
  } else {
    boost::json::array all;
    for (const auto& story : stories) all.push_back(to_json(story));
    std::cout << json_text(all) << "\n";
  }
}

// Each event with its stories: {"event_id": "...", "stories": [story...]}.
void print(const std::vector<EventView>& events, const std::string& format) {
  if (format == "table") {
    for (const auto& event : events) {
      std::cout << "event " << event.event_id << " (" << event.stories.size() << " stories)\n";
      write_story_table(std::cout, event.stories);
      std::cout << "\n";
    }
    return;
  }
  boost::json::array all;
  for (const auto& event : events) {
    boost::json::value object = to_json(event);
    if (format == "jsonl") {
      std::cout << json_text(object) << "\n";
    } else {
      all.push_back(std::move(object));
    }
  }
  if (format == "json") std::cout << json_text(all) << "\n";
}

int query(const QueryArgs& args) {
  StoryQuery query;
  query.search = args.search;
  query.limit = args.limit;
  query.include_off_topic = args.all;
  if (!args.since.empty()) {
    query.since = parse_since(args.since);
    if (!query.since) {
      std::cerr << "feedsieve query: --since \"" << args.since
                << "\" is neither a duration such as 24h or 7d nor an RFC 3339 time\n";
      return exit_usage;
    }
  }
  return with_config("query", args.config, [&](const Config& config) {
    const Store store(resolve_store_path(config.store_path), Store::Mode::read_only);
    if (args.events) {
      print(store.events(query), args.format);
    } else {
      print(store.stories(query), args.format);
    }
    return exit_ok;
  });
}

}  // namespace

void add_query(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("query", "List stored stories, newest first, each with its sources");
  verb->footer(
      "JSON fields: story_id, title, url (canonical), published (RFC 3339 UTC or null), on_topic, topic_score, "
      "event_id, sources [{feed, url, title, published}]. Reads the store without blocking a running daemon.");
  auto args = std::make_shared<QueryArgs>();
  add_config_option(*verb, args->config);
  verb->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "json", "jsonl"}))
      ->capture_default_str();
  verb->add_option("--since", args->since, "Only stories since then: a duration (24h, 7d) or an RFC 3339 time");
  verb->add_option("--search", args->search, "Only stories whose items contain these words (full-text)");
  verb->add_option("--limit", args->limit, "At most this many stories")
      ->check(CLI::Range(1, 10'000))
      ->capture_default_str();
  verb->add_flag("--all", args->all, "Include stories the topic filter rejected");
  verb->add_flag("--events", args->events,
                 "List events (stories of different outlets about one happening) with their stories; --limit counts events");
  verb->callback([args, &exit_code] { exit_code = query(*args); });
}

}  // namespace feedsieve::cli
