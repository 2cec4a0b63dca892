// What each feed has contributed: items, stories and the pace of its items,
// for `status` and the HTTP API. The feeds row keeps the counts (schema v7
// triggers), so this reads one row a feed whatever the number of items.
#include <SQLiteCpp/SQLiteCpp.h>

#include "daemon/store/store.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/store_impl.hpp"
#include "daemon/store/time_text.hpp"

namespace feedsieve {
namespace {

using store_detail::column_time;

// An item's time is its date, else when it was fetched; the average interval
// is the span between the oldest and newest item over the gaps between them.
constexpr const char* activity_sql =
    "SELECT id, created_at, item_count, story_count, oldest_item, newest_item FROM feeds ORDER BY id";

FeedActivity read_activity(const SQLite::Statement& row) {
  FeedActivity activity;
  activity.feed_id = row.getColumn(0).getInt64();
  activity.created_at = column_time(row.getColumn(1));
  activity.items = row.getColumn(2).getInt64();
  activity.stories = row.getColumn(3).getInt64();
  const auto oldest = column_time(row.getColumn(4));
  const auto newest = column_time(row.getColumn(5));
  if (oldest && newest && activity.items > 1)
    activity.average_interval = (*newest - *oldest) / (activity.items - 1);
  return activity;
}

}  // namespace

std::vector<FeedActivity> Store::feed_activity() const {
  return store_detail::guarded(impl_->path, "summing up feed activity", [&] {
    SQLite::Statement select(impl_->db, activity_sql);
    std::vector<FeedActivity> all;
    all.reserve(static_cast<std::size_t>(impl_->db.execAndGet("SELECT count(*) FROM feeds").getInt64()));
    while (select.executeStep()) all.push_back(read_activity(select));
    return all;
  });
}

}  // namespace feedsieve
