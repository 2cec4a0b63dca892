#pragma once
// Stories as the outside world reads them: the JSON interface of `query`
// (and later of the HTTP API), and a table for people.
#include <boost/json/value.hpp>
#include <ostream>
#include <vector>

#include "daemon/store/store.hpp"

namespace feedsieve {

boost::json::value to_json(const StoryView& story);
void write_story_table(std::ostream& out, const std::vector<StoryView>& stories);

}  // namespace feedsieve
