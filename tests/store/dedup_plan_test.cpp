// The lookups of story and event assignment run once per new item, so each
// must stay an index search as the store grows: no full scan of items,
// simhash_bands or story_terms in their query plans.
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include "daemon/store/event_match.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/story_match.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

std::string plan_of(SQLite::Database& db, const std::string& sql) {
  std::string out;
  SQLite::Statement plan(db, "EXPLAIN QUERY PLAN " + sql);
  while (plan.executeStep()) out += plan.getColumn(3).getString() + "\n";
  return out;
}

}  // namespace

TEST_CASE("story and event lookups search indexes, never scan a table", "[store][dedup]") {
  test::TempDir dir;
  const auto path = dir / "feedsieve.db";
  { Store store(path); }
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  std::vector<std::string> statements = store_detail::StoryMatcher::statements();
  for (const std::string& sql : store_detail::EventMatcher::statements()) statements.push_back(sql);
  for (const std::string& sql : statements) {
    if (sql.rfind("SELECT", 0) != 0) continue;
    const std::string plan = plan_of(db, sql);
    INFO(sql << "\n" << plan);
    CHECK(plan.find("SEARCH") != std::string::npos);
    for (const char* table : {"SCAN i\n", "SCAN items", "SCAN simhash_bands", "SCAN b\n", "SCAN story_terms", "SCAN t\n",
                              "SCAN s\n", "SCAN stories"})
      CHECK(plan.find(table) == std::string::npos);
  }
}
