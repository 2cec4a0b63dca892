#pragma once
// The text of an item as topic scoring reads it: its content as plain text.
#include <string>
#include <string_view>

#include "feeds/model.hpp"
#include "feeds/topic/topic.hpp"

namespace feedsieve {

// `article_text`: the page behind the item's link (fetch_article), read as more body.
TopicText topic_text(const Item& item, std::string_view article_text = {});

// The same from the parts a stored item keeps (its content is sanitized HTML).
TopicText topic_text(std::string title, std::string summary, std::string_view content_html,
                     std::string_view article_text = {});

}  // namespace feedsieve
