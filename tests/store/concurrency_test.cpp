// One writer, any number of readers: WAL lets a read-only Store read while
// the writer writes.
#include <catch2/catch.hpp>

#include <atomic>
#include <thread>

#include "daemon/store/store.hpp"
#include "tests/store/store_fixtures.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::make_item;
using feedsieve::test::may;
using feedsieve::test::ok_poll;
using feedsieve::test::TempDir;

TEST_CASE("a reader reads the last commit while a writer holds its lock", "[store][concurrency]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  Store writer(path);
  const auto feed = writer.upsert_feed("alpha", "http://alpha.test/feed").id;
  writer.record_poll(ok_poll(feed, {make_item("g1", "Committed", "https://news.test/1")}));
  Store reader(path, Store::Mode::read_only);

  // An exclusive write transaction in flight on another connection: without
  // WAL the reader would wait out the busy timeout and then fail.
  SQLite::Database other(path.string(), SQLite::OPEN_READWRITE);
  SQLite::Transaction in_flight(other, SQLite::TransactionBehavior::EXCLUSIVE);
  other.exec("UPDATE stories SET title = 'Uncommitted'");
  const auto during = reader.stories({});
  REQUIRE(during.size() == 1);
  CHECK(during[0].title == "Committed");
  in_flight.commit();
  CHECK(reader.stories({}).at(0).title == "Uncommitted");
}

TEST_CASE("a reader thread queries while a writer thread records polls", "[store][concurrency]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  Store writer(path);
  const auto feed = writer.upsert_feed("alpha", "http://alpha.test/feed").id;
  Store reader(path, Store::Mode::read_only);
  constexpr int polls = 100;

  // Errors are collected, not thrown, so both threads always get joined.
  std::atomic<bool> done{false};
  std::string writer_error;
  std::thread writing([&] {
    try {
      for (int i = 0; i < polls; ++i) {
        const std::string n = std::to_string(i);
        writer.record_poll(ok_poll(feed, {make_item("g" + n, "Story " + n, "https://news.test/" + n, may(1))}));
      }
    } catch (const std::exception& e) {
      writer_error = e.what();
    }
    done = true;
  });
  std::string reader_error;
  std::size_t last_seen = 0;
  bool shrank = false;
  int reads = 0;
  StoryQuery query;
  query.limit = max_story_limit;
  try {
    while (!done || reads == 0) {
      const std::size_t now = reader.stories(query).size();
      shrank = shrank || now < last_seen;
      last_seen = now;
      ++reads;
    }
  } catch (const std::exception& e) {
    reader_error = e.what();
  }
  writing.join();
  CHECK(writer_error.empty());
  CHECK(reader_error.empty());
  CHECK_FALSE(shrank);
  CHECK(reads > 0);
  CHECK(reader.stories(query).size() == polls);
}
