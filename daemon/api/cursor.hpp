#pragma once
// The opaque `cursor` of GET /api/stories: where the next page starts (the
// last story's sort key and row, see StoryPosition), bound to the filters of
// the listing it came from so that it cannot be replayed against another one.
#include <optional>
#include <string>
#include <string_view>

#include "daemon/store/store.hpp"

namespace feedsieve {

// `listing` names the filters (since, until, q, on_topic) a cursor belongs to.
std::string encode_cursor(const StoryPosition& position, bool ranked, std::string_view listing);
// nullopt when `text` is not a cursor this listing handed out.
std::optional<StoryPosition> decode_cursor(std::string_view text, bool ranked, std::string_view listing);

}  // namespace feedsieve
