#pragma once
// The feed row's side of a poll: attempt time, status, error streak, next
// poll and (on success) the HTTP validators.
#include <SQLiteCpp/Database.h>

#include "daemon/store/store.hpp"

namespace feedsieve::store_detail {

// Throws SQLite::Exception on SQL errors; returns false
// when no feed has poll.feed_id.
bool record_feed_state(SQLite::Database& db, const PollRecord& poll);

}  // namespace feedsieve::store_detail
