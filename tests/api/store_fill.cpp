#include "tests/api/store_fill.hpp"

#include "feeds/date/date.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve::test {

PollStored store_items(Store& store, const std::string& feed, const std::vector<StorySeed>& seeds) {
  PollRecord poll;
  poll.feed_id = store.upsert_feed(feed, "https://" + feed + ".example/feed.xml").id;
  poll.attempted_at = *parse_rfc3339("2024-05-02T00:00:00Z");
  poll.status = PollStatus::ok;
  poll.http_status = 200;
  poll.next_poll = poll.attempted_at + std::chrono::hours(1);
  for (const auto& seed : seeds) {
    NormalizedItem item;
    item.item.id = seed.link;
    item.item.title = seed.title;
    item.item.link = seed.link;
    item.item.summary = seed.summary;
    item.item.published = seed.published;
    item.canonical_link = canonical_url(seed.link);
    item.on_topic = seed.on_topic;
    item.topic_score = seed.on_topic ? 2.0 : 0.0;
    poll.items.push_back(std::move(item));
  }
  return store.record_poll(poll);
}

std::vector<StorySeed> hourly_stories(int count, const std::string& prefix) {
  const Timestamp newest = *parse_rfc3339("2024-05-01T00:00:00Z");
  std::vector<StorySeed> seeds;
  for (int i = 0; i < count; ++i)
    seeds.push_back({prefix + " " + std::to_string(i), "https://news.example/" + prefix + "/" + std::to_string(i),
                     newest - std::chrono::hours(i)});
  return seeds;
}

}  // namespace feedsieve::test
