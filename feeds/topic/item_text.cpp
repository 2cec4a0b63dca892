#include "feeds/topic/item_text.hpp"

#include "feeds/text/html_text.hpp"

namespace feedsieve {

TopicText topic_text(std::string title, std::string summary, std::string_view content_html) {
  return {std::move(title), std::move(summary), content_html.empty() ? std::string() : html_to_text(content_html)};
}

TopicText topic_text(const Item& item) { return topic_text(item.title, item.summary, item.content); }

}  // namespace feedsieve
