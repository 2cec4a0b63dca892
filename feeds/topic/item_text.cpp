#include "feeds/topic/item_text.hpp"

#include "feeds/text/html_text.hpp"

namespace feedsieve {

TopicText topic_text(const Item& item) {
  return {item.title, item.summary, item.content.empty() ? std::string() : html_to_text(item.content)};
}

}  // namespace feedsieve
