#pragma once
// The text of an item as topic scoring reads it: its content as plain text.
#include <string>
#include <string_view>

#include "feeds/model.hpp"
#include "feeds/topic/topic.hpp"

namespace feedsieve {

TopicText topic_text(const Item& item);

// The same from the parts a stored item keeps (its content is sanitized HTML).
TopicText topic_text(std::string title, std::string summary, std::string_view content_html);

}  // namespace feedsieve
