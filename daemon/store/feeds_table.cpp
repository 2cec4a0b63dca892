// The feeds table as Store exposes it: rows created from the config, read back
// for scheduling and `status`.
#include <SQLiteCpp/SQLiteCpp.h>

#include <string>

#include "daemon/store/optional_text.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/store_impl.hpp"
#include "daemon/store/time_text.hpp"

namespace feedsieve {
namespace {

using store_detail::column_optional;
using store_detail::column_time;

constexpr const char* feed_columns =
    "SELECT id, name, url, etag, last_modified, next_poll, last_attempt, last_success,"
    " last_status, last_error, error_count, moved_to, poll_hints FROM feeds";

FeedRecord read_feed(const SQLite::Statement& row) {
  FeedRecord feed;
  feed.id = row.getColumn(0).getInt64();
  feed.name = row.getColumn(1).getString();
  feed.url = row.getColumn(2).getString();
  feed.etag = column_optional(row.getColumn(3));
  feed.last_modified = column_optional(row.getColumn(4));
  feed.next_poll = column_time(row.getColumn(5));
  feed.last_attempt = column_time(row.getColumn(6));
  feed.last_success = column_time(row.getColumn(7));
  feed.last_status = static_cast<long>(row.getColumn(8).getInt64());
  feed.last_error = row.getColumn(9).getString();
  feed.error_count = row.getColumn(10).getInt();
  feed.moved_to = column_optional(row.getColumn(11));
  feed.poll_hints = row.getColumn(12).getString();
  return feed;
}

std::optional<FeedRecord> select_feed(SQLite::Database& db, std::string_view name) {
  SQLite::Statement select(db, std::string(feed_columns) + " WHERE name = :name");
  select.bind(":name", std::string(name));
  if (!select.executeStep()) return std::nullopt;
  return read_feed(select);
}

// A feed whose URL changed in the config is, for HTTP purposes, a new
// source: validators, the recorded redirect and the failure streak belonged
// to the old URL, and next_poll is cleared so the new one is polled soon.
void insert_or_update_url(SQLite::Database& db, std::string_view name, std::string_view url) {
  SQLite::Statement upsert(db,
                           "INSERT INTO feeds (name, url) VALUES (:name, :url)"
                           " ON CONFLICT (name) DO UPDATE SET url = excluded.url, etag = NULL,"
                           " last_modified = NULL, moved_to = NULL, next_poll = NULL, error_count = 0, poll_hints = '{}'"
                           " WHERE feeds.url IS NOT excluded.url");
  upsert.bind(":name", std::string(name));
  upsert.bind(":url", std::string(url));
  upsert.exec();
}

}  // namespace

FeedRecord Store::upsert_feed(std::string_view name, std::string_view url) {
  return store_detail::guarded(impl_->path, "saving feed '" + std::string(name) + "'", [&] {
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    insert_or_update_url(impl_->db, name, url);
    std::optional<FeedRecord> feed = select_feed(impl_->db, name);
    transaction.commit();
    return feed.value();
  });
}

std::vector<FeedRecord> Store::feeds() const {
  return store_detail::guarded(impl_->path, "listing feeds", [&] {
    SQLite::Statement select(impl_->db, std::string(feed_columns) + " ORDER BY name");
    std::vector<FeedRecord> feeds;
    // Sized first: growing 10,000 records a doubling at a time costs more than counting them.
    feeds.reserve(static_cast<std::size_t>(impl_->db.execAndGet("SELECT count(*) FROM feeds").getInt64()));
    while (select.executeStep()) feeds.push_back(read_feed(select));
    return feeds;
  });
}

std::optional<FeedRecord> Store::feed_by_name(std::string_view name) const {
  return store_detail::guarded(impl_->path, "reading feed '" + std::string(name) + "'",
                               [&] { return select_feed(impl_->db, name); });
}

}  // namespace feedsieve
