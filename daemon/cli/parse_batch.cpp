// `feedsieve parse --batch DIR`: one process for a whole folder of feeds, so
// that benchmarks and conformance runs measure parsing, not process start-up.
#include <algorithm>
#include <boost/json.hpp>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <vector>

#include "daemon/cli/parse_files.hpp"
#include "daemon/cli/verbs.hpp"
#include "feeds/json/feed_json.hpp"
#include "feeds/json/json_text.hpp"
#include "feeds/parse/parse.hpp"

namespace feedsieve::cli {
namespace {

namespace fs = std::filesystem;

struct Totals {
  std::size_t files = 0;
  std::size_t failed = 0;
  std::size_t items = 0;
  std::size_t warnings = 0;
  std::size_t bytes = 0;
};

// Regular files below dir, in name order, so runs are comparable line by line.
std::vector<fs::path> list_files(const fs::path& dir, std::error_code& ec) {
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
    if (it->is_regular_file()) files.push_back(it->path());
  }
  std::sort(files.begin(), files.end());
  return files;
}

std::string plural(std::size_t n, const char* noun) {
  return std::to_string(n) + " " + noun + (n == 1 ? "" : "s");
}

void print_parsed(const std::string& name, const ParsedFeed& feed, bool json) {
  if (json) {
    boost::json::object line{{"file", name}, {"feed", to_json(feed)}};
    if (!feed.warnings.empty()) line["warnings"] = boost::json::value_from(feed.warnings);
    std::cout << json_text(line) << "\n";
    return;
  }
  std::cout << name << ": " << format_name(feed.format) << ", " << plural(feed.items.size(), "item") << ", "
            << plural(feed.warnings.size(), "warning") << "\n";
  for (const auto& warning : feed.warnings) std::cerr << name << ": warning: " << warning << "\n";
}

void print_error(const std::string& name, const std::string& error, bool json) {
  if (json) {
    std::cout << json_text(boost::json::object{{"file", name}, {"error", error}}) << "\n";
  } else {
    std::cout << name << ": error: " << error << "\n";
  }
}

void parse_file(const fs::path& dir, const fs::path& file, const BatchOptions& batch, Totals& totals) {
  const std::string name = file.lexically_relative(dir).string();
  ParseOptions options;
  options.url = batch.url;
  ++totals.files;
  std::string error;
  const auto bytes = read_feed_file(file, options.max_bytes, error);
  if (bytes) {
    totals.bytes += bytes->size();
    try {
      const ParsedFeed feed = parse_feed(*bytes, options);
      totals.items += feed.items.size();
      totals.warnings += feed.warnings.size();
      print_parsed(name, feed, batch.json);
      return;
    } catch (const ParseError& e) {
      error = e.what();
    }
  }
  ++totals.failed;
  print_error(name, error, batch.json);
}

void print_totals(const Totals& t, double seconds, bool json) {
  const double mb = static_cast<double>(t.bytes) / 1e6;
  char rate[64];
  std::snprintf(rate, sizeof rate, "%.1f MB in %.3f s, %.1f MB/s", mb, seconds, seconds > 0 ? mb / seconds : 0.0);
  // On stderr with --json, so stdout stays one JSON object a line.
  (json ? std::cerr : std::cout) << "feedsieve parse: " << plural(t.files, "file") << ", " << t.files - t.failed << " parsed, "
            << t.failed << " failed; " << plural(t.items, "item") << ", " << plural(t.warnings, "warning")
            << "; " << rate << "\n";
}

}  // namespace

int parse_batch(const fs::path& dir, const BatchOptions& options) {
  std::error_code ec;
  const std::vector<fs::path> files = list_files(dir, ec);
  if (ec) {
    std::cerr << "feedsieve parse: " << dir.string() << ": " << ec.message() << "\n";
    return exit_failure;
  }
  Totals totals;
  const auto start = std::chrono::steady_clock::now();
  for (const fs::path& file : files) parse_file(dir, file, options, totals);
  const std::chrono::duration<double> elapsed = std::chrono::steady_clock::now() - start;
  print_totals(totals, elapsed.count(), options.json);
  return totals.failed == 0 ? exit_ok : exit_failure;
}

}  // namespace feedsieve::cli
