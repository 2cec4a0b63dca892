// `feedsieve query` on a big store: N items (default 1,000,000) from 2,000
// feeds over two years, about 1.3 items a story, a third of the stories on
// topic, titles and summaries drawn from a Zipf-like vocabulary so that some
// words are common and most are rare. Filled with plain SQL in one
// transaction (the full-text triggers index every item as it goes in).
// Times the store calls behind the query verb (Store::stories: the default
// listing, --since, --search with a common, a rare and a two-word query,
// --all) in-process, p50/p99 wall and CPU time over RUNS calls each, and the
// ranked searches of /api/stories (StoryQuery::ranked, the default there
// with q=), then the real binary for the query verb's cases.
// Usage: bench_query [ITEMS] [RUNS] [STORE]   (an existing STORE is reused)
#include <SQLiteCpp/SQLiteCpp.h>

#include <time.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include "daemon/store/store.hpp"
#include "bench/support/process.hpp"
#include "bench/support/store_fill.hpp"
#include "feeds/date/date.hpp"

extern char** environ;

using namespace feedsieve;
using feedsieve::bench::milliseconds_of;
using feedsieve::bench::run_quietly;

namespace {

constexpr int feeds = 2'000;
const Timestamp newest = parse_rfc3339("2026-12-01T00:00:00Z").value();

// Word r of the vocabulary is drawn with weight 1/(r+1): "w0" is very
// common, "w40000" rare.
class Words {
 public:
  explicit Words(int size) {
    double sum = 0;
    for (int r = 0; r < size; ++r) cumulative_.push_back(sum += 1.0 / (r + 1));
  }
  std::string text(std::mt19937_64& rng, int count) const {
    std::uniform_real_distribution<double> pick(0, cumulative_.back());
    std::string out;
    for (int i = 0; i < count; ++i) {
      const auto at = std::lower_bound(cumulative_.begin(), cumulative_.end(), pick(rng)) - cumulative_.begin();
      out += (i ? " w" : "w") + std::to_string(at);
    }
    return out;
  }

