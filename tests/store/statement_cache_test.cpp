// The per-connection statement cache: a statement is reused by its SQL with
// its bindings cleared, nested uses of one SQL get statements of their own,
// and a Store whose pages come from cached statements holds no read
// transaction between them (a checkpoint can truncate the WAL).
#include <catch2/catch.hpp>

#include "daemon/store/statement_cache.hpp"
#include "daemon/store/store.hpp"
#include "tests/store/store_fixtures.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::make_item;
using feedsieve::test::may;
using feedsieve::test::ok_poll;
using feedsieve::test::TempDir;

namespace {

// PRAGMA wal_checkpoint(TRUNCATE) from a connection that does not wait: its
// first column is 1 when a reader's open transaction kept it from finishing.
int checkpoint_blocked(const std::filesystem::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  return db.execAndGet("PRAGMA wal_checkpoint(TRUNCATE)").getInt();
}

std::vector<std::string> ids(const std::vector<StoryView>& stories) {
  std::vector<std::string> out;
  for (const StoryView& story : stories) out.push_back(story.story_id);
  return out;
}

}  // namespace

TEST_CASE("a cached statement is reused by its SQL, reset with its bindings cleared", "[store][statements]") {
  SQLite::Database db(":memory:");
  store_detail::StatementCache cache;
  {
    const auto use = cache.prepare(db, "SELECT :x");
    use->bind(":x", 5);
    REQUIRE(use->executeStep());
    CHECK(use->getColumn(0).getInt() == 5);
  }
  {
    const auto again = cache.prepare(db, "SELECT :x");
    REQUIRE(again->executeStep());  // reset, so it runs again; and :x is unbound
    CHECK(again->getColumn(0).isNull());
    CHECK(store_detail::any_statement_busy(db));  // stepped, not yet reset
  }
  CHECK(cache.size() == 1);
  CHECK_FALSE(store_detail::any_statement_busy(db));
}

TEST_CASE("the same SQL used while in use gets a statement of its own", "[store][statements]") {
  SQLite::Database db(":memory:");
  store_detail::StatementCache cache;
  const auto outer = cache.prepare(db, "SELECT value FROM json_each('[1,2]')");
  REQUIRE(outer->executeStep());
  {
    const auto inner = cache.prepare(db, "SELECT value FROM json_each('[1,2]')");
    REQUIRE(inner->executeStep());
    CHECK(inner->getColumn(0).getInt() == 1);
  }
  REQUIRE(outer->executeStep());
  CHECK(outer->getColumn(0).getInt() == 2);  // the inner use did not reset it
  CHECK(cache.size() == 1);
}

TEST_CASE("the cache keeps at most its capacity of statements", "[store][statements]") {
  SQLite::Database db(":memory:");
  store_detail::StatementCache cache;
  for (std::size_t i = 0; i < 3 * store_detail::StatementCache::capacity; ++i) {
    const auto use = cache.prepare(db, "SELECT " + std::to_string(i));
    REQUIRE(use->executeStep());
    CHECK(use->getColumn(0).getInt64() == static_cast<std::int64_t>(i));
  }
  CHECK(cache.size() <= store_detail::StatementCache::capacity);
}

TEST_CASE("a reader serving pages from cached statements holds no read transaction between them",
          "[store][statements]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  Store writer(path);
  const std::int64_t feed = writer.upsert_feed("port", "http://port.test/feed").id;
  const auto add = [&](int from, int to) {
    std::vector<NormalizedItem> items;
    for (int i = from; i < to; ++i)
      items.push_back(make_item("g" + std::to_string(i), "harbour tide " + std::to_string(i) + (i % 2 ? " quay" : ""),
                                "https://port.test/" + std::to_string(i), may(1) + std::chrono::minutes(i)));
    writer.record_poll(ok_poll(feed, std::move(items), may(20)));
  };
  add(0, 60);

  const Store reader(path, Store::Mode::read_only);
  StoryQuery ranked;
  ranked.search = "harbour quay";  // several words: their frequencies are counted too
  ranked.ranked = true;
  ranked.limit = 10;
  StoryQuery newest = ranked;
  newest.ranked = false;
  const auto first_ranked = ids(reader.story_page(ranked).stories);
  const auto first_newest = ids(reader.story_page(newest).stories);
  REQUIRE(first_ranked.size() == 10);
  REQUIRE(first_newest.size() == 10);
  REQUIRE(reader.story(first_ranked.front()));
  REQUIRE(reader.stories(StoryQuery{}).size() == 50);

  // The writer's commits can all be checkpointed and the WAL truncated.
  add(60, 70);
  CHECK(checkpoint_blocked(path) == 0);
  CHECK(std::filesystem::file_size(std::filesystem::path(path.string() + "-wal")) == 0);

  // The cached statements serve pages again, and still let go after.
  CHECK(ids(reader.story_page(ranked).stories).size() == 10);
  CHECK(ids(reader.story_page(newest).stories).size() == 10);
  add(70, 80);
  CHECK(checkpoint_blocked(path) == 0);
}
