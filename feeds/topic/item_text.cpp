#include "feeds/topic/item_text.hpp"

#include "feeds/text/html_text.hpp"

namespace feedsieve {

TopicText topic_text(std::string title, std::string summary, std::string_view content_html,
                     std::string_view article_text) {
  std::string content = content_html.empty() ? std::string() : html_to_text(content_html);
  if (!article_text.empty()) content += (content.empty() ? "" : "\n\n") + std::string(article_text);
  return {std::move(title), std::move(summary), std::move(content)};
}

TopicText topic_text(const Item& item, std::string_view article_text) {
  return topic_text(item.title, item.summary, item.content, article_text);
}

}  // namespace feedsieve
