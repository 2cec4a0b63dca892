// Retention. An item expires when it was last listed by its feed longer ago
// than its story's keep_days (on-topic stories have their own), or when it
// is older than its feed's newest max_items_per_feed items. Items listed by
// their feed's latest successful poll never expire: removing them would only
// bring them back as new items at the next poll. A story goes only when every
// one of its items expired, and then with all of them, so a kept story keeps
// all of its sources.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "daemon/store/store.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/store_impl.hpp"
#include "daemon/store/time_text.hpp"

namespace feedsieve {
namespace {

constexpr const char* doomed_cte =
    "WITH expired(id, story_id) AS ("
    "  SELECT i.id, i.story_id FROM items i JOIN stories s ON s.id = i.story_id JOIN feeds f ON f.id = i.feed_id"
    "  WHERE (f.last_success IS NULL OR i.last_seen_at < f.last_success)"
    "    AND ((s.on_topic = 1 AND i.last_seen_at < :cut_on) OR (s.on_topic = 0 AND i.last_seen_at < :cut_off))"
    "  UNION"
    "  SELECT id, story_id FROM ("
    "    SELECT i.id, i.story_id, i.last_seen_at, f.last_success,"
    "           row_number() OVER (PARTITION BY i.feed_id"
    "                              ORDER BY coalesce(i.published, i.fetched_at) DESC, i.id DESC) AS newest"
    "    FROM items i JOIN feeds f ON f.id = i.feed_id)"
    "  WHERE newest > :max_items AND (last_success IS NULL OR last_seen_at < last_success)),"
    " doomed_stories(id) AS ("
    "  SELECT e.story_id FROM expired e GROUP BY e.story_id"
    "  HAVING count(*) = (SELECT count(*) FROM items i WHERE i.story_id = e.story_id))";

// A cutoff no item is older than stands for "keep forever".
std::string cutoff(const std::optional<std::chrono::days>& keep, Timestamp now) {
  return keep ? format_rfc3339(now - *keep) : std::string("0000");
}

void bind_policy(SQLite::Statement& statement, const RetentionPolicy& policy, Timestamp now) {
  statement.bind(":cut_on", cutoff(policy.keep_days_on_topic, now));
  statement.bind(":cut_off", cutoff(policy.keep_days, now));
  statement.bind(":max_items", static_cast<std::int64_t>(policy.max_items_per_feed.value_or(1'000'000'000)));
}

// What goes, per feed and in all, of `doomed`: a table or CTE of the items'
// ids and their stories (columns `id`, `story_id`). Per feed, how many items
// and the first and last time they were listed; the last column, the same on
// every row, is the stories.
std::string report_sql(const std::string& doomed) {
  return "SELECT f.name, count(*), min(i.last_seen_at), max(i.last_seen_at), (SELECT count(DISTINCT story_id) FROM " +
         doomed + ") FROM " + doomed +
         " d JOIN items i ON i.id = d.id JOIN feeds f ON f.id = i.feed_id"
         " GROUP BY f.id ORDER BY count(*) DESC, f.name";
}

PruneReport read_report(SQLite::Statement& select) {
  PruneReport report;
  while (select.executeStep()) {
    report.by_feed.push_back({select.getColumn(0).getString(), select.getColumn(1).getInt64(),
                              select.getColumn(2).getString(), select.getColumn(3).getString()});
    report.items += report.by_feed.back().items;
    report.stories = select.getColumn(4).getInt64();
  }
  return report;
}

PruneReport count_doomed(SQLite::Database& db, const RetentionPolicy& policy, Timestamp now) {
  SQLite::Statement count(db, std::string(doomed_cte) +
                                  ", doomed AS MATERIALIZED (SELECT id, story_id FROM expired"
                                  " WHERE story_id IN doomed_stories) " +
                                  report_sql("doomed"));
  bind_policy(count, policy, now);
  return read_report(count);
}

PruneReport delete_doomed(SQLite::Database& db, const RetentionPolicy& policy, Timestamp now) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  db.exec("DROP TABLE IF EXISTS temp.doomed_items");
  SQLite::Statement collect(db, "CREATE TEMP TABLE doomed_items AS " + std::string(doomed_cte) +
                                    " SELECT id, story_id FROM expired WHERE story_id IN doomed_stories");
  bind_policy(collect, policy, now);
  collect.exec();
  SQLite::Statement counted(db, report_sql("temp.doomed_items"));
  const PruneReport report = read_report(counted);
  // The dedup lookup tables hold plain ids, not foreign keys: clear them too.
  db.exec("DELETE FROM simhash_bands WHERE item_id IN (SELECT id FROM temp.doomed_items)");
  db.exec("DELETE FROM items WHERE id IN (SELECT id FROM temp.doomed_items)");
  db.exec("DELETE FROM story_terms WHERE story_id IN (SELECT story_id FROM temp.doomed_items)");
  db.exec("DELETE FROM stories WHERE id IN (SELECT story_id FROM temp.doomed_items)");
  db.exec("DROP TABLE temp.doomed_items");
  transaction.commit();
  return report;
}

// Only a store with auto_vacuum = INCREMENTAL (set when feedsieve creates the
// file; an older file after a one-time VACUUM, docs/config.md) can give pages back
// without a full VACUUM; otherwise SQLite reuses the freed pages for new
// items. The checkpoint moves the shorter file out of the WAL soon, without
// waiting for readers.
void give_pages_back(SQLite::Database& db) {
  if (db.execAndGet("PRAGMA auto_vacuum").getInt() != 2) return;
  db.exec("PRAGMA incremental_vacuum");
  db.exec("PRAGMA wal_checkpoint(PASSIVE)");
}

}  // namespace

PruneReport Store::prune(const RetentionPolicy& policy, Timestamp now, bool dry_run) {
  if (!policy.any()) return {};
  return store_detail::guarded(impl_->path, dry_run ? "counting what retention would remove" : "pruning", [&] {
    if (dry_run || impl_->mode == Mode::read_only) return count_doomed(impl_->db, policy, now);
    const PruneReport report = delete_doomed(impl_->db, policy, now);
    if (report.items > 0) give_pages_back(impl_->db);
    return report;
  });
}

}  // namespace feedsieve
