// The event matcher's memory of story_terms is used only while the store is
// as the last committed poll left it.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "daemon/store/store.hpp"
#include "daemon/store/term_cache.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::store_detail::TermCache;

TEST_CASE("the event term cache is forgotten when anything but a committed poll changed the store", "[store][events]") {
  test::TempDir dir;
  const auto path = dir / "feedsieve.db";
  { Store store(path); }
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  TermCache cache;
  const auto poll = [&](bool commits) {
    cache.begin(db);
    const bool kept = cache.common.count("model") != 0;
    cache.common.insert("model");
    if (!commits) return kept;
    cache.committing(db);
    cache.committed();
    return kept;
  };
  CHECK_FALSE(poll(true));  // nothing to keep at first
  CHECK(poll(true));        // nothing happened in between

  db.exec("INSERT INTO story_terms (term, story_id) VALUES ('model', 1)");
  CHECK_FALSE(poll(true));  // a write on the same connection
  CHECK(poll(true));

  {
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
    other.exec("DELETE FROM story_terms");
  }
  CHECK_FALSE(poll(true));  // another connection's commit

  CHECK(poll(false));       // a poll that never committed...
  CHECK_FALSE(poll(true));  // ...leaves nothing to trust
  CHECK(poll(true));

  // Another writer that was waiting for the lock commits right after the poll.
  cache.begin(db);
  cache.committing(db);
  {
    SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
    other.exec("DELETE FROM story_terms");
  }
  cache.committed();
  CHECK_FALSE(poll(true));
}
