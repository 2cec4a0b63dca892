// `feedsieve status`: every configured feed's health, from the store, read-only.
// The exit code makes it a health check: 1 when a feed has failed too long.
#include <boost/json.hpp>
#include <iomanip>
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

void write_table(std::ostream& out, const std::vector<FeedStatus>& statuses) {
  out << std::left << std::setw(28) << "FEED" << std::setw(9) << "HEALTH" << std::setw(5) << "HTTP" << std::setw(5)
      << "ERR" << std::setw(22) << "LAST ATTEMPT" << std::setw(22) << "LAST SUCCESS" << std::setw(22) << "NEXT POLL"
      << std::setw(7) << "ITEMS" << std::setw(8) << "STORIES" << std::setw(7) << "EVERY" << "ERROR\n";
  for (const auto& s : statuses) {
    out << std::setw(28) << s.feed.name.substr(0, 27) << std::setw(9) << health_name(s.health) << std::setw(5)
        << s.feed.last_status << std::setw(5) << s.feed.error_count << std::setw(22) << when(s.feed.last_attempt)
        << std::setw(22) << when(s.feed.last_success) << std::setw(22) << next_poll(s) << std::setw(7)
        << s.activity.items << std::setw(8) << s.activity.stories << std::setw(7)
        << human_duration(s.activity.average_interval) << s.feed.last_error << "\n";
  }
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
      std::cout << boost::json::serialize(status_report_json(statuses, summary)) << "\n";
    } else {
      write_table(std::cout, statuses);
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
