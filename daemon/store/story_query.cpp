// Store::stories, Store::story_page and Store::story: stories newest first (or
// by bm25 rank), each with its sources, in two queries (stories, then all
// their sources at once). Pages continue by keyset (the last story's sort key
// and row), so a page never repeats or skips a story because others arrived.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <boost/json.hpp>
#include <string>
#include <unordered_map>

#include "daemon/store/fts_query.hpp"
#include "daemon/store/optional_text.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/store_impl.hpp"
#include "daemon/store/time_text.hpp"

namespace feedsieve {
namespace {

using store_detail::column_time;

// A story without a canonical link shows its first item's link instead.
// Columns 8 and 9 are the listing position: sort_time and the bm25 rank.
constexpr const char* story_columns =
    "SELECT s.id, s.story_id, s.title,"
    " coalesce(s.canonical_url, (SELECT i.link FROM items i WHERE i.story_id = s.id ORDER BY i.id LIMIT 1), ''),"
    " s.published, s.on_topic, s.topic_score, s.event_id, s.sort_time";
constexpr const char* from_stories = ", 0.0 FROM stories s";
// Each matching story's best item rank (FTS5's rank is bm25: lower is better).
constexpr const char* from_ranked_matches =
    ", m.best FROM (SELECT i.story_id AS sid, min(items_fts.rank) AS best FROM items_fts"
    " JOIN items i ON i.id = items_fts.rowid WHERE items_fts MATCH :match GROUP BY i.story_id) m"
    " JOIN stories s ON s.id = m.sid";

// sort_time >= '' holds for every story, so "no since" needs no other SQL;
// on_topic between 0 and 1 likewise for "any verdict". Both stay index ranges.
constexpr const char* filters =
    " WHERE s.sort_time >= :since AND s.on_topic >= :min_on_topic AND s.on_topic <= :max_on_topic";
constexpr const char* until_filter = " AND s.sort_time < :until";
// Two plans for "newest stories that match", chosen by how common the match is:
// a rare one collects its few matching stories first; a common one walks
// stories newest first and probes the index per story, so it stops after a
// page instead of collecting hundreds of thousands of matches.
constexpr const char* text_filter_collect =
    " AND s.id IN (SELECT i.story_id FROM items_fts JOIN items i ON i.id = items_fts.rowid"
    " WHERE items_fts MATCH :match)";
constexpr const char* text_filter_probe =
    " AND EXISTS (SELECT 1 FROM items i JOIN items_fts ON items_fts.rowid = i.id"
    " WHERE i.story_id = s.id AND items_fts MATCH :match)";
constexpr const char* capped_match_count =
    "SELECT count(*) FROM (SELECT 1 FROM items_fts WHERE items_fts MATCH :match LIMIT :cap)";
// Written as a range on sort_time plus a tie-break, so the index walk starts at the cursor.
constexpr const char* after_newest =
    " AND s.sort_time <= :after_time AND (s.sort_time < :after_time OR s.id < :after_row)";
constexpr const char* after_ranked = " AND (m.best > :after_rank OR (m.best = :after_rank AND s.id > :after_row))";
constexpr const char* newest_first = " ORDER BY s.sort_time DESC, s.id DESC LIMIT :limit";
constexpr const char* best_first = " ORDER BY m.best, s.id LIMIT :limit";

constexpr const char* sources_select =
    "SELECT i.story_id, f.name, i.link, i.title, coalesce(i.published, i.updated) AS dated"
    " FROM items i JOIN feeds f ON f.id = i.feed_id"
    " WHERE i.story_id IN (SELECT value FROM json_each(:stories))"
    " ORDER BY i.story_id, dated IS NULL, dated, i.id";

struct Row {
  StoryPosition position;
  StoryView view;
};

std::vector<Row> read_stories(SQLite::Statement& select) {
  std::vector<Row> rows;
  while (select.executeStep()) {
    StoryView view;
    view.story_id = select.getColumn(1).getString();
    view.title = select.getColumn(2).getString();
    view.url = select.getColumn(3).getString();
    view.published = column_time(select.getColumn(4));
    view.on_topic = select.getColumn(5).getInt() != 0;
    view.topic_score = select.getColumn(6).getDouble();
    view.event_id = store_detail::column_optional(select.getColumn(7));
    StoryPosition position{select.getColumn(8).getString(), select.getColumn(9).getDouble(),
                           select.getColumn(0).getInt64()};
    rows.push_back({std::move(position), std::move(view)});
  }
  return rows;
}

// All the sources of `rows` in one query: the ids travel as one bound JSON array.
void attach_sources(SQLite::Database& db, std::vector<Row>& rows) {
  if (rows.empty()) return;
  boost::json::array ids;
  std::unordered_map<std::int64_t, StoryView*> by_id;
  for (Row& row : rows) {
    ids.emplace_back(row.position.row);
    by_id.emplace(row.position.row, &row.view);
  }
  SQLite::Statement select(db, sources_select);
  select.bind(":stories", boost::json::serialize(ids));
  while (select.executeStep()) {
    by_id.at(select.getColumn(0).getInt64())
        ->sources.push_back(SourceView{select.getColumn(1).getString(), select.getColumn(2).getString(),
                                       select.getColumn(3).getString(), column_time(select.getColumn(4))});
  }
}

// A match in at least this share of the items (or this many) counts as common:
// walking newest stories then finds a page within a few thousand probes.
constexpr std::int64_t common_match_floor = 2'000;
constexpr std::int64_t common_match_divisor = 100;

bool common_match(SQLite::Database& db, const std::string& match) {
  const std::int64_t items = db.execAndGet("SELECT coalesce(max(id), 0) FROM items").getInt64();
  const std::int64_t cap = std::max(common_match_floor, items / common_match_divisor);
  SQLite::Statement count(db, capped_match_count);
  count.bind(":match", match);
  count.bind(":cap", cap);
  count.executeStep();
  return count.getColumn(0).getInt64() >= cap;
}

std::string listing_sql(const StoryQuery& query, bool searching, bool common) {
  const bool ranked = searching && query.ranked;
  std::string sql = std::string(story_columns) + (ranked ? from_ranked_matches : from_stories) + filters;
  if (query.until) sql += until_filter;
  if (searching && !ranked) sql += common ? text_filter_probe : text_filter_collect;
  if (query.after) sql += ranked ? after_ranked : after_newest;
  sql += ranked ? best_first : newest_first;
  return sql;
}

void bind_position(SQLite::Statement& select, const StoryPosition& after, bool ranked) {
  if (ranked) {
    select.bind(":after_rank", after.rank);
  } else {
    select.bind(":after_time", after.sort_time);
  }
  select.bind(":after_row", after.row);
}

// Reads up to `limit` stories; one row more tells whether a next page exists.
StoryPage query_page(SQLite::Database& db, const StoryQuery& query) {
  const std::string match = store_detail::fts_match_expression(query.search);
  const bool searching = !match.empty();
  const int limit = std::clamp(query.limit, 0, max_story_limit);
  const bool common = searching && !query.ranked && common_match(db, match);
  SQLite::Statement select(db, listing_sql(query, searching, common));
  select.bind(":since", query.since ? format_rfc3339(*query.since) : std::string());
  select.bind(":min_on_topic", query.include_off_topic || query.only_off_topic ? 0 : 1);
  select.bind(":max_on_topic", query.only_off_topic ? 0 : 1);
  if (query.until) select.bind(":until", format_rfc3339(*query.until));
  if (searching) select.bind(":match", match);
  if (query.after) bind_position(select, *query.after, searching && query.ranked);
  select.bind(":limit", limit + 1);
  std::vector<Row> rows = read_stories(select);
  StoryPage page;
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(static_cast<std::size_t>(limit));
    if (!rows.empty()) page.next = rows.back().position;
  }
  attach_sources(db, rows);
  page.stories.reserve(rows.size());
  for (Row& row : rows) page.stories.push_back(std::move(row.view));
  return page;
}

}  // namespace

std::vector<StoryView> Store::stories(const StoryQuery& query) const {
  return story_page(query).stories;
}

StoryPage Store::story_page(const StoryQuery& query) const {
  return store_detail::guarded(impl_->path, "querying stories", [&] { return query_page(impl_->db, query); });
}

std::optional<StoryView> Store::story(std::string_view story_id) const {
  return store_detail::guarded(impl_->path, "reading story " + std::string(story_id), [&] {
    SQLite::Statement select(impl_->db,
                             std::string(story_columns) + from_stories + " WHERE s.story_id = :story_id");
    select.bind(":story_id", std::string(story_id));
    std::vector<Row> rows = read_stories(select);
    attach_sources(impl_->db, rows);
    std::optional<StoryView> found;
    if (!rows.empty()) found = std::move(rows.front().view);
    return found;
  });
}

void Store::check_readable() const {
  store_detail::guarded(impl_->path, "reading the schema version",
                        [&] { return impl_->db.execAndGet("PRAGMA user_version").getInt(); });
}

}  // namespace feedsieve
