#include "daemon/cli/stored_verdict.hpp"

#include "feeds/topic/item_text.hpp"

namespace feedsieve::cli {

StoredItemJudge::StoredItemJudge(const Config& config) : profile_(config.topic) {
  for (const FeedConfig& f : config.feeds) weights_.emplace(f.name, f.topic_weight);
}

double StoredItemJudge::feed_weight(const std::string& feed) const {
  const auto it = weights_.find(feed);
  return it == weights_.end() ? 1.0 : it->second;
}

TopicVerdict StoredItemJudge::operator()(const ItemDetail& item) const {
  return score_topic(profile_, topic_text(item.title, item.summary, item.content, item.article_text),
                     feed_weight(item.feed));
}

}  // namespace feedsieve::cli
