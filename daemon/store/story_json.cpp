#include "daemon/store/story_json.hpp"

#include <boost/json.hpp>

#include "feeds/date/date.hpp"

namespace feedsieve {

boost::json::value time_json(const std::optional<Timestamp>& time) {
  if (!time) return nullptr;
  return boost::json::string(format_rfc3339(*time));
}

boost::json::value to_json(const StoryView& story) {
  boost::json::array sources;
  for (const auto& source : story.sources)
    sources.push_back({{"feed", source.feed},
                       {"url", source.url},
                       {"title", source.title},
                       {"published", time_json(source.published)},
                       {"language", source.language}});
  boost::json::value event = nullptr;
  if (story.event_id) event = boost::json::string(*story.event_id);
  return {{"story_id", story.story_id},      {"title", story.title},
          {"url", story.url},                {"published", time_json(story.published)},
          {"on_topic", story.on_topic},      {"topic_score", story.topic_score},
          {"event_id", std::move(event)},    {"sources", std::move(sources)}};
}

boost::json::value to_json(const EventView& event) {
  boost::json::array stories;
  for (const auto& story : event.stories) stories.push_back(to_json(story));
  return {{"event_id", event.event_id}, {"stories", std::move(stories)}};
}

}  // namespace feedsieve
