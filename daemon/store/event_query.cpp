// Store::events: the stories that belong to an event, grouped by it.
#include <algorithm>
#include <unordered_map>

#include "daemon/store/store.hpp"

namespace feedsieve {

std::vector<EventView> Store::events(const StoryQuery& query) const {
  StoryQuery all = query;
  all.limit = max_story_limit;
  std::vector<EventView> out;
  std::unordered_map<std::string, std::size_t> index;
  const int wanted = std::clamp(query.limit, 0, max_story_limit);
  for (StoryView& story : stories(all)) {
    if (!story.event_id) continue;
    auto [it, fresh] = index.try_emplace(*story.event_id, out.size());
    if (fresh) {
      if (static_cast<int>(out.size()) == wanted) {
        index.erase(it);
        continue;
      }
      out.push_back({*story.event_id, {}});
    }
    out[it->second].stories.push_back(std::move(story));
  }
  return out;
}

}  // namespace feedsieve
