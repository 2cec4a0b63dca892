#include "daemon/cli/story_output.hpp"

#include <boost/json.hpp>
#include <iomanip>

#include "feeds/date/date.hpp"

namespace feedsieve {
namespace {

boost::json::value time_or_null(const std::optional<Timestamp>& t) {
  if (!t) return nullptr;
  return boost::json::string(format_rfc3339(*t));
}

// Cuts at a UTF-8 character boundary so a table never shows half a character.
std::string clip(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes - 3;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "...";
}

}  // namespace

boost::json::value to_json(const StoryView& story) {
  boost::json::array sources;
  for (const auto& source : story.sources)
    sources.push_back({{"feed", source.feed},
                       {"url", source.url},
                       {"title", source.title},
                       {"published", time_or_null(source.published)}});
  boost::json::value event = nullptr;
  if (story.event_id) event = boost::json::string(*story.event_id);
  return {{"story_id", story.story_id},      {"title", story.title},
          {"url", story.url},                {"published", time_or_null(story.published)},
          {"on_topic", story.on_topic},      {"topic_score", story.topic_score},
          {"event_id", std::move(event)},    {"sources", std::move(sources)}};
}

void write_story_table(std::ostream& out, const std::vector<StoryView>& stories) {
  out << std::left << std::setw(21) << "PUBLISHED" << std::setw(8) << "SOURCES" << "TITLE\n";
  for (const auto& story : stories) {
    const std::string when = story.published ? format_rfc3339(*story.published) : "-";
    out << std::setw(21) << when << std::setw(8) << story.sources.size() << clip(story.title, 100) << "\n"
        << std::setw(29) << "" << story.url << "\n";
  }
  out << stories.size() << (stories.size() == 1 ? " story\n" : " stories\n");
}

}  // namespace feedsieve
