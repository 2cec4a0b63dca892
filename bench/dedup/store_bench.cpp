// bench_dedup --store [ITEMS] [PER_POLL]: the synthetic corpus recorded into
// a real SQLite store in a temporary directory, through Store::record_poll,
// PER_POLL items a poll and each poll from one feed (feeds take turns, so an
// article's copies arrive in later polls of other feeds). Reports:
// - record_poll items/s: everything a poll stores (items, FTS, stories,
//   story assignment, events), end to end, one transaction a poll;
// - lookup items/s: StoryMatcher::find alone against the full store, the
//   indexed SQL of story assignment;
// - precision/recall of the stories the store made, as bench_dedup does;
// - how many stories joined events, and a digest of every item's story and
//   event (story_id, event_id: both derived from content, so a change that
//   keeps every assignment keeps the digest);
// - EXPLAIN QUERY PLAN of the story and event matchers' statements.
#include "bench/dedup/store_bench.hpp"

#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <random>
#include <string>
#include <vector>

#include "bench/dedup/scoring.hpp"
#include "bench/dedup/stopwatch.hpp"
#include "bench/dedup/synthetic.hpp"
#include "daemon/store/event_match.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/story_match.hpp"
#include "feeds/dedup/fingerprint.hpp"
#include "feeds/stable_hash.hpp"

namespace feedsieve::bench {
namespace {

// The store's directory, removed when the bench ends.
class ScratchDir {
 public:
  ScratchDir()
      : path_(std::filesystem::temp_directory_path() / ("feedsieve-bench-dedup-" + std::to_string(getpid()))) {
    std::filesystem::create_directories(path_);
  }
  ~ScratchDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  ScratchDir(const ScratchDir&) = delete;
  ScratchDir& operator=(const ScratchDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

const Timestamp start_time = std::chrono::sys_days{std::chrono::year{2024} / std::chrono::May / 1};

NormalizedItem to_item(const Synthetic& s, std::size_t index) {
  NormalizedItem item;
  item.item.id = std::to_string(index);
  item.item.title = s.title;
  item.item.summary = s.body;
  item.item.published = start_time + std::chrono::seconds{index};
  return item;
}

// Round robin over the feeds, each poll up to per_poll of the feed's next
// items in corpus order.
std::vector<PollRecord> polls(const std::vector<Synthetic>& items, const std::vector<std::int64_t>& feed_ids,
                              std::size_t per_poll) {
  std::vector<std::vector<std::size_t>> queues(feed_ids.size());
  for (std::size_t i = 0; i < items.size(); ++i) queues[items[i].feed].push_back(i);
  std::vector<PollRecord> out;
  for (std::size_t round = 0, left = items.size(); left > 0; ++round) {
    for (std::size_t f = 0; f < queues.size(); ++f) {
      const std::size_t from = round * per_poll;
      if (from >= queues[f].size()) continue;
      PollRecord poll;
      poll.feed_id = feed_ids[f];
      poll.attempted_at = start_time + std::chrono::minutes{round};
      poll.status = PollStatus::ok;
      poll.http_status = 200;
      poll.next_poll = poll.attempted_at + std::chrono::minutes{30};
      for (std::size_t q = from; q < std::min(queues[f].size(), from + per_poll); ++q, --left)
        poll.items.push_back(to_item(items[queues[f][q]], queues[f][q]));
      out.push_back(std::move(poll));
    }
  }
  return out;
}

void print_plans(SQLite::Database& db) {
  std::vector<std::string> statements = store_detail::StoryMatcher::statements();
  for (const std::string& sql : store_detail::EventMatcher::statements()) statements.push_back(sql);
  for (const std::string& sql : statements) {
    std::printf("EXPLAIN QUERY PLAN %.60s...\n", sql.c_str());
    SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
    while (plan.executeStep()) std::printf("  %s\n", plan.getColumn(3).getString().c_str());
  }
}

// The story (stories.id) of every item, by corpus index.
std::vector<std::uint32_t> stored_stories(SQLite::Database& db, std::size_t count) {
  std::vector<std::uint32_t> out(count);
  SQLite::Statement rows(db, "SELECT guid, story_id FROM items");
  while (rows.executeStep())
    out[std::stoull(rows.getColumn(0).getString())] = static_cast<std::uint32_t>(rows.getColumn(1).getInt64());
  return out;
}

void report_assignments(SQLite::Database& db) {
  SQLite::Statement rows(db,
                         "SELECT i.guid, s.story_id, coalesce(s.event_id, '') FROM items i"
                         " JOIN stories s ON s.id = i.story_id ORDER BY i.guid");
  std::string all;
  while (rows.executeStep())
    for (int column = 0; column < 3; ++column) all += rows.getColumn(column).getString() + (column < 2 ? ' ' : '\n');
  const long long in_events = db.execAndGet("SELECT count(*) FROM stories WHERE event_id IS NOT NULL").getInt64();
  const long long events = db.execAndGet("SELECT count(DISTINCT event_id) FROM stories").getInt64();
  std::printf("events: %lld stories in %lld events; assignment digest %016llx\n", in_events, events,
              static_cast<unsigned long long>(stable_hash(all)));
}

void time_lookups(SQLite::Database& db, const std::vector<Synthetic>& items, const std::vector<std::int64_t>& feed_ids) {
  const std::size_t sample = std::min<std::size_t>(items.size(), 20000);
  std::vector<Fingerprint> prints;
  for (std::size_t i = 0; i < sample; ++i) prints.push_back(fingerprint(items[i].title, items[i].body));
  store_detail::StoryMatcher matcher(db);
  std::size_t found = 0;
  Stopwatch watch;
  for (std::size_t i = 0; i < sample; ++i)
    found += matcher.find(feed_ids[items[i].feed], prints[i], std::nullopt) ? 1 : 0;
  report("store lookup (find)", sample, watch.lap());
  std::printf("  (%zu of %zu sample items found a match)\n", found, sample);
}

}  // namespace

int through_store(std::size_t count, std::size_t per_poll) {
  std::mt19937_64 rng(20240501);
  const auto feeds = static_cast<std::uint32_t>(std::max<std::size_t>(2, count / (4 * std::max<std::size_t>(per_poll, 1))));
  std::printf("generating %zu items from %u feeds, %zu items a poll...\n", count, feeds, per_poll);
  const std::vector<Synthetic> items = generate(count, rng, feeds);
  const ScratchDir dir;
  const std::filesystem::path path = dir.path() / "feedsieve.db";
  std::vector<std::int64_t> feed_ids;
  {
    Store store(path);
    for (std::uint32_t f = 0; f < feeds; ++f)
      feed_ids.push_back(store.upsert_feed("feed " + std::to_string(f), "http://feed" + std::to_string(f) + ".test/").id);
    const std::vector<PollRecord> all = polls(items, feed_ids, per_poll);
    Stopwatch watch;
    for (const PollRecord& poll : all) store.record_poll(poll);
    report("record_poll", count, watch.lap());
    std::printf("  (%zu polls; store file %.1f MiB)\n", all.size(),
                static_cast<double>(std::filesystem::file_size(path)) / (1024.0 * 1024.0));
  }
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  report_assignments(db);
  time_lookups(db, items, feed_ids);
  score_pairs(stored_stories(db, count), items);
  score_kinds(stored_stories(db, count), items);
  print_plans(db);
  return 0;
}

}  // namespace feedsieve::bench
