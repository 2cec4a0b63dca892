// The API's pooled read connections keep their prepared statements between
// requests, but no read transaction: once a page is served, a checkpoint can
// take the whole WAL back, however many searches ran.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>

#include "tests/api/api_fixture.hpp"

using namespace feedsieve;
using test::ApiFixture;

TEST_CASE("served searches leave no read transaction open on the API's connections", "[api]") {
  ApiFixture api;
  std::vector<test::StorySeed> seeds = test::hourly_stories(40);
  for (std::size_t i = 0; i < seeds.size(); ++i) seeds[i].summary = i % 2 == 0 ? "harbour tide" : "harbour";
  test::store_items(api.writer, "alpha", seeds);
  api.start();
  for (const std::string target : {"/api/stories?q=harbour%20tide&limit=5", "/api/stories?q=harbour&limit=5",
                                   "/api/stories?q=harbour%20tide&order=newest&limit=5", "/api/stories", "/feed.atom"})
    REQUIRE(api.get(target).status == 200);
  // Twice: the second round runs on cached statements.
  for (const std::string target : {"/api/stories?q=harbour%20tide&limit=5", "/api/stories?q=harbour&limit=5"})
    REQUIRE(api.get(target).status == 200);

  test::store_items(api.writer, "beta", test::hourly_stories(5, "Later"));
  SQLite::Database raw(api.path.string(), SQLite::OPEN_READWRITE);  // waits for no one
  CHECK(raw.execAndGet("PRAGMA wal_checkpoint(TRUNCATE)").getInt() == 0);
  CHECK(std::filesystem::file_size(std::filesystem::path(api.path.string() + "-wal")) == 0);
}
