// Store::stories, Store::story_page and Store::story: stories newest first (or,
// for a search, by story_rank, search_rank.hpp), each with its sources, in two queries (stories,
// then all their sources at once). Pages continue by keyset (the last story's
// sort key and row), so a page never repeats or skips a story because others
// arrived; a ranked search also keeps the window of stories it ranks.
#include <SQLiteCpp/SQLiteCpp.h>

#include <algorithm>
#include <boost/json.hpp>
#include <functional>
#include <string>
#include <unordered_map>
#include <variant>
#include <vector>

#include "daemon/store/fts_query.hpp"
#include "daemon/store/optional_text.hpp"
#include "daemon/store/search_rank.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/store_impl.hpp"
#include "daemon/store/time_text.hpp"

namespace feedsieve {
namespace {

using store_detail::column_time;

// A story without a canonical link shows its first item's link instead.
// Columns 8 and 9 are the listing position: sort_time and the rank; a
// ranked search adds its window's lowest and highest key and size (10 to 12),
// a newest-first search the listing key it merges its arms by (10).
constexpr const char* story_columns =
    "SELECT s.id, s.story_id, s.title,"
    " coalesce(s.canonical_url, (SELECT i.link FROM items i WHERE i.story_id = s.id ORDER BY i.id LIMIT 1), ''),"
    " s.published, s.on_topic, s.topic_score, s.event_id, s.sort_time";
constexpr const char* from_stories = ", 0.0 FROM stories s";

// sort_time >= '' holds for every story, so "no since" needs no other SQL;
// on_topic between 0 and 1 likewise for "any verdict". Both stay index ranges.
constexpr const char* filters =
    " WHERE s.sort_time >= :since AND s.on_topic >= :min_on_topic AND s.on_topic <= :max_on_topic";
// A search reads the verdict's own table instead (search_tables_of).
constexpr const char* search_filters = " WHERE s.sort_time >= :since";
constexpr const char* until_filter = " AND s.sort_time < :until";
// Written as a range on sort_time plus a tie-break, so the index walk starts at the cursor.
constexpr const char* after_newest =
    " AND s.sort_time <= :after_time AND (s.sort_time < :after_time OR s.id < :after_row)";
constexpr const char* newest_first = " ORDER BY s.sort_time DESC, s.id DESC LIMIT :limit";

// Searches read the full-text tables (schema v10, keys of v11), one per
// verdict, whose rowid is the story's listing key, so "newest first" is
// "rowid descending" and the walk stops after a page. Stories of one minute
// list by row. A search of both verdicts is a compound
// SELECT of one arm per table ordered by the key: SQLite merges the arms,
// each walked in key order by FTS5 and stepped only as far as the merge takes
// it, so the two walks together read and rank no more rows than the result has.
constexpr const char* newest_key = "listing_key";
constexpr const char* window_key = "search_key";
// Ranked: story_rank over the newest ranked_search_window matching stories
// (or the window a cursor pinned), then the page cut from that ranking.
// A search of several words gives each word's document frequency as :df0...
constexpr const char* frequency_parameter = ":df";
// When no more stories can match than the window holds, the window is every
// match and is read oldest first: FTS5 skips through a common word's doclist
// by its index going up, but steps through it row by row going down.
constexpr const char* every_match_order = " ASC";
constexpr const char* newest_order = " DESC";
// The page is cut from the window before any story is read: sorting the
// window's keys and ranks alone, then reading the page's stories, instead of
// carrying every column of the whole window through the sort.
constexpr const char* page_of_window = " p AS MATERIALIZED (SELECT w.story_row, w.rank FROM c, w";
// Within a rank, stories order by row (and the page by s.id, the same row).
constexpr const char* window_order = " ORDER BY w.rank, w.story_row LIMIT :limit)";
constexpr const char* ranked_page_select =
    ", p.rank, b.low, b.high, b.n FROM b, p JOIN stories s ON s.id = p.story_row ORDER BY p.rank, s.id";
// The window's bounds and size; and where the cursor's story ranks now (new
// stories move every score a little), its saved rank when it has gone.
// Both are one row, computed once.
constexpr const char* window_bounds =
    " b AS MATERIALIZED (SELECT min(search_key) AS low, max(search_key) AS high, count(*) AS n FROM w),"
    " c AS MATERIALIZED (SELECT coalesce((SELECT rank FROM w WHERE story_row = :after_row), :after_rank) AS rank)";
// Widened to both verdicts of the bounds' rows: a bound story whose verdict
// changed since keeps its place in the window.
constexpr const char* pinned_window = " AND f.rowid BETWEEN (:window_low | 1) - 1 AND :window_high | 1";
constexpr const char* after_ranked = " WHERE (w.rank, w.story_row) > (c.rank, :after_row)";

using store_detail::key_row_sql;
using store_detail::search_key_sql;

// The full-text tables the query's verdict filter reads.
std::vector<std::string> search_tables_of(const StoryQuery& query) {
  const auto& [on_topic, off_topic] = store_detail::search_tables;
  if (query.only_off_topic) return {off_topic};
  if (query.include_off_topic) return {on_topic, off_topic};
  return {on_topic};
}

// The arms of a search, one per table, `arm` writing each; ordered by the
// column `key` (of every arm) and limited by `limit`.
std::string merged_arms(const StoryQuery& query, const std::function<std::string(const std::string&)>& arm,
                        const char* key, const char* order, const char* limit) {
  std::string sql;
  for (const std::string& table : search_tables_of(query)) sql += (sql.empty() ? "" : " UNION ALL ") + arm(table);
  return sql + " ORDER BY " + key + order + " LIMIT " + limit;
}

std::string from_search_matches(const std::string& table) {
  return " FROM " + table + " f JOIN stories s ON s.id = " + key_row_sql("f.rowid");
}

// A ranked window also reads each row's docsize record (rank_call).
std::string docsize_join(const std::string& table) {
  return " LEFT JOIN " + table + "_docsize d ON d.id = f.rowid";
}

// "story_rank(stories_fts_on, :rows, :tokens, :df0, :df1, d.sz)" for two
// phrases; no frequency (weight 1) for one. d is the row's docsize record
// (docsize_join), always last: read by the query's own join, it costs
// less than story_rank's lookup.
std::string rank_call(const std::string& table, std::size_t phrases) {
  std::string call = "story_rank(" + table + ", :rows, :tokens";
  for (std::size_t i = 0; phrases > 1 && i < phrases; ++i) call += ", " + (frequency_parameter + std::to_string(i));
  return call + ", d.sz)";
}

// The text filter and the key ranges since, until and a newest-first cursor
// allow. The ranges are whole minutes wide; the filters on stories stay exact.
std::string search_conditions(const StoryQuery& query, const std::string& table, bool ranked) {
  std::string sql = " " + table + " MATCH :match";
  if (query.since) sql += " AND f.rowid >= " + search_key_sql(":since", "0");
  if (query.until) sql += " AND f.rowid < " + search_key_sql(":until", "0") + " + " + std::to_string(store_detail::listing_key_minute);
  if (query.after) sql += ranked ? pinned_window : " AND f.rowid < " + search_key_sql(":after_time", ":after_row");
  return sql;
}

std::string filter_sql(const StoryQuery& query) {
  return std::string(filters) + (query.until ? until_filter : "");
}

std::string search_filter_sql(const StoryQuery& query) {
  return std::string(search_filters) + (query.until ? until_filter : "");
}

// The key follows the columns read_stories reads.
std::string newest_search_sql(const StoryQuery& query) {
  const auto arm = [&](const std::string& table) {
    return std::string(story_columns) + ", 0.0, f.rowid AS " + newest_key + from_search_matches(table) +
           search_filter_sql(query) + " AND" + search_conditions(query, table, false);
  };
  return merged_arms(query, arm, newest_key, newest_order, ":limit");
}

// Without since or until every row of a full-text table passes the stories'
// filters (schema.cpp's triggers keep the two in step, the verdict included):
// the window is read from the index alone, and only the page joins stories.
std::string ranked_search_sql(const StoryQuery& query, std::size_t phrases, bool every_match) {
  const bool by_time = query.since || query.until;
  const auto arm = [&](const std::string& table) {
    const std::string from = by_time ? from_search_matches(table) + docsize_join(table) + search_filter_sql(query)
                                     : " FROM " + table + " f" + docsize_join(table) + " WHERE";
    return "SELECT f.rowid AS " + std::string(window_key) + ", " + key_row_sql("f.rowid") + " AS story_row, " +
           rank_call(table, phrases) + " AS rank" + from + (by_time ? " AND" : "") +
           search_conditions(query, table, true);
  };
  const std::string window =
      merged_arms(query, arm, window_key, every_match ? every_match_order : newest_order, ":window");
  return "WITH w AS MATERIALIZED (" + window + ")," + window_bounds + "," + page_of_window +
         (query.after ? after_ranked : "") + window_order + " " + story_columns + ranked_page_select;
}

std::string listing_sql(const StoryQuery& query) {
  return std::string(story_columns) + from_stories + filter_sql(query) + (query.after ? after_newest : "") +
         newest_first;
}

constexpr const char* sources_select =
    "SELECT i.story_id, f.name, i.link, i.title, coalesce(i.published, i.updated) AS dated, i.language"
    " FROM items i JOIN feeds f ON f.id = i.feed_id"
    " WHERE i.story_id IN (SELECT value FROM json_each(:stories))"
    " ORDER BY i.story_id, dated IS NULL, dated, i.id";

struct Row {
  StoryPosition position;
  StoryView view;
};

StoryPosition read_position(SQLite::Statement& select) {
  return StoryPosition{select.getColumn(8).getString(), select.getColumn(9).getDouble(),
                       select.getColumn(0).getInt64()};
}

// A ranked search's window: the cursor's, or the one this first page ranked
// (from the lowest key when fewer stories matched than the window holds, so
// that later pages also rank the matches that arrive inside it).
void read_window(SQLite::Statement& select, const StoryQuery& query, StoryPosition& position) {
  if (query.after) {
    position.window_low = query.after->window_low;
    position.window_high = query.after->window_high;
    return;
  }
  const bool full = select.getColumn(12).getInt64() >= ranked_search_window;
  position.window_low = full ? select.getColumn(10).getInt64() : 0;
  position.window_high = select.getColumn(11).getInt64();
}

std::vector<Row> read_stories(SQLite::Statement& select, const StoryQuery* ranked = nullptr) {
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
    StoryPosition position = read_position(select);
    if (ranked != nullptr) read_window(select, *ranked, position);
    rows.push_back({std::move(position), std::move(view)});
  }
  return rows;
}

// All the sources of `rows` in one query: the ids travel as one bound JSON array.
void attach_sources(SQLite::Database& db, store_detail::StatementCache& statements, std::vector<Row>& rows) {
  if (rows.empty()) return;
  boost::json::array ids;
  std::unordered_map<std::int64_t, StoryView*> by_id;
  for (Row& row : rows) {
    ids.emplace_back(row.position.row);
    by_id.emplace(row.position.row, &row.view);
  }
  const store_detail::StatementCache::Use select = statements.prepare(db, sources_select);
  select->bind(":stories", boost::json::serialize(ids));
  while (select->executeStep()) {
    by_id.at(select->getColumn(0).getInt64())
        ->sources.push_back(SourceView{select->getColumn(1).getString(), select->getColumn(2).getString(),
                                       select->getColumn(3).getString(), column_time(select->getColumn(4)),
                                       select->getColumn(5).getString()});
  }
}

// Binds `name` when the statement has it: which filters a page's SQL tests
// depends on the query, and this keeps the two from having to agree.
template <typename Value>
void bind_if_used(SQLite::Statement& select, const char* name, const Value& value) {
  if (const int index = select.getIndex(name); index != 0) select.bind(index, value);
}

void bind_position(SQLite::Statement& select, const StoryPosition& after, bool ranked) {
  if (ranked) {
    select.bind(":after_rank", after.rank);
    select.bind(":window_low", after.window_low);
    select.bind(":window_high", after.window_high);
  } else {
    select.bind(":after_time", after.sort_time);
  }
  select.bind(":after_row", after.row);
}

std::string page_sql(const StoryQuery& query, std::size_t phrases, bool every_match) {
  if (phrases == 0) return listing_sql(query);
  return query.ranked ? ranked_search_sql(query, phrases, every_match) : newest_search_sql(query);
}

// Whether a word is counted in at most a window of stories: then so are the
// stories that have every word.
bool fits_window(const std::vector<store_detail::PhraseFrequency>& frequencies) {
  return std::any_of(frequencies.begin(), frequencies.end(), [](const store_detail::PhraseFrequency& frequency) {
    const auto* count = std::get_if<std::int64_t>(&frequency);
    return count != nullptr && *count <= ranked_search_window;
  });
}

// What story_rank is given besides the row: the corpus both tables make, and
// each phrase's document frequency.
struct RankInputs {
  store_detail::RankCorpus corpus;
  std::vector<store_detail::PhraseFrequency> frequencies;
};

// Reads up to `limit` stories of `sql`; one row more tells whether a next page exists.
std::vector<Row> read_page(SQLite::Database& db, store_detail::StatementCache& statements, const StoryQuery& query,
                           const std::vector<std::string>& phrases, const RankInputs& rank) {
  const std::vector<store_detail::PhraseFrequency>& frequencies = rank.frequencies;
  const bool searching = !phrases.empty();
  const bool ranked = searching && query.ranked;
  const store_detail::StatementCache::Use cached =
      statements.prepare(db, page_sql(query, phrases.size(), fits_window(frequencies)));
  SQLite::Statement& select = *cached;
  bind_if_used(select, ":since", query.since ? format_rfc3339(*query.since) : std::string());
  bind_if_used(select, ":min_on_topic", query.include_off_topic || query.only_off_topic ? 0 : 1);
  bind_if_used(select, ":max_on_topic", query.only_off_topic ? 0 : 1);
  if (query.until) select.bind(":until", format_rfc3339(*query.until));
  if (searching) select.bind(":match", store_detail::fts_match_expression(phrases));
  store_detail::bind_frequencies(select, frequency_parameter, frequencies);
  if (ranked) {
    select.bind(":rows", rank.corpus.rows);
    select.bind(":tokens", rank.corpus.tokens);
  }
  // A pinned window is whole; the bound stays because a cursor is the client's
  // to forge, and room for twice the window leaves space for late arrivals.
  if (ranked) select.bind(":window", query.after ? 2 * ranked_search_window : ranked_search_window);
  if (query.after) bind_position(select, *query.after, ranked);
  select.bind(":limit", std::clamp(query.limit, 0, max_story_limit) + 1);
  return read_stories(select, ranked ? &query : nullptr);
}

StoryPage query_page(SQLite::Database& db, store_detail::StatementCache& statements, const StoryQuery& query) {
  const std::vector<std::string> phrases = store_detail::fts_phrases(query.search);
  const bool ranked = !phrases.empty() && query.ranked;
  const int limit = std::clamp(query.limit, 0, max_story_limit);
  RankInputs rank;
  if (ranked) rank.corpus = store_detail::rank_corpus(db, statements);
  // One word's weight would scale every score alike, so only several are counted.
  if (ranked && phrases.size() > 1) rank.frequencies = store_detail::phrase_frequencies(db, statements, phrases);
  std::vector<Row> rows = read_page(db, statements, query, phrases, rank);
  StoryPage page;
  if (static_cast<int>(rows.size()) > limit) {
    rows.resize(static_cast<std::size_t>(limit));
    if (!rows.empty()) page.next = rows.back().position;
  }
  attach_sources(db, statements, rows);
  page.stories.reserve(rows.size());
  for (Row& row : rows) page.stories.push_back(std::move(row.view));
  return page;
}

}  // namespace

std::vector<StoryView> Store::stories(const StoryQuery& query) const {
  return story_page(query).stories;
}

// One read snapshot for the word counts, the page and its sources: a story
// that arrives in between would otherwise move a word past the window and
// push the newest match out of an oldest-first window.
StoryPage Store::story_page(const StoryQuery& query) const {
  return store_detail::guarded(impl_->path, "querying stories", [&] {
    SQLite::Transaction snapshot(impl_->db, SQLite::TransactionBehavior::DEFERRED);
    StoryPage page = query_page(impl_->db, impl_->statements, query);
    snapshot.commit();
    return page;
  });
}

std::optional<StoryView> Store::story(std::string_view story_id) const {
  return store_detail::guarded(impl_->path, "reading story " + std::string(story_id), [&] {
    std::vector<Row> rows;
    {
      const store_detail::StatementCache::Use select = impl_->statements.prepare(
          impl_->db, std::string(story_columns) + from_stories + " WHERE s.story_id = :story_id");
      select->bind(":story_id", std::string(story_id));
      rows = read_stories(*select);
    }
    attach_sources(impl_->db, impl_->statements, rows);
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