 private:
  std::vector<double> cumulative_;
};

void fill(const std::filesystem::path& path, int items) {
  SQLite::Database db = bench::open_for_bulk_fill(path);
  SQLite::Transaction transaction(db);
  bench::insert_feeds(db, feeds, [](int f) {
    return "https://host" + std::to_string(f % 300) + ".example/feed-" + std::to_string(f);
  });
  SQLite::Statement story(db, "INSERT INTO stories (story_id, canonical_url, title, published, first_seen, on_topic,"
                              " topic_score) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6)");
  SQLite::Statement item(db, "INSERT INTO items (feed_id, story_id, guid, link, canonical_link, title, summary,"
                             " published, fetched_at, last_seen_at, on_topic, topic_score, fingerprinted)"
                             " VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?7, ?7, ?7, ?8, ?9, 1)");
  const Words words(50'000);
  std::mt19937_64 rng(42);
  const auto span = std::chrono::seconds(2 * 365 * 86400);
  std::int64_t story_row = 0;
  std::string title, link, when;
  bool on_topic = false;
  for (int i = 0; i < items; ++i) {
    // About one item in four is another feed's copy of the previous story.
    if (i == 0 || rng() % 4 != 0) {
      const auto age = span * (static_cast<double>(items - i) / items);
      when = format_rfc3339(newest - std::chrono::duration_cast<std::chrono::seconds>(age));
      title = words.text(rng, 8);
      link = "https://news" + std::to_string(rng() % 500) + ".example/" + std::to_string(i);
      on_topic = rng() % 3 == 0;
      story.reset();
      story.bind(1, std::to_string(1'000'000'000'000 + i));
      story.bind(2, link);
      story.bind(3, title);
      story.bind(4, when);
      story.bind(5, on_topic ? 1 : 0);
      story.bind(6, on_topic ? 2.5 : 0.0);
      story.exec();
      story_row = db.getLastInsertRowid();
    }
    item.reset();
    item.bind(1, static_cast<std::int64_t>(rng() % feeds + 1));
    item.bind(2, story_row);
    item.bind(3, "guid-" + std::to_string(i));
    item.bind(4, link);
    item.bind(5, title);
    item.bind(6, words.text(rng, 30));
    item.bind(7, when);
    item.bind(8, on_topic ? 1 : 0);
    item.bind(9, on_topic ? 2.5 : 0.0);
    item.exec();
  }
  transaction.commit();
  db.exec("ANALYZE");
}

// On a shared, loaded machine the wall time mostly measures the wait for a
// core; the calling thread's CPU time is the query's own cost.
double thread_cpu_ms() {
  timespec now{};
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
  return static_cast<double>(now.tv_sec) * 1e3 + static_cast<double>(now.tv_nsec) / 1e6;
}

double at(const std::vector<double>& sorted, double q) {
  return sorted[std::min(sorted.size() - 1, static_cast<std::size_t>(q * sorted.size()))];
}

// `rows` is the stories of one run, when the case counts them.
void report(const std::string& what, std::vector<double> ms, std::optional<std::size_t> rows,
            std::vector<double> cpu = {}) {
  std::sort(ms.begin(), ms.end());
  std::sort(cpu.begin(), cpu.end());
  std::printf("%-48s p50 %7.2f ms  p99 %7.2f ms  max %7.2f ms", what.c_str(), at(ms, 0.5), at(ms, 0.99), ms.back());
  if (!cpu.empty()) std::printf("  cpu p50 %6.2f p99 %6.2f ms", at(cpu, 0.5), at(cpu, 0.99));
  if (rows) std::printf("  (%zu stories, %zu runs)\n", *rows, ms.size());
  else std::printf("  (the process from spawn to exit, %zu runs)\n", ms.size());
}

struct Case {
  std::string name;
  StoryQuery query;
  std::vector<std::string> cli;  // the same as `feedsieve query` arguments
  bool verb = true;              // false: only the API asks for it (ranked)
};

std::vector<Case> cases() {
  const auto since = [](int days) { return newest - std::chrono::days(days); };
  const auto search = [](std::string words, bool all = false, bool ranked = false) {
    StoryQuery q;
    q.search = std::move(words);
    q.include_off_topic = all;
    q.ranked = ranked;
    return q;
  };
  const auto ranked = [&](std::string words) { return search(std::move(words), false, true); };
  StoryQuery all;
  all.include_off_topic = true;
  StoryQuery week;
  week.since = since(7);
  StoryQuery old_since;
  old_since.since = since(700);
  StoryQuery big;
  big.limit = 1000;
  return {
      {"default (50 newest on topic)", {}, {}},
      {"--all", all, {"--all"}},
      {"--limit 1000", big, {"--limit", "1000"}},
      {"--since 7d", week, {"--since", format_rfc3339(since(7))}},
      {"--since 700d", old_since, {"--since", format_rfc3339(since(700))}},
      {"--search w0 (most common word)", search("w0"), {"--search", "w0"}},
      {"--search w40 (common)", search("w40"), {"--search", "w40"}},
      {"--search w4000 (rare)", search("w4000"), {"--search", "w4000"}},
      {"--search w40000 (very rare)", search("w40000"), {"--search", "w40000"}},
      {"--search \"w40 w400\" (two words)", search("w40 w400"), {"--search", "w40 w400"}},
      {"--search w4000 --all", search("w4000", true), {"--search", "w4000", "--all"}},
      {"ranked w0", ranked("w0"), {}, false},
      {"ranked w40", ranked("w40"), {}, false},
      {"ranked w4000", ranked("w4000"), {}, false},
      {"ranked \"w40 w400\"", ranked("w40 w400"), {}, false},
      {"ranked \"w0 w4000\"", ranked("w0 w4000"), {}, false},
      {"ranked \"w0 w1 w2\"", ranked("w0 w1 w2"), {}, false},
  };
}

}  // namespace

int main(int argc, char** argv) {
  const int items = argc > 1 ? std::atoi(argv[1]) : 1'000'000;
  const int runs = argc > 2 ? std::atoi(argv[2]) : 200;
  const bool keep = argc > 3;
  const auto dir = std::filesystem::temp_directory_path() / ("feedsieve-bench-query-" + std::to_string(::getpid()));
  const std::filesystem::path store = keep ? std::filesystem::path(argv[3]) : dir / "store.db";
  std::filesystem::create_directories(keep ? store.parent_path() : dir);
  if (!std::filesystem::exists(store))
    std::printf("filling %d items: %.1f s\n", items, milliseconds_of([&] { fill(store, items); }) / 1000);
  { Store migrate(store); }  // a reused store from an older feedsieve is brought up to date first
  const Store reader(store, Store::Mode::read_only);
  const auto config = (keep ? store.parent_path() : dir) / "query-bench.toml";
  std::ofstream(config) << "[store]\npath = \"" << std::filesystem::absolute(store).string() << "\"\n";

  for (const auto& c : cases()) {
    std::vector<double> ms;
    std::vector<double> cpu;
    std::size_t rows = 0;
    for (int run = 0; run < runs; ++run) {
      const double cpu_start = thread_cpu_ms();
      ms.push_back(milliseconds_of([&] { rows = reader.stories(c.query).size(); }));
      cpu.push_back(thread_cpu_ms() - cpu_start);
    }
    report("Store::stories " + c.name, ms, rows, cpu);
  }
  for (const auto& c : cases()) {
    if (!c.verb) continue;
    std::vector<double> ms;
    for (int run = 0; run < std::max(runs / 10, 5); ++run) {
      std::vector<std::string> args{FEEDSIEVE_BINARY, "query", "--format", "json", "--config", config.string()};
      args.insert(args.end(), c.cli.begin(), c.cli.end());
      ms.push_back(milliseconds_of([&] { run_quietly(args); }));
    }
    report("feedsieve query " + c.name, ms, std::nullopt);
  }
  if (!keep) std::filesystem::remove_all(dir);
  return 0;
}
