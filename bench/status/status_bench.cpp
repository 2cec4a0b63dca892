// `feedsieve status` at scale: a store with N feeds (default 10,000), a few
// items each and a mix of healthy, failing, gone and never-polled feeds,
// filled with plain SQL in one transaction; a config listing every feed.
// Times the store read (feed_statuses) in-process, then the real binary,
// `status` and `status --format json`, wall clock from spawn to exit.
// Usage: bench_status [--keep DIR] [FEEDS] [ITEMS_PER_FEED] [RUNS]
// --keep DIR keeps the store and config in DIR and reuses them on a later run
// with the same FEEDS and ITEMS_PER_FEED, while the store has this build's
// schema (filling a million items takes minutes); otherwise DIR is refilled.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "daemon/store/feed_status.hpp"
#include "bench/support/process.hpp"
#include "feeds/date/date.hpp"

extern char** environ;

using namespace feedsieve;
using feedsieve::bench::milliseconds_of;
using feedsieve::bench::run_quietly;

namespace {

Timestamp now_utc() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

std::string at(Timestamp now, std::chrono::seconds offset) { return format_rfc3339(now + offset); }

void insert_feed(SQLite::Statement& feed, int f, Timestamp now) {
  using std::chrono::hours;
  using std::chrono::minutes;
  const std::string name = "feed-" + std::to_string(f);
  const bool failing = f % 10 == 0, gone = f % 97 == 0, pending = f % 101 == 0;
  feed.reset();
  feed.clearBindings();
  feed.bind(1, name);
  feed.bind(2, "https://host" + std::to_string(f % 50) + ".example/" + name);
  if (!pending) {
    feed.bind(3, at(now, minutes(30)));
    feed.bind(4, at(now, -minutes(f % 30)));
    if (!failing) feed.bind(5, at(now, -minutes(f % 30)));
    feed.bind(6, gone ? 410 : failing ? 500 : 200);
    feed.bind(7, failing || gone ? "HTTP 500 from https://host.example/" + name : "");
    feed.bind(8, failing || gone ? 3 : 0);
  }
  feed.exec();
}

// Items and one story each, dated an hour apart.
void insert_items(SQLite::Database& db, SQLite::Statement& story, SQLite::Statement& item, std::int64_t feed_id,
                  int f, int items, Timestamp now) {
  for (int i = 0; i < items; ++i) {
    const std::string guid = "feed-" + std::to_string(f) + "-" + std::to_string(i);
    const std::string link = "https://host.example/" + guid;
    const std::string when = at(now, -std::chrono::hours(i));
    story.reset();
    story.bind(1, guid);
    story.bind(2, link);
    story.bind(3, "Story " + guid);
    story.bind(4, when);
    story.exec();
    item.reset();
    item.bind(1, feed_id);
    item.bind(2, db.getLastInsertRowid());
    item.bind(3, guid);
    item.bind(4, link);
    item.bind(5, "Story " + guid);
    item.bind(6, when);
    item.exec();
  }
}

void fill(const std::filesystem::path& path, int feeds, int items) {
  { Store create(path); }  // the current schema
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  SQLite::Transaction transaction(db);
  SQLite::Statement feed(db,
                         "INSERT INTO feeds (name, url, next_poll, last_attempt, last_success, last_status,"
                         " last_error, error_count) VALUES (?1, ?2, ?3, ?4, ?5, coalesce(?6, 0), coalesce(?7, ''),"
                         " coalesce(?8, 0))");
  SQLite::Statement story(db, "INSERT INTO stories (story_id, canonical_url, title, published, first_seen)"
                              " VALUES (?1, ?2, ?3, ?4, ?4)");
  SQLite::Statement item(db,
                         "INSERT INTO items (feed_id, story_id, guid, link, canonical_link, title, published,"
                         " fetched_at, last_seen_at) VALUES (?1, ?2, ?3, ?4, ?4, ?5, ?6, ?6, ?6)");
  const Timestamp now = now_utc();
  for (int f = 0; f < feeds; ++f) {
    insert_feed(feed, f, now);
    if (f % 10 != 0 && f % 101 != 0) insert_items(db, story, item, db.getLastInsertRowid(), f, items, now);
  }
  transaction.commit();
}

void write_config(const std::filesystem::path& config, const std::filesystem::path& store, int feeds) {
  std::ofstream out(config);
  out << "[store]\npath = \"" << store.string() << "\"\n";
  for (int f = 0; f < feeds; ++f)
    out << "\n[[feeds]]\nname = \"feed-" << f << "\"\nurl = \"https://host" << f % 50 << ".example/feed-" << f
        << "\"\n" << (f % 13 == 0 ? "enabled = false\n" : "");
}

// What a kept directory was filled with, so a run with other sizes refills it.
std::string fill_mark(int feeds, int items) { return std::to_string(feeds) + " " + std::to_string(items); }

// The kept store is reusable when it was filled for these sizes and this
// build can read it as is (an older schema would be migrated by the binary).
bool reusable(const std::filesystem::path& dir, const std::string& mark) {
  std::ifstream in(dir / "filled");
  std::string found;
  if (!in || !std::getline(in, found) || found != mark) return false;
  try {
    const Store store(dir / "store.db", Store::Mode::read_only);
    return true;
  } catch (const StoreError&) {
    return false;
  }
}

// Fills dir (its earlier store removed first) unless --keep found it filled alike.
void prepare(const std::filesystem::path& dir, bool keep, int feeds, int items) {
  const auto store = dir / "store.db";
  const std::string mark = fill_mark(feeds, items);
  if (keep && reusable(dir, mark)) {
    std::printf("reusing the store in %s (%d feeds, %d items each)\n", dir.c_str(), feeds, items);
    return;
  }
  // Only what this bench writes: DIR may be a directory with other files.
  for (const char* name : {"store.db", "store.db-wal", "store.db-shm", "feedsieve.toml", "filled"})
    std::filesystem::remove(dir / name);
  std::filesystem::create_directories(dir);
  std::printf("filling %d feeds, %d items each: %.0f ms\n", feeds, items,
              milliseconds_of([&] { fill(store, feeds, items); }));
  write_config(dir / "feedsieve.toml", store, feeds);
  std::ofstream(dir / "filled") << mark << "\n";
}

void report(const char* what, std::vector<double> ms) {
  std::sort(ms.begin(), ms.end());
  std::printf("%-34s median %7.1f ms  max %7.1f ms  (%zu runs)\n", what, ms[ms.size() / 2], ms.back(), ms.size());
}

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  std::optional<std::filesystem::path> kept;
  if (args.size() >= 2 && args[0] == "--keep") {
    kept = args[1];
    args.erase(args.begin(), args.begin() + 2);
  }
  const int feeds = args.size() > 0 ? std::stoi(args[0]) : 10'000;
  const int items = args.size() > 1 ? std::stoi(args[1]) : 5;
  const int runs = args.size() > 2 ? std::stoi(args[2]) : 10;
  const auto dir = kept ? std::filesystem::absolute(*kept)
                        : std::filesystem::temp_directory_path() /
                              ("feedsieve-bench-status-" + std::to_string(::getpid()));
  prepare(dir, kept.has_value(), feeds, items);
  const auto store = dir / "store.db";
  const auto config = dir / "feedsieve.toml";

  const Store reader(store, Store::Mode::read_only);
  std::vector<double> in_process, table, json;
  std::size_t rows = 0;
  int exit_code = 0;
  for (int run = 0; run < runs; ++run) {
    in_process.push_back(milliseconds_of([&] { rows = feed_statuses(reader, now_utc()).size(); }));
    table.push_back(milliseconds_of([&] { exit_code = run_quietly({FEEDSIEVE_BINARY, "status", "--config", config}); }));
    json.push_back(milliseconds_of(
        [&] { run_quietly({FEEDSIEVE_BINARY, "status", "--format", "json", "--config", config}); }));
  }
  std::printf("%zu feeds in the store; `status` exit code %d\n", rows, exit_code);
  report("feed_statuses (in-process)", in_process);
  report("feedsieve status (table)", table);
  report("feedsieve status --format json", json);
  if (!kept) std::filesystem::remove_all(dir);
  return 0;
}
