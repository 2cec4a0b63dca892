#pragma once
// A feed document's schedule hints as the text of feeds.poll_hints (a JSON
// object, docs/schema.md), so they outlive the poll that brought them: the
// next polls, answered 304 without a body, and a restarted daemon use them.
#include <string>
#include <string_view>

#include "daemon/schedule/server_hints.hpp"

namespace feedsieve {

// {"ttl": s, "update_period": s, "learned_interval": s, "skip_hours": [...],
//  "skip_days": [...]}, each key only when known.
std::string poll_hints_json(const DocumentHints& hints);

// The reverse. Text that is not such an object (a hand-edited or damaged
// row) yields no hints rather than an error: the feed is polled at its interval.
DocumentHints poll_hints_from_json(std::string_view text);

}  // namespace feedsieve
