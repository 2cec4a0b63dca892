// Searches through the full-text tables, one per verdict (schema v10, keyed
// by minute since v11): the index follows every change of items and of a
// story's date and verdict; newest-first and ranked pages of each verdict
// filter equal unbounded references; a ranked search ranks the newest
// ranked_search_window matches and keeps that window across its pages while
// stories arrive.
#include <catch2/catch.hpp>

#include <algorithm>
#include <functional>
#include <iterator>
#include <limits>
#include <set>

#include "daemon/store/fts_query.hpp"
#include "daemon/store/schema.hpp"
#include "daemon/store/store.hpp"
#include "tests/store/store_fixtures.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::make_item;
using feedsieve::test::may;
using feedsieve::test::ok_poll;
using feedsieve::test::scalar;
using feedsieve::test::TempDir;

namespace {

using Ids = std::vector<std::string>;

// Stories whose text has `words` in varied amounts; three stories share each
// minute, so ties on sort_time are broken by row as in the plain listing.
NormalizedItem seeded_item(int i, const std::string& prefix = "g") {
  const std::string n = std::to_string(i);
  std::string title = "Ledger entry " + n + (i % 3 != 0 ? " harbour" : "") + (i % 7 == 0 ? " quay" : "");
  NormalizedItem item =
      make_item(prefix + n, title, "https://port.test/" + prefix + n, may(1) + std::chrono::minutes(i / 3));
  for (int r = 0; r < i % 5; ++r) item.item.summary += "harbour tide ";
  for (int r = 0; r < i % 4; ++r) item.item.summary += "filler words of varied length ";
  item.on_topic = i % 6 != 1;
  return item;
}

// Stories with items whose row is not at their listing key in the table of
// their verdict.
std::int64_t stories_off_their_key(const std::filesystem::path& path) {
  return scalar(path, "SELECT count(*) FROM story_search_keys k JOIN stories s ON s.id = k.id WHERE EXISTS"
                      " (SELECT 1 FROM items i WHERE i.story_id = k.id) AND CASE WHEN s.on_topic != 0"
                      " THEN k.search_key NOT IN (SELECT rowid FROM stories_fts_on)"
                      " ELSE k.search_key NOT IN (SELECT rowid FROM stories_fts_off) END");
}

struct SearchStore {
  TempDir dir;
  std::filesystem::path path = dir / "feedsieve.db";
  Store store{path};
  std::int64_t feed = store.upsert_feed("port", "http://port.test/feed").id;

  void add(int from, int to, const std::string& prefix = "g", Timestamp at = may(20)) {
    std::vector<NormalizedItem> items;
    for (int i = from; i < to; ++i) items.push_back(seeded_item(i, prefix));
    store.record_poll(ok_poll(feed, std::move(items), at));
  }

  // Every page of `query`, concatenated; `between` runs after each page.
  Ids paged(StoryQuery query, const std::function<void()>& between = [] {}) const {
    Ids ids;
    for (;;) {
      const StoryPage page = store.story_page(query);
      for (const StoryView& story : page.stories) ids.push_back(story.story_id);
      if (!page.next) return ids;
      query.after = page.next;
      between();
    }
  }

  // The reference: every story of the verdict (1, 0, or -1 for both) with an
  // item that matches, through the per-item index, newest first (the plain
  // listing's order).
  Ids newest_of_verdict(const std::string& words, int verdict) const {
    SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
    SQLite::Statement select(db,
                             "SELECT story_id FROM stories s WHERE (:verdict < 0 OR s.on_topic = :verdict) AND s.id IN"
                             " (SELECT i.story_id FROM items_fts JOIN items i ON i.id = items_fts.rowid"
                             " WHERE items_fts MATCH :match) ORDER BY s.sort_time DESC, s.id DESC");
    select.bind(":verdict", verdict);
    select.bind(":match", store_detail::fts_match_expression(words));
    Ids ids;
    while (select.executeStep()) ids.push_back(select.getColumn(0).getString());
    return ids;
  }

  // On topic, or `all` of both verdicts.
  Ids newest_reference(const std::string& words, bool all) const { return newest_of_verdict(words, all ? -1 : 1); }

