// `feedsieve status`: every configured feed's health, from the store, read-only.
// The exit code makes it a health check: 1 when a feed has failed too long.
#include <array>
#include <boost/json.hpp>
#include <charconv>
#include <iostream>

#include "daemon/cli/verbs.hpp"
#include "daemon/config/config.hpp"
#include "daemon/config/units.hpp"
#include "daemon/store/feed_status.hpp"
#include "feeds/date/date.hpp"

namespace feedsieve::cli {
namespace {

struct StatusArgs {
  std::optional<std::filesystem::path> config;
  std::string format = "table";
  std::string fail_after = "24h";
};

Timestamp now_utc() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::string when(const std::optional<Timestamp>& time) { return time ? format_rfc3339(*time) : "-"; }

std::string human_duration(std::optional<std::chrono::seconds> span) {
  if (!span) return "-";
  const auto s = span->count();
  if (s >= 2 * 86400) return std::to_string(s / 86400) + "d";
  if (s >= 2 * 3600) return std::to_string(s / 3600) + "h";
  if (s >= 120) return std::to_string(s / 60) + "m";
  return std::to_string(s) + "s";
}

std::string next_poll(const FeedStatus& status) {
  if (status.gone) return "gone (410)";
  if (status.health == FeedHealth::disabled) return "disabled";
  return when(status.feed.next_poll);
}

// Left-aligned in a column `width` wide, as std::left << std::setw(width)
// would write it: a longer text is not cut and pushes the next column.
void cell(std::string& out, std::string_view text, std::size_t width) {
  out += text;
  if (text.size() < width) out.append(width - text.size(), ' ');
}

void cell(std::string& out, std::int64_t number, std::size_t width) {
  std::array<char, 24> digits{};
  const auto end = std::to_chars(digits.data(), digits.data() + digits.size(), number).ptr;
  cell(out, std::string_view(digits.data(), static_cast<std::size_t>(end - digits.data())), width);
}

// One string for the whole table, written at once: 10,000 feeds through
// std::setw cost more than reading them from the store.
std::string table(const std::vector<FeedStatus>& statuses) {
  std::string out;
  out.reserve(160 * (statuses.size() + 1));
  for (const auto& [title, width] : {std::pair<std::string_view, std::size_t>{"FEED", 28}, {"HEALTH", 9}, {"HTTP", 5},
                                     {"ERR", 5}, {"LAST ATTEMPT", 22}, {"LAST SUCCESS", 22}, {"NEXT POLL", 22},
                                     {"ITEMS", 7}, {"STORIES", 8}, {"EVERY", 7}})
    cell(out, title, width);
  out += "ERROR\n";
  for (const auto& s : statuses) {
    cell(out, std::string_view(s.feed.name).substr(0, 27), 28);
    cell(out, health_name(s.health), 9);
    cell(out, s.feed.last_status, 5);
    cell(out, s.feed.error_count, 5);
    cell(out, when(s.feed.last_attempt), 22);
    cell(out, when(s.feed.last_success), 22);
    cell(out, next_poll(s), 22);
    cell(out, s.activity.items, 7);
    cell(out, s.activity.stories, 8);
    cell(out, human_duration(s.activity.average_interval), 7);
    out += s.feed.last_error;
    out += '\n';
  }
  return out;
}

// Streamed a block at a time: no 3 MB string for 10,000 feeds.
void write_json(std::ostream& out, const boost::json::value& report) {
  boost::json::serializer serializer;
  serializer.reset(&report);
  std::array<char, 64 * 1024> block{};
  while (!serializer.done()) {
    const auto part = serializer.read(block.data(), block.size());
    out.write(part.data(), static_cast<std::streamsize>(part.size()));
  }
  out << "\n";
}

std::string summary_line(const HealthSummary& sum, std::size_t feeds, const std::string& fail_after) {
  return std::to_string(feeds) + " feeds: " + std::to_string(sum.ok) + " ok, " + std::to_string(sum.failing) +
         " failing, " + std::to_string(sum.disabled) + " disabled, " + std::to_string(sum.pending) + " pending; " +
         std::to_string(sum.failing_too_long) + " failing for " + fail_after + " or more";
}

int status(const StatusArgs& args) {
  const auto fail_after = parse_duration(args.fail_after);
  if (!fail_after) {
    std::cerr << "feedsieve status: --fail-after \"" << args.fail_after << "\" is not a duration such as 24h or 3d\n";
    return exit_usage;
  }
  return with_config("status", args.config, [&](const Config& config) {
    const Store store(resolve_store_path(config.store_path), Store::Mode::read_only);
    const auto statuses = configured_statuses(as_configured(config.feeds), store, now_utc());
    const HealthSummary summary = summarize(statuses, *fail_after);
    if (args.format == "json") {
      boost::json::monotonic_resource arena;  // one report, dropped at once
      write_json(std::cout, status_report_json(statuses, summary, &arena));
    } else {
      const std::string rows = table(statuses);
      std::cout.write(rows.data(), static_cast<std::streamsize>(rows.size()));
      std::cout << summary_line(summary, statuses.size(), args.fail_after) << "\n";
    }
    return summary.failing_too_long > 0 ? exit_failure : exit_ok;
  });
}

}  // namespace

void add_status(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("status", "Show every configured feed's health; usable as a health check");
  verb->footer(
      "Per feed: health (ok, failing, disabled, pending), HTTP status and error of the last attempt, failures in a "
      "row, last attempt, last success, next poll, items and stories contributed, and the average interval between "
      "its items. A feed answering 410 Gone is disabled until its url changes. Exit code 1 when any feed has been "
      "failing with no success for --fail-after or longer (or the config or store is unusable), else 0. Reads the "
      "store without blocking a running daemon.");
  auto args = std::make_shared<StatusArgs>();
  add_config_option(*verb, args->config);
  verb->add_option("--format", args->format, "Output format")
      ->check(CLI::IsMember({"table", "json"}))
      ->capture_default_str();
  verb->add_option("--fail-after", args->fail_after, "Exit 1 when a feed has been failing this long (a duration)")
      ->capture_default_str();
  verb->callback([args, &exit_code] { exit_code = status(*args); });
}

}  // namespace feedsieve::cli
