#include "daemon/store/feed_state.hpp"

#include <SQLiteCpp/Statement.h>

#include "daemon/store/optional_text.hpp"
#include "daemon/store/time_text.hpp"

namespace feedsieve::store_detail {
namespace {

// Every attempt: when, how it went, the streak and the next poll. A moved_to
// is only ever replaced by a newer redirect, never cleared by a poll; the
// poll hints only by those of a newer full document.
constexpr const char* attempt_sql =
    "UPDATE feeds SET last_attempt = :attempted, last_status = :status, last_error = :error,"
    " error_count = :error_count, next_poll = :next_poll, moved_to = coalesce(:moved_to, moved_to),"
    " poll_hints = coalesce(:poll_hints, poll_hints)"
    " WHERE id = :feed";

// A 200 brings the validators to send next time (none, if the server gave
// none). A 304 need not repeat them, so a missing one keeps the stored one.
constexpr const char* ok_sql =
    "UPDATE feeds SET last_success = :attempted, etag = :etag, last_modified = :last_modified WHERE id = :feed";
constexpr const char* not_modified_sql =
    "UPDATE feeds SET last_success = :attempted, etag = coalesce(:etag, etag),"
    " last_modified = coalesce(:last_modified, last_modified) WHERE id = :feed";

// A 304 says the feed still lists what its last full document listed (the
// items whose last_seen_at is that poll's time, which last_success holds):
// they are seen again now, or retention would expire the items of a feed
// that keeps answering 304. Runs before last_success moves.
constexpr const char* seen_again_sql =
    "UPDATE items SET last_seen_at = :attempted"
    " WHERE feed_id = :feed AND last_seen_at = (SELECT last_success FROM feeds WHERE id = :feed)";

void record_success(SQLite::Database& db, const PollRecord& poll) {
  if (poll.status == PollStatus::not_modified) {
    SQLite::Statement seen(db, seen_again_sql);
    seen.bind(":attempted", format_rfc3339(poll.attempted_at));
    seen.bind(":feed", poll.feed_id);
    seen.exec();
  }
  SQLite::Statement update(db, poll.status == PollStatus::ok ? ok_sql : not_modified_sql);
  update.bind(":attempted", format_rfc3339(poll.attempted_at));
  bind_optional(update, ":etag", poll.etag);
  bind_optional(update, ":last_modified", poll.last_modified);
  update.bind(":feed", poll.feed_id);
  update.exec();
}

}  // namespace

bool record_feed_state(SQLite::Database& db, const PollRecord& poll) {
  SQLite::Statement update(db, attempt_sql);
  update.bind(":attempted", format_rfc3339(poll.attempted_at));
  update.bind(":status", static_cast<std::int64_t>(poll.http_status));
  update.bind(":error", poll.status == PollStatus::failed ? poll.error : std::string());
  update.bind(":error_count", poll.error_count);
  update.bind(":next_poll", format_rfc3339(poll.next_poll));
  bind_optional(update, ":moved_to", poll.moved_to);
  bind_optional(update, ":poll_hints", poll.poll_hints);
  update.bind(":feed", poll.feed_id);
  if (update.exec() == 0) return false;
  if (poll.status != PollStatus::failed) record_success(db, poll);
  return true;
}

}  // namespace feedsieve::store_detail