  // The reference ranking: bm25 over every matching story of the verdict
  // (1, 0, or -1 for both), no window, in one index of every story as the
  // ranks of both tables are taken.
  Ids ranked_reference(const std::string& words, int verdict = 1) const {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
    db.exec("CREATE VIRTUAL TABLE temp.every_story USING fts5 (title, summary, content,"
            " tokenize = 'unicode61 remove_diacritics 2');"
            "INSERT INTO every_story (rowid, title, summary, content)"
            " SELECT rowid, title, summary, content FROM stories_fts_on"
            " UNION ALL SELECT rowid, title, summary, content FROM stories_fts_off");
    SQLite::Statement select(db,
                             "SELECT s.story_id FROM every_story f JOIN stories s ON s.id = (f.rowid & 1073741823) >> 1"
                             " WHERE every_story MATCH :match AND (:verdict < 0 OR s.on_topic = :verdict)"
                             " ORDER BY bm25(every_story), s.id");
    select.bind(":match", store_detail::fts_match_expression(words));
    select.bind(":verdict", verdict);
    Ids ids;
    while (select.executeStep()) ids.push_back(select.getColumn(0).getString());
    return ids;
  }

  // Every story with items has exactly one row, at its listing key, in the
  // table of its verdict.
  void check_index() const {
    CHECK(scalar(path, "SELECT count(*) FROM stories_fts_on") + scalar(path, "SELECT count(*) FROM stories_fts_off") ==
          scalar(path, "SELECT count(DISTINCT story_id) FROM items"));
    CHECK(stories_off_their_key(path) == 0);
    CHECK_NOTHROW(test::execute(path, "INSERT INTO stories_fts_on (stories_fts_on, rank) VALUES ('integrity-check', 1)"));
    CHECK_NOTHROW(test::execute(path, "INSERT INTO stories_fts_off (stories_fts_off, rank) VALUES ('integrity-check', 1)"));
  }
};

StoryQuery search(const std::string& words, int limit, bool ranked = false) {
  StoryQuery query;
  query.search = words;
  query.limit = limit;
  query.ranked = ranked;
  return query;
}

bool unique(const Ids& ids) { return std::set<std::string>(ids.begin(), ids.end()).size() == ids.size(); }

}  // namespace

TEST_CASE("the full-text tables keep one row per story at its listing key through edits, merges, moves and deletes",
          "[store][search]") {
  SearchStore s;
  s.add(0, 60);
  s.check_index();
  // An edit, and a second source for a story (same canonical link) dated earlier: the story moves.
  NormalizedItem edited = seeded_item(4);
  edited.item.title = "Ledger entry 4 lighthouse";
  NormalizedItem copy = make_item("copy", "Copy of entry 9 with a beacon", "https://port.test/g9", may(1) - std::chrono::hours(5));
  const std::int64_t other = s.store.upsert_feed("other", "http://other.test/feed").id;
  s.store.record_poll(ok_poll(s.feed, {edited}, may(21)));
  s.store.record_poll(ok_poll(other, {copy}, may(21)));
  s.check_index();
  CHECK(s.store.stories(search("lighthouse", 10)).size() == 1);
  const auto beacon = s.store.stories(search("beacon ledger", 10));  // words from both items of one story
  REQUIRE(beacon.size() == 1);
  CHECK(beacon.front().sources.size() == 2);
  CHECK(s.paged(search("harbour", 7)) == s.newest_reference("harbour", false));
  // Dates outside the key's 1900..2172 range still get a row; deletes take rows away.
  test::execute(s.path, "UPDATE stories SET published = '1850-01-01T00:00:00Z' WHERE id = 2;"
                        "UPDATE stories SET published = '2500-01-01T00:00:00Z' WHERE id = 3;");
  s.check_index();
  test::execute(s.path, "DELETE FROM items WHERE story_id IN (5, 6); DELETE FROM stories WHERE id IN (5, 6)");
  s.check_index();
  // A story whose verdict changes moves to the other verdict's table (and
  // key), and the on-topic search follows it.
  test::execute(s.path, "UPDATE stories SET on_topic = 1 - on_topic WHERE id % 4 = 0");
  s.check_index();
  CHECK(s.paged(search("harbour", 7)) == s.newest_reference("harbour", false));
  StoryQuery off = search("harbour", 7);
  off.only_off_topic = true;
  Ids off_topic;
  const Ids every = s.newest_reference("harbour", true);
  const Ids on = s.newest_reference("harbour", false);
  std::copy_if(every.begin(), every.end(), std::back_inserter(off_topic),
               [&](const std::string& id) { return std::find(on.begin(), on.end(), id) == on.end(); });
  REQUIRE_FALSE(off_topic.empty());
  CHECK(s.paged(off) == off_topic);
}

