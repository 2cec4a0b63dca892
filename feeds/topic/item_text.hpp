#pragma once
// The text of an item as topic scoring reads it: its content as plain text.
#include "feeds/model.hpp"
#include "feeds/topic/topic.hpp"

namespace feedsieve {

TopicText topic_text(const Item& item);

}  // namespace feedsieve
