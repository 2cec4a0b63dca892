// What a prune leaves behind in a real store: no row of any table that still
// names a removed item or story (dedup lookups, event terms, the full-text
// index), every kept story with all of its items, and a file whose freed
// pages went back to the file system (auto_vacuum = INCREMENTAL).
#include <catch2/catch.hpp>

#include <map>

#include "tests/store/store_fixtures.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using std::chrono::days;

namespace {

const Timestamp now = test::may(31);

// A lead long enough to be fingerprinted (simhash_bands) and to give its
// story distinctive terms (story_terms); `n` makes each one different.
NormalizedItem wordy_item(const std::string& guid, int n, std::optional<Timestamp> published = {}) {
  static const std::vector<std::string> words{"harbour", "glacier",  "violin",  "tractor", "meadow",  "lantern",
                                              "copper",  "orchid",   "canyon",  "pepper",  "saddle",  "marble",
                                              "thistle", "compass",  "furnace", "ribbon",  "walrus",  "quarry",
                                              "pylon",   "seashell", "tundra",  "biscuit", "falcon",  "garnet"};
  std::string lead;
  for (int i = 0; i < 40; ++i) lead += words[static_cast<std::size_t>(i * 7 + n * 5) % words.size()] + std::to_string(n * 100 + i) + " ";
  auto item = test::make_item(guid, "Headline number " + std::to_string(n) + " about " + words[static_cast<std::size_t>(n) % words.size()],
                              "https://news.example/story/" + std::to_string(n), published);
  item.item.summary = lead;
  return item;
}

// The tables of the schema and, for each, the rows naming an item or story
// that no longer exists. A table missing from this list fails the test
// below, so a new table that references items or stories must be added here.
const std::map<std::string, std::string> orphan_checks{
    {"feeds", ""},
    {"stories", "SELECT count(*) FROM stories s WHERE NOT EXISTS (SELECT 1 FROM items i WHERE i.story_id = s.id)"},
    {"items", "SELECT count(*) FROM items WHERE story_id NOT IN (SELECT id FROM stories)"
              " OR feed_id NOT IN (SELECT id FROM feeds)"},
    {"simhash_bands", "SELECT count(*) FROM simhash_bands WHERE item_id NOT IN (SELECT id FROM items)"},
    {"story_terms", "SELECT count(*) FROM story_terms WHERE story_id NOT IN (SELECT id FROM stories)"},
    // FTS5 keeps one docsize row per indexed row: exactly the items.
    {"items_fts", "SELECT count(*) FROM items_fts_docsize WHERE id NOT IN (SELECT id FROM items)"},
    // One row per story, keyed by the story's listing key, in its verdict's table.
    {"stories_fts_on", "SELECT count(*) FROM stories_fts_on"
                       " WHERE rowid NOT IN (SELECT search_key FROM story_search_keys WHERE search_key & 1 = 1)"},
    {"stories_fts_off", "SELECT count(*) FROM stories_fts_off"
                        " WHERE rowid NOT IN (SELECT search_key FROM story_search_keys WHERE search_key & 1 = 0)"},
};

std::int64_t count(const std::filesystem::path& path, const std::string& sql) {
  return test::scalar(path, sql.c_str());
}

// Items per story, by public story id.
std::map<std::string, std::int64_t> items_per_story(const std::filesystem::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  SQLite::Statement select(db, "SELECT s.story_id, count(*) FROM stories s JOIN items i ON i.story_id = s.id GROUP BY s.id");
  std::map<std::string, std::int64_t> out;
  while (select.executeStep()) out[select.getColumn(0).getString()] = select.getColumn(1).getInt64();
  return out;
}

struct Filled {
  std::int64_t wire = 0;
  std::int64_t blog = 0;
};

// 60 old wire stories, 3 of which the blog still carries today, and 5 current ones.
Filled fill(Store& store) {
  Filled f{store.upsert_feed("wire", "https://wire.example/rss").id, store.upsert_feed("blog", "https://blog.example/rss").id};
  std::vector<NormalizedItem> old_items;
  for (int n = 0; n < 60; ++n) old_items.push_back(wordy_item("w-" + std::to_string(n), n, now - days(90)));
  store.record_poll(test::ok_poll(f.wire, old_items, now - days(90)));
  std::vector<NormalizedItem> current;
  for (int n = 100; n < 105; ++n) current.push_back(wordy_item("w-" + std::to_string(n), n, now));
  store.record_poll(test::ok_poll(f.wire, current, now));
  std::vector<NormalizedItem> shared;
  for (int n = 0; n < 3; ++n) shared.push_back(wordy_item("b-" + std::to_string(n), n, now - days(90)));
  store.record_poll(test::ok_poll(f.blog, shared, now));
  return f;
}

RetentionPolicy thirty_days() {
  RetentionPolicy policy;
  policy.keep_days = days(30);
  policy.keep_days_on_topic = days(30);
  return policy;
}

}  // namespace

TEST_CASE("the orphan checks cover every table of the schema") {
  test::TempDir dir;
  { Store store(dir / "store.db"); }
  SQLite::Database db((dir / "store.db").string(), SQLite::OPEN_READONLY);
  // FTS5's own shadow tables (items_fts_data, _idx, _docsize, _config) belong to their index.
  SQLite::Statement tables(db, "SELECT name FROM sqlite_schema WHERE type = 'table' AND name NOT LIKE 'items_fts_%'"
                               " AND name NOT LIKE 'stories_fts_on_%' AND name NOT LIKE 'stories_fts_off_%'"
                               " AND name NOT LIKE 'sqlite_%'");
  while (tables.executeStep()) {
    INFO("table " << tables.getColumn(0).getString() << " has no orphan check in this test");
    CHECK(orphan_checks.count(tables.getColumn(0).getString()) == 1);
  }
}

