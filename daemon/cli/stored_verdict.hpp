#pragma once
// The topic verdict of a stored item under the config's current [topic]
// profile and its feed's topic_weight: what `rescore` stores and `explain`
// prints, worked out one way for both.
#include <string>
#include <unordered_map>

#include "daemon/config/config.hpp"
#include "daemon/store/store.hpp"
#include "feeds/topic/topic.hpp"

namespace feedsieve::cli {

class StoredItemJudge {
 public:
  explicit StoredItemJudge(const Config& config);

  // The feed's topic_weight; 1 for a feed the config no longer lists.
  double feed_weight(const std::string& feed) const;
  TopicVerdict operator()(const ItemDetail& item) const;

 private:
  const TopicProfile& profile_;
  std::unordered_map<std::string, double> weights_;  // by feed name
};

}  // namespace feedsieve::cli
