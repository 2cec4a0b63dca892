// Store::stories and Store::story: stories newest first, each with its
// sources, in two queries (stories, then all their sources at once).
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
constexpr const char* story_select =
    "SELECT s.id, s.story_id, s.title,"
    " coalesce(s.canonical_url, (SELECT i.link FROM items i WHERE i.story_id = s.id ORDER BY i.id LIMIT 1), ''),"
    " s.published, s.on_topic, s.topic_score, s.event_id FROM stories s";

// sort_time >= '' holds for every story, so "no since" needs no other SQL;
// on_topic >= 0 likewise for "include off-topic". Both stay index ranges.
constexpr const char* filters = " WHERE s.sort_time >= :since AND s.on_topic >= :min_on_topic";
constexpr const char* text_filter =
    " AND s.id IN (SELECT i.story_id FROM items_fts JOIN items i ON i.id = items_fts.rowid"
    " WHERE items_fts MATCH :match)";
constexpr const char* newest_first = " ORDER BY s.sort_time DESC, s.id DESC LIMIT :limit";

constexpr const char* sources_select =
    "SELECT i.story_id, f.name, i.link, i.title, coalesce(i.published, i.updated) AS dated"
    " FROM items i JOIN feeds f ON f.id = i.feed_id"
    " WHERE i.story_id IN (SELECT value FROM json_each(:stories))"
    " ORDER BY i.story_id, dated IS NULL, dated, i.id";

struct Row {
  std::int64_t id;
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
    rows.push_back({select.getColumn(0).getInt64(), std::move(view)});
  }
  return rows;
}

// All the sources of `rows` in one query: the ids travel as one bound JSON array.
void attach_sources(SQLite::Database& db, std::vector<Row>& rows) {
  if (rows.empty()) return;
  boost::json::array ids;
  std::unordered_map<std::int64_t, StoryView*> by_id;
  for (Row& row : rows) {
    ids.emplace_back(row.id);
    by_id.emplace(row.id, &row.view);
  }
  SQLite::Statement select(db, sources_select);
  select.bind(":stories", boost::json::serialize(ids));
  while (select.executeStep()) {
    by_id.at(select.getColumn(0).getInt64())
        ->sources.push_back(SourceView{select.getColumn(1).getString(), select.getColumn(2).getString(),
                                       select.getColumn(3).getString(), column_time(select.getColumn(4))});
  }
}

std::vector<StoryView> views(std::vector<Row>&& rows) {
  std::vector<StoryView> out;
  out.reserve(rows.size());
  for (Row& row : rows) out.push_back(std::move(row.view));
  return out;
}

std::vector<StoryView> query_stories(SQLite::Database& db, const StoryQuery& query) {
  const std::string match = store_detail::fts_match_expression(query.search);
  std::string sql = std::string(story_select) + filters;
  if (!match.empty()) sql += text_filter;
  sql += newest_first;
  SQLite::Statement select(db, sql);
  select.bind(":since", query.since ? format_rfc3339(*query.since) : std::string());
  select.bind(":min_on_topic", query.include_off_topic ? 0 : 1);
  if (!match.empty()) select.bind(":match", match);
  select.bind(":limit", std::clamp(query.limit, 0, max_story_limit));
  std::vector<Row> rows = read_stories(select);
  attach_sources(db, rows);
  return views(std::move(rows));
}

}  // namespace

std::vector<StoryView> Store::stories(const StoryQuery& query) const {
  return store_detail::guarded(impl_->path, "querying stories", [&] { return query_stories(impl_->db, query); });
}

std::optional<StoryView> Store::story(std::string_view story_id) const {
  return store_detail::guarded(impl_->path, "reading story " + std::string(story_id), [&] {
    SQLite::Statement select(impl_->db, std::string(story_select) + " WHERE s.story_id = :story_id");
    select.bind(":story_id", std::string(story_id));
    std::vector<Row> rows = read_stories(select);
    attach_sources(impl_->db, rows);
    std::optional<StoryView> found;
    if (!rows.empty()) found = std::move(rows.front().view);
    return found;
  });
}

}  // namespace feedsieve
