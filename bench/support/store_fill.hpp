#pragma once
// What the benchmarks that fill a large store by SQL share: a store made by
// the real migrations, opened raw for a fast bulk fill, and its feed rows.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <functional>
#include <string>

#include "daemon/store/store.hpp"

namespace feedsieve::bench {

// The fill is thrown away if the machine stops, so it need not wait for the disk.
inline SQLite::Database open_for_bulk_fill(const std::filesystem::path& path) {
  { Store create(path); }  // the current schema
  SQLite::Database db(path.string(), SQLite::OPEN_READWRITE);
  db.exec("PRAGMA synchronous = OFF");
  return db;
}

// Feeds "feed-0" ... "feed-(count-1)", with row ids 1 ... count.
inline void insert_feeds(SQLite::Database& db, int count, const std::function<std::string(int)>& url_of) {
  SQLite::Statement feed(db, "INSERT INTO feeds (name, url) VALUES (?1, ?2)");
  for (int f = 0; f < count; ++f) {
    feed.reset();
    feed.bind(1, "feed-" + std::to_string(f));
    feed.bind(2, url_of(f));
    feed.exec();
  }
}

}  // namespace feedsieve::bench