TEST_CASE("a prune leaves no row naming a removed item or story, and kept stories keep every item") {
  test::TempDir dir;
  const auto path = dir / "store.db";
  Store store(path);
  fill(store);
  const auto before = items_per_story(path);
  REQUIRE(before.size() == 65);
  // The shared stories really carry two items, and the dedup tables are filled.
  CHECK(count(path, "SELECT count(*) FROM stories s WHERE (SELECT count(*) FROM items i WHERE i.story_id = s.id) = 2") == 3);
  const auto bands = count(path, "SELECT count(*) FROM simhash_bands");
  const auto terms = count(path, "SELECT count(*) FROM story_terms");
  REQUIRE(bands > 0);
  REQUIRE(terms > 0);

  const PruneReport report = store.prune(thirty_days(), now);
  CHECK(report.items == 57);
  CHECK(report.stories == 57);
  CHECK(count(path, "SELECT count(*) FROM simhash_bands") < bands);
  CHECK(count(path, "SELECT count(*) FROM story_terms") < terms);
  for (const auto& [table, check] : orphan_checks) {
    if (check.empty()) continue;
    INFO(table);
    CHECK(count(path, check) == 0);
  }
  CHECK(count(path, "SELECT count(*) FROM items_fts_docsize") == count(path, "SELECT count(*) FROM items"));
  // FTS5's own consistency check against the content table: throws when an index entry is stale.
  CHECK_NOTHROW(test::execute(path, "INSERT INTO items_fts (items_fts, rank) VALUES ('integrity-check', 1)"));
  CHECK(count(path, "SELECT count(*) FROM stories_fts_on") + count(path, "SELECT count(*) FROM stories_fts_off") ==
        count(path, "SELECT count(*) FROM stories"));
  CHECK_NOTHROW(test::execute(path, "INSERT INTO stories_fts_on (stories_fts_on, rank) VALUES ('integrity-check', 1)"));
  CHECK_NOTHROW(test::execute(path, "INSERT INTO stories_fts_off (stories_fts_off, rank) VALUES ('integrity-check', 1)"));
  StoryQuery search;
  search.search = "harbour1010";  // a word of removed story 10 only
  search.include_off_topic = true;
  CHECK(store.stories(search).empty());

  const auto after = items_per_story(path);
  CHECK(after.size() == 8);
  for (const auto& [story, items] : after) {
    INFO("story " << story);
    REQUIRE(before.count(story) == 1);
    CHECK(items == before.at(story));  // a kept story lost none of its items
  }
}

TEST_CASE("a new store vacuums incrementally, and a prune gives its freed pages back") {
  test::TempDir dir;
  const auto path = dir / "store.db";
  Store store(path);
  CHECK(count(path, "PRAGMA auto_vacuum") == 2);  // INCREMENTAL
  fill(store);
  const auto pages = count(path, "PRAGMA page_count");
  store.prune(thirty_days(), now);
  // Without the incremental vacuum the removed rows' pages would stay on the freelist.
  CHECK(count(path, "PRAGMA freelist_count") == 0);
  CHECK(count(path, "PRAGMA page_count") < pages);
}

TEST_CASE("a store created without auto_vacuum is left as it is, and still prunes") {
  test::TempDir dir;
  const auto path = dir / "store.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    db.exec("PRAGMA auto_vacuum = NONE; CREATE TABLE placeholder (x); DROP TABLE placeholder");
  }
  Store store(path);
  CHECK(count(path, "PRAGMA auto_vacuum") == 0);
  fill(store);
  CHECK(store.prune(thirty_days(), now).items == 57);
  CHECK(count(path, "PRAGMA freelist_count") > 0);  // reused by new items; `VACUUM` converts such a store
}

TEST_CASE("feedsieve prune --dry-run counts, prune removes, through the real binary") {
  test::TempDir dir;
  const auto path = dir / "store.db";
  {
    Store store(path);
    fill(store);
  }
  // The store's items were seen 90 days before 2024-05-31; today they are older still.
  const auto config = (dir / "feedsieve.toml").string();
  test::write_file(config, "[store]\npath = \"" + path.string() + "\"\nkeep_days = 30\nkeep_days_on_topic = 30\n");
  const auto dry = test::run_feedsieve({"prune", "--dry-run", "--config", config});
  INFO(dry.err);
  CHECK(dry.exit_code == 0);
  CHECK(dry.out == "would remove 57 items and 57 stories\n  wire: 57 items, last listed 2024-03-02T12:00:00Z\n");
  CHECK(count(path, "SELECT count(*) FROM items") == 65 + 3);
  const auto done = test::run_feedsieve({"prune", "--config", config});
  CHECK(done.exit_code == 0);
  CHECK(done.out == "removed 57 items and 57 stories\n  wire: 57 items, last listed 2024-03-02T12:00:00Z\n");
  CHECK(count(path, "SELECT count(*) FROM items") == 11);
  CHECK(count(path, "PRAGMA freelist_count") == 0);
}
