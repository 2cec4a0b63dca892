#pragma once
// Stories as the outside world reads them: the JSON interface of `query`
// (daemon/store/story_json.hpp, shared with the HTTP API), and a table for people.
#include <ostream>
#include <vector>

#include "daemon/store/story_json.hpp"

namespace feedsieve {

void write_story_table(std::ostream& out, const std::vector<StoryView>& stories);

}  // namespace feedsieve
