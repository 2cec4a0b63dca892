// Opening the store: creation, migrations, version checks and clear errors.
#include <catch2/catch.hpp>

#include "daemon/store/schema.hpp"
#include "daemon/store/store.hpp"
#include "tests/store/store_fixtures.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::scalar;
using feedsieve::test::TempDir;
using feedsieve::test::text_of;
using Catch::Matchers::Contains;

namespace {

std::string open_error(const std::filesystem::path& path, Store::Mode mode) {
  try {
    Store store(path, mode);
  } catch (const StoreError& e) {
    return e.what();
  }
  return "no error";
}

}  // namespace

TEST_CASE("a new store gets the whole schema and its version", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  { Store store(path); }
  CHECK(scalar(path, "PRAGMA user_version") == store_detail::known_schema_version());
  CHECK(scalar(path, "PRAGMA user_version") == 12);
  CHECK(text_of(path, "PRAGMA journal_mode") == "wal");
  for (const char* name : {"feeds", "stories", "items", "items_fts", "items_by_canonical_link", "items_by_story",
                           "stories_by_sort_time", "items_fts_after_insert", "items_fts_after_update",
                           "items_fts_after_delete", "simhash_bands", "story_terms", "items_by_title_key",
                           "stories_fts_on", "stories_fts_off", "story_search_keys", "story_search_text", "stories_fts_after_item_insert",
                           "stories_fts_after_item_update", "stories_fts_after_item_delete",
                           "stories_fts_after_story_move", "stories_fts_after_story_delete", "stories_id_fits_search_key",
                           "items_by_feed_time", "feed_counts_after_insert", "feed_counts_after_delete",
                           "feed_counts_after_update"}) {
    SQLite::Database db(path.string());
    SQLite::Statement find(db, "SELECT count(*) FROM sqlite_schema WHERE name = ?");
    find.bind(1, name);
    REQUIRE(find.executeStep());
    CHECK(find.getColumn(0).getInt() == 1);
  }
}

TEST_CASE("reopening a store is idempotent and keeps its data", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  { Store(path).upsert_feed("example", "http://example.test/feed"); }
  Store again(path);
  CHECK(scalar(path, "PRAGMA user_version") == 12);
  REQUIRE(again.feeds().size() == 1);
  CHECK(again.feeds().front().name == "example");
  Store read_only(path, Store::Mode::read_only);
  CHECK(read_only.feeds().size() == 1);
}

TEST_CASE("a v11 store's items get an empty language, and keep everything else", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    store_detail::migrate(db, path, 11);
    db.exec(
        "INSERT INTO feeds (id, name, url) VALUES (1, 'old', 'http://old.test/feed');"
        "INSERT INTO stories (id, story_id, title, first_seen) VALUES (1, 'a', 'Mistral', '2024-05-01T12:00:00Z');"
        "INSERT INTO items (feed_id, story_id, guid, title, fetched_at, last_seen_at)"
        " VALUES (1, 1, 'g1', 'Mistral', '2024-05-01T12:00:00Z', '2024-05-01T12:00:00Z');");
  }
  { Store store(path); }
  CHECK(scalar(path, "PRAGMA user_version") == 12);
  CHECK(text_of(path, "SELECT title || '|' || language FROM items WHERE guid = 'g1'") == "Mistral|");
}

TEST_CASE("a store newer than this build is refused, naming both versions", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  { Store store(path); }
  test::execute(path, "PRAGMA user_version = 99");
  const std::string expected = "store " + path.string() + " has schema version 99, this feedsieve knows up to " +
                               std::to_string(store_detail::known_schema_version());
  CHECK_THAT(open_error(path, Store::Mode::read_write), Contains(expected));
  CHECK_THAT(open_error(path, Store::Mode::read_only), Contains(expected));
  CHECK(scalar(path, "PRAGMA user_version") == 99);
}

TEST_CASE("read-only opening of a missing store says how to create it", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "missing.db";
  const std::string error = open_error(path, Store::Mode::read_only);
  CHECK_THAT(error, Contains(path.string()) && Contains("does not exist") && Contains("feedsieve run"));
  CHECK_FALSE(std::filesystem::exists(path));
}

TEST_CASE("read-only opening of a database without the schema says how to create it", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "empty.db";
  { SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE); }
  const std::string error = open_error(path, Store::Mode::read_only);
  CHECK_THAT(error, Contains(path.string()) && Contains("no feedsieve schema") && Contains("feedsieve run"));
}

TEST_CASE("a store in a missing directory is an error naming the path, and nothing is created",
          "[store][schema]") {
  TempDir dir;
  const auto path = dir / "no" / "such" / "feedsieve.db";
  const std::string error = open_error(path, Store::Mode::read_write);
  CHECK_THAT(error, Contains(path.string()) && Contains("does not exist"));
  CHECK_FALSE(std::filesystem::exists(dir / "no"));
}

TEST_CASE("a file that is not a database is an error naming it", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  test::write_file(path, std::string(4096, 'x'));
  CHECK_THAT(open_error(path, Store::Mode::read_write), Contains(path.string()) && Contains("not a database"));
  CHECK_THAT(open_error(path, Store::Mode::read_only), Contains(path.string()) && Contains("not a database"));
}

TEST_CASE("a read-only store refuses writes with a StoreError", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  { Store store(path); }
  Store reader(path, Store::Mode::read_only);
  try {
    reader.upsert_feed("example", "http://example.test/feed");
    FAIL("the write went through");
  } catch (const StoreError& e) {
    CHECK_THAT(std::string(e.what()), Contains(path.string()) && Contains("readonly"));
  }
  CHECK(scalar(path, "SELECT count(*) FROM feeds") == 0);
}

TEST_CASE("the hot queries use their indexes", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  { Store store(path); }
  SQLite::Database db(path.string());
  auto plan = [&](const char* sql) {
    SQLite::Statement explain(db, std::string("EXPLAIN QUERY PLAN ") + sql);
    std::string text;
    while (explain.executeStep()) text += explain.getColumn(3).getString() + "\n";
    return text;
  };
  CHECK_THAT(plan("SELECT story_id FROM items WHERE canonical_link = ?1 ORDER BY id LIMIT 1"),
             Contains("items_by_canonical_link"));
  CHECK_THAT(plan("SELECT id FROM stories s WHERE s.sort_time >= ?1 AND s.on_topic >= ?2"
                  " ORDER BY s.sort_time DESC, s.id DESC LIMIT 50"),
             Contains("stories_by_sort_time"));
  CHECK_THAT(plan("SELECT min(published) FROM items WHERE story_id = ?1"), Contains("items_by_story"));
  CHECK_THAT(plan("SELECT id FROM items WHERE feed_id = ?1 AND guid = ?2"), Contains("sqlite_autoindex_items"));
  // The feed counters' triggers (v7): a story's few items, not all of a feed's; a feed's oldest and newest item.
  CHECK_THAT(plan("SELECT 1 FROM items WHERE story_id = ?1 AND +feed_id = ?2 AND id != ?3"),
             Contains("items_by_story"));
  CHECK_THAT(plan("SELECT min(coalesce(published, updated, fetched_at)) FROM items WHERE feed_id = ?1"),
             Contains("items_by_feed_time"));
}
