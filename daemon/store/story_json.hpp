#pragma once
// The JSON shapes of stored things that the outside world reads: `query
// --format json` and the HTTP API print exactly these, so they cannot drift.
#include <boost/json/value.hpp>
#include <optional>

#include "daemon/store/store.hpp"

namespace feedsieve {

// An RFC 3339 string, or null for no time.
boost::json::value time_json(const std::optional<Timestamp>& time);

// {"story_id", "title", "url", "published", "on_topic", "topic_score",
//  "event_id", "sources": [{"feed", "url", "title", "published"}]}
boost::json::value to_json(const StoryView& story);
// {"event_id", "stories": [story...]}
boost::json::value to_json(const EventView& event);

}  // namespace feedsieve