TEST_CASE("a story founded by an off-topic item is indexed off topic from the start", "[store][search]") {
  SearchStore s;
  // Every change of a story's verdict, which moves its search row, is noted.
  test::execute(s.path, "CREATE TABLE verdict_moves (story INTEGER);"
                        "CREATE TRIGGER note_verdict_move AFTER UPDATE OF on_topic ON stories"
                        " WHEN old.on_topic IS NOT new.on_topic BEGIN INSERT INTO verdict_moves VALUES (new.id); END;");
  NormalizedItem item = seeded_item(1);
  REQUIRE_FALSE(item.on_topic);
  s.store.record_poll(ok_poll(s.feed, {item}, may(20)));
  s.check_index();
  CHECK(scalar(s.path, "SELECT count(*) FROM verdict_moves") == 0);
  CHECK(scalar(s.path, "SELECT on_topic FROM stories") == 0);
  CHECK(scalar(s.path, "SELECT count(*) FROM stories_fts_off") == 1);
  CHECK(scalar(s.path, "SELECT count(*) FROM stories_fts_on") == 0);
  CHECK(s.store.stories(search("ledger", 10)).empty());
  StoryQuery any = search("ledger", 10);
  any.include_off_topic = true;
  CHECK(s.store.stories(any).size() == 1);
}

TEST_CASE("newest-first search pages equal an unbounded reference, filters and ties included", "[store][search]") {
  SearchStore s;
  s.add(0, 400);
  for (const std::string words : {"harbour", "quay", "harbour quay", "tide", "ledger", "nothing-here"}) {
    INFO(words);
    CHECK(s.paged(search(words, 7)) == s.newest_reference(words, false));
    StoryQuery all = search(words, 50);
    all.include_off_topic = true;
    CHECK(s.paged(all) == s.newest_reference(words, true));
  }
  // since and until keep exactly the stories a plain listing keeps.
  StoryQuery window = search("harbour", 9);
  window.since = may(1) + std::chrono::minutes(20);
  window.until = may(1) + std::chrono::minutes(90);
  StoryQuery plain = window;
  plain.search.clear();
  plain.limit = max_story_limit;
  Ids expected;
  const Ids matching = s.newest_reference("harbour", false);
  for (const StoryView& story : s.store.stories(plain))
    if (std::find(matching.begin(), matching.end(), story.story_id) != matching.end())
      expected.push_back(story.story_id);
  REQUIRE_FALSE(expected.empty());
  CHECK(s.paged(window) == expected);
}

// A search of one verdict reads that verdict's table, of both the two merged;
// every one ranks as one index of all stories would.
StoryQuery with_verdict(StoryQuery query, int verdict) {
  query.include_off_topic = verdict < 0;
  query.only_off_topic = verdict == 0;
  return query;
}

TEST_CASE("ranked search over fewer matches than its window is the unbounded bm25 ranking", "[store][search]") {
  SearchStore s;
  s.add(0, 400);
  for (const std::string words : {"harbour", "quay", "harbour tide", "ledger"}) {
    for (const int verdict : {1, 0, -1}) {
      INFO(words << ", verdict " << verdict);
      const Ids reference = s.ranked_reference(words, verdict);
      REQUIRE(reference.size() < ranked_search_window);
      REQUIRE_FALSE(reference.empty());
      CHECK(s.paged(with_verdict(search(words, 11, true), verdict)) == reference);
      CHECK(s.store.stories(with_verdict(search(words, 400, true), verdict)).size() == reference.size());
    }
  }
}

