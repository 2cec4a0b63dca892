#include "daemon/cli/story_output.hpp"

#include <iomanip>

#include "feeds/date/date.hpp"

namespace feedsieve {
namespace {

// Cuts at a UTF-8 character boundary so a table never shows half a character.
std::string clip(const std::string& text, std::size_t max_bytes) {
  if (text.size() <= max_bytes) return text;
  std::size_t end = max_bytes - 3;
  while (end > 0 && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) --end;
  return text.substr(0, end) + "...";
}

}  // namespace

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
