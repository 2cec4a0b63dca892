// Retention on a real store: expired items go only with their whole story,
// items their feed still lists stay, and a dry run changes nothing.
#include <catch2/catch.hpp>

#include "daemon/store/store.hpp"
#include "feeds/date/date.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using std::chrono::days;

namespace {

const Timestamp now = parse_rfc3339("2024-06-01T12:00:00Z").value();

NormalizedItem item(const std::string& id, const std::string& title, const std::string& link) {
  NormalizedItem out;
  out.item.id = id;
  out.item.title = title;
  out.item.link = link;
  out.canonical_link = link;
  return out;
}

void poll(Store& store, std::int64_t feed, Timestamp at, std::vector<NormalizedItem> items) {
  PollRecord record;
  record.feed_id = feed;
  record.attempted_at = at;
  record.status = PollStatus::ok;
  record.http_status = 200;
  record.next_poll = at + std::chrono::hours(1);
  record.items = std::move(items);
  store.record_poll(record);
}

std::size_t story_count(const Store& store) {
  StoryQuery query;
  query.limit = 1000;
  query.include_off_topic = true;
  return store.stories(query).size();
}

}  // namespace

TEST_CASE("retention removes whole expired stories and keeps what feeds still list or share") {
  test::TempDir dir;
  Store store(dir / "store.db");
  const auto wire = store.upsert_feed("wire", "https://wire.example/rss").id;
  const auto blog = store.upsert_feed("blog", "https://blog.example/rss").id;
  const Timestamp old = now - days(100);
  poll(store, wire, old,
       {item("w-1", "Quantum zebras cross the river", "https://a.example/zebras"),
        item("w-2", "Volcanic pancakes feed the village", "https://a.example/pancakes")});
  poll(store, wire, now, {item("w-3", "Orbital lighthouses guide comets", "https://a.example/lighthouse")});
  // The blog still carries the pancakes story today: that story is kept, with the wire's old copy.
  poll(store, blog, now, {item("b-1", "Volcanic pancakes feed the village", "https://a.example/pancakes")});
  REQUIRE(story_count(store) == 3);

  RetentionPolicy policy;
  policy.keep_days = days(30);
  policy.keep_days_on_topic = days(30);
  const PruneReport dry = store.prune(policy, now, true);
  CHECK(dry.items == 1);
  CHECK(dry.stories == 1);
  CHECK(dry.by_feed == std::vector<FeedPrune>{{"wire", 1, format_rfc3339(old), format_rfc3339(old)}});
  CHECK(story_count(store) == 3);

  const PruneReport done = store.prune(policy, now);
  CHECK(done.items == 1);
  CHECK(done.stories == 1);
  CHECK(done.by_feed == dry.by_feed);
  CHECK(story_count(store) == 2);
  const auto kept = store.feed_activity();
  CHECK(kept.at(0).items == 2);  // wire: its pancakes copy and its current item
}

TEST_CASE("a feed that answers 304 Not Modified still lists its items, and retention keeps them") {
  test::TempDir dir;
  Store store(dir / "store.db");
  const auto blog = store.upsert_feed("blog", "https://blog.example/rss").id;
  const auto wire = store.upsert_feed("wire", "https://wire.example/rss").id;
  poll(store, blog, now - days(100), {item("b-1", "Quantum zebras cross the river", "https://a.example/zebras")});
  poll(store, wire, now - days(100), {item("w-1", "Volcanic pancakes feed the village", "https://a.example/pancakes")});
  poll(store, wire, now - days(50), {});  // the wire no longer lists its item
  for (const int ago : {60, 20, 1}) {
    PollRecord unchanged;
    unchanged.feed_id = blog;
    unchanged.attempted_at = now - days(ago);
    unchanged.status = PollStatus::not_modified;
    unchanged.http_status = 304;
    unchanged.next_poll = unchanged.attempted_at + std::chrono::hours(1);
    store.record_poll(unchanged);
  }
  RetentionPolicy policy;
  policy.keep_days = days(30);
  policy.keep_days_on_topic = days(30);
  const PruneReport done = store.prune(policy, now);
  CHECK(done.by_feed == std::vector<FeedPrune>{{"wire", 1, format_rfc3339(now - days(100)), format_rfc3339(now - days(100))}});
  CHECK(story_count(store) == 1);
  CHECK(store.feed_activity().at(0).items == 1);  // the blog keeps its item
}

TEST_CASE("max_items_per_feed keeps each feed's newest items") {
  test::TempDir dir;
  Store store(dir / "store.db");
  const auto wire = store.upsert_feed("wire", "https://wire.example/rss").id;
  std::vector<NormalizedItem> items;
  const std::vector<std::string> words{"alpha", "bravo", "charlie", "delta", "echo"};
  for (std::size_t i = 0; i < words.size(); ++i) {
    items.push_back(item(words[i], words[i] + " unrelated headline number " + std::to_string(i),
                         "https://a.example/" + words[i]));
    items.back().item.published = now - days(10 - static_cast<int>(i));
  }
  poll(store, wire, now - days(1), items);
  poll(store, wire, now, {});  // the feed no longer lists them
  RetentionPolicy policy;
  policy.max_items_per_feed = 2;
  CHECK(store.prune(policy, now).items == 3);
  CHECK(story_count(store) == 2);
  CHECK(store.prune(RetentionPolicy{}, now).items == 0);
}

TEST_CASE("stories on topic may be kept longer than those off topic") {
  test::TempDir dir;
  Store store(dir / "store.db");
  const auto wire = store.upsert_feed("wire", "https://wire.example/rss").id;
  NormalizedItem off_topic = item("w-1", "Volcanic pancakes feed the village", "https://a.example/pancakes");
  off_topic.on_topic = false;
  poll(store, wire, now - days(60),
       {item("w-2", "Mistral opens the weights of its largest model", "https://a.example/mistral"), off_topic});
  poll(store, wire, now - days(200), {item("w-3", "Llama 2 is released under a community licence", "https://a.example/llama2")});
  poll(store, wire, now, {});  // the feed no longer lists them
  REQUIRE(story_count(store) == 3);

  RetentionPolicy policy;
  policy.keep_days = days(30);
  policy.keep_days_on_topic = days(90);
  const PruneReport done = store.prune(policy, now);
  CHECK(done.items == 2);  // the 60-day-old off-topic item and the 200-day-old on-topic one
  CHECK(done.stories == 2);
  CHECK(done.by_feed ==
        std::vector<FeedPrune>{{"wire", 2, format_rfc3339(now - days(200)), format_rfc3339(now - days(60))}});
  StoryQuery every;
  every.include_off_topic = true;
  const auto kept = store.stories(every);
  REQUIRE(kept.size() == 1);
  CHECK(kept.at(0).title == "Mistral opens the weights of its largest model");  // on topic, 60 days old
}