TEST_CASE("ranked search over many matches ranks the newest window of them, and keeps it across pages",
          "[store][search]") {
  SearchStore s;
  s.add(0, 3'300);  // 2,200 match "harbour", more than the window
  const Ids newest = s.newest_reference("harbour", false);
  REQUIRE(newest.size() > static_cast<std::size_t>(ranked_search_window));
  const std::set<std::string> window(newest.begin(), newest.begin() + ranked_search_window);

  // New stories arrive between pages: newer ones, and one dated inside the window.
  int arrivals = 0;
  const auto arrive = [&] {
    if (arrivals++ % 5 != 0) return;
    const int i = 10'000 + arrivals;
    NormalizedItem fresh = seeded_item(i, "new");
    fresh.item.title = "Fresh harbour harbour harbour news";
    NormalizedItem old_dated = seeded_item(3'200 - arrivals, "late");
    s.store.record_poll(ok_poll(s.feed, {fresh, old_dated}, may(22)));
  };
  const Ids ranked = s.paged(search("harbour", 100, true), arrive);
  REQUIRE(arrivals > 3);
  CHECK(unique(ranked));
  // Every story of the first page's window is listed once; stories that came
  // later are listed only when they fall inside it.
  std::set<std::string> listed(ranked.begin(), ranked.end());
  for (const std::string& id : window) CHECK(listed.count(id) == 1);
  for (const std::string& id : listed) {
    if (window.count(id) == 1) continue;
    const std::string title = test::text_of(
        s.path, ("SELECT title FROM stories WHERE story_id = '" + id + "'").c_str());
    CHECK_THAT(title, !Catch::Matchers::Contains("Fresh"));
  }

  // Without arrivals the pages are the window ranked by bm25: for each
  // verdict filter, the newest ranked_search_window stories it keeps.
  SearchStore still;
  still.add(0, 6'600);  // 1,100 of the 4,400 "harbour" stories are off topic
  for (const int verdict : {1, 0, -1}) {
    INFO("verdict " << verdict);
    const Ids newest_kept = still.newest_of_verdict("harbour", verdict);
    REQUIRE(newest_kept.size() > static_cast<std::size_t>(ranked_search_window));
    const std::set<std::string> kept_window(newest_kept.begin(), newest_kept.begin() + ranked_search_window);
    const Ids full = still.paged(with_verdict(search("harbour", 250, true), verdict));
    REQUIRE(full.size() == static_cast<std::size_t>(ranked_search_window));
    Ids reference;
    for (const std::string& id : still.ranked_reference("harbour", verdict))
      if (kept_window.count(id) == 1) reference.push_back(id);
    CHECK(full == reference);
  }
}

// FTS5 in SQLite 3.40 loses rows when it walks an AND of phrases newest
// first over rowids that differ by 2^56 or more (a nine-byte varint in its
// doclist index). Listing keys count minutes, so no two of them are that far
// apart: stories years apart still page in full.
TEST_CASE("a search of several words pages in full over stories years apart", "[store][search]") {
  SearchStore s;
  s.add(0, 3'300);
  test::execute(s.path, "UPDATE stories SET published = '2019-03-01T00:00:00Z' WHERE id % 6 = 0;"
                        "UPDATE stories SET published = '1985-07-01T00:00:00Z' WHERE id % 12 = 1;");
  for (const int verdict : {1, 0, -1}) {
    INFO("verdict " << verdict);
    const Ids reference = s.newest_of_verdict("harbour tide", verdict);
    REQUIRE(reference.size() > 400);  // several pages of each verdict
    CHECK(s.paged(with_verdict(search("harbour tide", 97), verdict)) == reference);
    const Ids ranked = s.paged(with_verdict(search("harbour tide", 250, true), verdict));
    CHECK(ranked.size() == std::min<std::size_t>(reference.size(), ranked_search_window));
    CHECK(unique(ranked));
  }
}

TEST_CASE("a v10 store's search rows move to the keys of minutes, dates outside their range included",
          "[store][search][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    store_detail::migrate(db, path, 10);
    db.exec(
        "INSERT INTO feeds (id, name, url) VALUES (1, 'old', 'http://old.test/feed');"
        "INSERT INTO stories (id, story_id, title, published, first_seen, on_topic) VALUES"
        " (1, 'a', 'Harbour at noon', '2024-05-01T12:00:59Z', '2024-05-01T12:00:59Z', 1),"
        " (2, 'b', 'Harbour a second later', '2024-05-01T12:01:00Z', '2024-05-01T12:01:00Z', 1),"
        " (3, 'c', 'Harbour in 1850', '1850-01-01T00:00:00Z', '2024-05-02T00:00:00Z', 1),"
        " (4, 'd', 'Harbour just before 1970', '1969-12-31T23:59:30Z', '2024-05-02T00:00:00Z', 0),"
        " (5, 'e', 'Harbour in 2999', '2999-01-01T00:00:00Z', '2024-05-02T00:00:00Z', 1),"
        " (6, 'f', 'Harbour in 2150', '2150-06-01T00:00:00Z', '2024-05-02T00:00:00Z', 0);"
        "INSERT INTO items (feed_id, story_id, guid, title, fetched_at, last_seen_at)"
        " SELECT 1, id, story_id, title, first_seen, first_seen FROM stories;");
    REQUIRE(scalar(path, "SELECT count(*) FROM stories_fts_on") + scalar(path, "SELECT count(*) FROM stories_fts_off") ==
            6);
  }
  Store store(path);
  CHECK(scalar(path, "PRAGMA user_version") == store_detail::known_schema_version());
  CHECK(scalar(path, "SELECT count(*) FROM stories_fts_on") == 4);
  CHECK(scalar(path, "SELECT count(*) FROM stories_fts_off") == 2);
  CHECK(stories_off_their_key(path) == 0);
  CHECK(scalar(path, "SELECT max(rowid) FROM stories_fts_on") < (std::int64_t{1} << 56));
  StoryQuery any = search("harbour", 10);
  any.include_off_topic = true;
  Ids ids;
  for (const StoryView& story : store.stories(any)) ids.push_back(story.story_id);
  CHECK(ids == Ids{"f", "e", "b", "a", "d", "c"});  // clamped to 2097 or to 1970, and then by row
}

TEST_CASE("a story row the listing key cannot hold is refused", "[store][search][schema]") {
  SearchStore s;
  s.add(0, 3);
  CHECK_NOTHROW(test::execute(s.path, "INSERT INTO stories (id, story_id, first_seen)"
                                      " VALUES (536870911, 'last', '2024-05-01T00:00:00Z')"));
  CHECK_THROWS_WITH(test::execute(s.path, "INSERT INTO stories (id, story_id, first_seen)"
                                          " VALUES (536870912, 'over', '2024-05-01T00:00:00Z')"),
                    Catch::Contains("2^29"));
  CHECK(scalar(s.path, "SELECT count(*) FROM stories WHERE story_id = 'over'") == 0);
}

TEST_CASE("a ranked window keeps its stories when verdicts change between pages", "[store][search]") {
  const auto ranked_any = [] {
    StoryQuery query = search("harbour", 200, true);
    query.include_off_topic = true;
    return query;
  };
  SearchStore still;
  still.add(0, 3'300);
  const Ids reference = still.paged(ranked_any());
  REQUIRE(reference.size() == static_cast<std::size_t>(ranked_search_window));
  // Every verdict flips after each page: the window's bounds move by the
  // verdict bit, and the stories at its edges must stay inside.
  SearchStore s;
  s.add(0, 3'300);
  const Ids flipped = s.paged(ranked_any(), [&] { test::execute(s.path, "UPDATE stories SET on_topic = 1 - on_topic"); });
  CHECK(flipped == reference);
}

TEST_CASE("a forged ranked cursor cannot widen the window past twice its size", "[store][search]") {
  SearchStore s;
  s.add(0, 3'300);  // 2,200 match "harbour"
  StoryQuery forged = search("harbour", 250, true);
  StoryPosition everything;
  everything.rank = -1e300;  // ranks before every story
  everything.row = 1;
  everything.window_low = 0;
  everything.window_high = std::numeric_limits<std::int64_t>::max();
  forged.after = everything;
  const Ids listed = s.paged(forged);
  CHECK(unique(listed));
  CHECK(listed.size() == 2 * static_cast<std::size_t>(ranked_search_window));
}

TEST_CASE("newest-first search pages never repeat or skip while stories arrive", "[store][search]") {
  SearchStore s;
  s.add(0, 300);
  const Ids before = s.newest_reference("harbour", false);
  int arrivals = 0;
  const Ids paged = s.paged(search("harbour", 20), [&] {
    s.store.record_poll(ok_poll(s.feed, {seeded_item(5'000 + arrivals++, "new")}, may(22)));
  });
  CHECK(unique(paged));
  CHECK(paged == before);  // arrivals are newer than the first page, so never listed after it
}

TEST_CASE("stories dated outside the key's range page through a search without repeats or gaps",
          "[store][search]") {
  SearchStore s;
  s.add(0, 90);
  test::execute(s.path, "UPDATE stories SET published = '1850-01-01T00:00:00Z' WHERE id % 10 = 1;"
                        "UPDATE stories SET published = '2999-01-01T00:00:00Z' WHERE id % 10 = 2;");
  const Ids paged = s.paged(search("ledger", 4));
  CHECK(unique(paged));
  const Ids reference = s.newest_reference("ledger", false);
  CHECK(std::set<std::string>(paged.begin(), paged.end()) == std::set<std::string>(reference.begin(), reference.end()));
}

TEST_CASE("a v6 store is upgraded in place and its stories are searchable", "[store][search][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    store_detail::migrate(db, path, 6);
    db.exec(
        "INSERT INTO feeds (id, name, url) VALUES (1, 'old', 'http://old.test/feed');"
        "INSERT INTO stories (id, story_id, title, published, first_seen, on_topic) VALUES"
        " (1, 'a', 'Harbour opens', '2024-05-01T00:00:00Z', '2024-05-01T00:00:00Z', 1),"
        " (2, 'b', 'Quay closes', NULL, '2024-05-02T00:00:00Z', 1),"
        " (3, 'c', 'Harbour gossip', NULL, '2024-05-03T00:00:00Z', 0);"
        "INSERT INTO items (feed_id, story_id, guid, title, summary, fetched_at, last_seen_at) VALUES"
        " (1, 1, 'x', 'Harbour opens', 'the tide is high', '2024-05-01T00:00:00Z', '2024-05-01T00:00:00Z'),"
        " (1, 1, 'y', 'Harbour opens again', 'a second source', '2024-05-01T00:00:00Z', '2024-05-01T00:00:00Z'),"
        " (1, 2, 'z', 'Quay closes', 'harbour news', '2024-05-02T00:00:00Z', '2024-05-02T00:00:00Z'),"
        " (1, 3, 'w', 'Harbour gossip', 'off topic', '2024-05-03T00:00:00Z', '2024-05-03T00:00:00Z');");
  }
  Store store(path);
  CHECK(scalar(path, "PRAGMA user_version") == store_detail::known_schema_version());
  CHECK(scalar(path, "SELECT count(*) FROM stories_fts_on") == 2);
  CHECK(scalar(path, "SELECT count(*) FROM stories_fts_off") == 1);
  CHECK(scalar(path, "SELECT count(*) FROM sqlite_master WHERE name = 'stories_fts'") == 0);
  CHECK(stories_off_their_key(path) == 0);
  const auto ids = [&](StoryQuery query) {
    Ids out;
    for (const StoryView& story : store.stories(query)) out.push_back(story.story_id);
    return out;
  };
  CHECK(ids(search("harbour", 10)) == Ids{"b", "a"});
  CHECK(ids(search("tide", 10)) == Ids{"a"});
  CHECK(ids(search("second tide", 10, true)) == Ids{"a"});  // words of two items of one story
  CHECK(ids(search("harbour", 10, true)).size() == 2);
  StoryQuery any = search("harbour", 10);
  any.include_off_topic = true;
  CHECK(ids(any) == Ids{"c", "b", "a"});
}
