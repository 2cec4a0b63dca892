// bench_parse: parse_feed over a generated corpus, next to a raw pugixml DOM
// parse of the same bytes (boost::json for the JSON feeds) as the ceiling.
//   bench_parse [--count N] [--huge N] [--seed S] [--write DIR]
// --write DIR writes the corpus as files and exits (bench/parse/compare.sh
// uses it to time other parsers on the same bytes).
#include <sys/resource.h>

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

#include "bench/parse/corpus.hpp"
#include "feeds/parse/parse.hpp"

namespace {

struct Args {
  int count = 3000;
  int huge = 3;
  std::uint32_t seed = 20240501;
  std::string write_dir;
};

Args read_args(int argc, char** argv) {
  Args args;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string_view flag = argv[i];
    if (flag == "--count") args.count = std::atoi(argv[i + 1]);
    else if (flag == "--huge") args.huge = std::atoi(argv[i + 1]);
    else if (flag == "--seed") args.seed = static_cast<std::uint32_t>(std::strtoul(argv[i + 1], nullptr, 10));
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

}  // namespace

int main(int argc, char** argv) {
  const Args args = read_args(argc, argv);
  const std::vector<bench::Document> corpus = bench::generate_corpus(args.seed, args.count, args.huge);
  if (!args.write_dir.empty()) return write_corpus(corpus, args.write_dir);

  std::size_t bytes = 0;
  for (const auto& doc : corpus) bytes += doc.bytes.size();
  const long rss_corpus = peak_rss_mb();

  std::size_t nodes = 0;  // kept, so the raw parse cannot be optimized away
  const double raw = seconds_of([&] {
    for (const auto& doc : corpus) {
      if (doc.json) {
        nodes += boost::json::parse(doc.bytes).as_object().size();
        continue;
      }
      pugi::xml_document dom;
      nodes += dom.load_buffer(doc.bytes.data(), doc.bytes.size()) ? 1 : 0;
    }
  });
  const long rss_raw = peak_rss_mb();

  std::size_t items = 0;
  std::size_t failed = 0;
  const double full = seconds_of([&] {
    for (const auto& doc : corpus) {
      try {
        items += feedsieve::parse_feed(doc.bytes).items.size();
      } catch (const feedsieve::ParseError& e) {
        ++failed;
        std::fprintf(stderr, "%s: %s\n", doc.name.c_str(), e.what());
      }
    }
  });
  const long rss_full = peak_rss_mb();

  const double mb = static_cast<double>(bytes) / 1e6;
  std::printf("corpus: %zu feeds (%d huge), %.1f MB, seed %u; %zu failed to parse\n", corpus.size(), args.huge, mb,
              args.seed, failed);
  std::printf("raw pugixml DOM: %8.1f MB/s  (%.3f s, %zu docs loaded)\n", mb / raw, raw, nodes);
  std::printf("parse_feed:      %8.1f MB/s  %10.0f items/s  (%.3f s, %zu items)  = %.0f%% of raw\n", mb / full,
              static_cast<double>(items) / full, full, items, 100.0 * raw / full);
  std::printf("peak RSS: %ld MB with the corpus loaded, %ld MB after raw, %ld MB after parse_feed\n", rss_corpus,
              rss_raw, rss_full);
  return failed == 0 ? 0 : 1;
}
