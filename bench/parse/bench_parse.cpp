// bench_parse: parse_feed over a generated corpus, next to a raw pugixml DOM
// parse of the same bytes (boost::json for the JSON feeds) as the ceiling,
// and the items' HTML work alone (sanitize_html of the contents, html_to_text
// of the descriptions, no XML) as a floor under parse_feed.
//   bench_parse [--count N] [--huge N] [--seed S] [--only GROUP] [--write DIR]
// --only keeps the documents of one group of the "by encoding" table
// ("UTF-8", "JSON Feed", ...), to profile one of them.
// --write DIR writes the corpus as files and exits (bench/parse/compare.sh
// uses it to time other parsers on the same bytes).
#include <sys/resource.h>

#include <algorithm>
#include <boost/json.hpp>
#include <ctime>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <pugixml.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "bench/parse/corpus.hpp"
#include "feeds/parse/parse.hpp"
#include "feeds/text/html_text.hpp"
#include "feeds/url/base_url.hpp"

namespace {

struct Args {
  int count = 3000;
  int huge = 3;
  std::uint32_t seed = 20240501;
  std::string only;
  std::string write_dir;
};

Args read_args(int argc, char** argv) {
  Args args;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--count") args.count = std::atoi(argv[i + 1]);
    else if (flag == "--huge") args.huge = std::atoi(argv[i + 1]);
    else if (flag == "--seed") args.seed = static_cast<std::uint32_t>(std::strtoul(argv[i + 1], nullptr, 10));
    else if (flag == "--only") args.only = argv[i + 1];
    else if (flag == "--write") args.write_dir = argv[i + 1];
  }
  return args;
}

// Process CPU time, not wall time: the figures stay meaningful on a busy machine.
double seconds_of(const std::function<void()>& run) {
  const std::clock_t start = std::clock();
  run();
  return static_cast<double>(std::clock() - start) / CLOCKS_PER_SEC;
}

long peak_rss_mb() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss / 1024;
}

int write_corpus(const std::vector<bench::Document>& corpus, const std::filesystem::path& dir) {
  std::filesystem::create_directories(dir);
  for (const auto& doc : corpus) {
    std::ofstream out(dir / doc.name, std::ios::binary);
    out.write(doc.bytes.data(), static_cast<std::streamsize>(doc.bytes.size()));
    if (!out) {
      std::fprintf(stderr, "bench_parse: cannot write %s\n", (dir / doc.name).c_str());
      return 1;
    }
  }
  std::printf("wrote %zu files to %s\n", corpus.size(), dir.c_str());
  return 0;
}

// The raw parse and parse_feed of the documents `pick` keeps.
struct Timings {
  double raw = 0.0;
  double full = 0.0;
  double html = 0.0;
  std::size_t bytes = 0;
  std::size_t loaded = 0;  // kept, so the raw parse cannot be optimized away
  std::size_t html_out = 0;  // the same for the HTML work
  std::size_t items = 0;
  std::size_t failed = 0;
};

Timings time_parses(const std::vector<bench::Document>& corpus,
                    const std::function<bool(const bench::Document&)>& pick) {
  Timings t;
  t.raw = seconds_of([&] {
    for (const auto& doc : corpus) {
      if (!pick(doc)) continue;
      t.bytes += doc.bytes.size();
      if (doc.json) {
        t.loaded += boost::json::parse(doc.bytes).as_object().empty() ? 0 : 1;
        continue;
      }
      pugi::xml_document dom;
      t.loaded += dom.load_buffer(doc.bytes.data(), doc.bytes.size()) ? 1 : 0;
    }
  });
  t.full = seconds_of([&] {
    for (const auto& doc : corpus) {
      if (!pick(doc)) continue;
      try {
        t.items += feedsieve::parse_feed(doc.bytes).items.size();
      } catch (const feedsieve::ParseError& e) {
        ++t.failed;
        std::fprintf(stderr, "%s: %s\n", doc.name.c_str(), e.what());
      }
    }
  });
  t.html = seconds_of([&] {
    for (const auto& doc : corpus) {
      if (!pick(doc)) continue;
      const feedsieve::BaseUrl base(doc.base);
      for (const std::string& html : doc.contents) t.html_out += feedsieve::sanitize_html(html, base).size();
      for (const std::string& html : doc.descriptions) t.html_out += feedsieve::html_to_text(html).size();
    }
  });
  return t;
}

std::string group_of(const bench::Document& doc) { return doc.json ? "JSON Feed" : doc.encoding; }

std::vector<std::string> groups_of(const std::vector<bench::Document>& corpus) {
  std::vector<std::string> groups;
  for (const auto& doc : corpus)
    if (std::find(groups.begin(), groups.end(), group_of(doc)) == groups.end()) groups.push_back(group_of(doc));
  std::sort(groups.begin(), groups.end());
  return groups;
}

}  // namespace

int main(int argc, char** argv) {
  const Args args = read_args(argc, argv);
  std::vector<bench::Document> corpus = bench::generate_corpus(args.seed, args.count, args.huge);
  if (!args.only.empty())
    std::erase_if(corpus, [&](const bench::Document& doc) { return group_of(doc) != args.only; });
  if (!args.write_dir.empty()) return write_corpus(corpus, args.write_dir);

  const long rss_corpus = peak_rss_mb();

  const Timings all = time_parses(corpus, [](const bench::Document&) { return true; });
  const long rss_full = peak_rss_mb();

  const double mb = static_cast<double>(all.bytes) / 1e6;
  std::printf("corpus: %zu feeds (%d huge), %.1f MB, seed %u; %zu failed to parse\n", corpus.size(), args.huge, mb,
              args.seed, all.failed);
  std::printf("raw pugixml DOM: %8.1f MB/s  (%.3f s, %zu docs loaded)\n", mb / all.raw, all.raw, all.loaded);
  std::printf("parse_feed:      %8.1f MB/s  %10.0f items/s  (%.3f s, %zu items)  = %.0f%% of raw\n", mb / all.full,
              static_cast<double>(all.items) / all.full, all.full, all.items, 100.0 * all.raw / all.full);
  std::printf("HTML fields alone: %.3f s = %.0f%% of the parse_feed time, %.0f%% of the raw time\n", all.html,
              100.0 * all.html / all.full, 100.0 * all.html / all.raw);
  std::printf("peak RSS: %ld MB with the corpus loaded, %ld MB after both parses\n", rss_corpus, rss_full);
  std::printf("by encoding (JSON Feeds apart):\n");
  for (const std::string& group : groups_of(corpus)) {
    const Timings t = time_parses(corpus, [&](const bench::Document& doc) { return group_of(doc) == group; });
    std::printf("  %-14s %6.1f MB  raw %7.1f MB/s  parse_feed %7.1f MB/s  = %3.0f%% of raw\n", group.c_str(),
                static_cast<double>(t.bytes) / 1e6, static_cast<double>(t.bytes) / 1e6 / t.raw,
                static_cast<double>(t.bytes) / 1e6 / t.full, 100.0 * t.raw / t.full);
  }
  return all.failed == 0 ? 0 : 1;
}
