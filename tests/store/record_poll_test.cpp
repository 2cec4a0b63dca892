// Store::record_poll: feed state, item identity, story joining, atomicity.
#include <catch2/catch.hpp>

#include "daemon/store/item_identity.hpp"
#include "daemon/store/store.hpp"
#include "feeds/date/date.hpp"
#include "tests/store/store_fixtures.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::make_item;
using feedsieve::test::may;
using feedsieve::test::ok_poll;
using feedsieve::test::scalar;
using feedsieve::test::TempDir;
using feedsieve::test::text_of;
using Catch::Matchers::Contains;

namespace {

StoryQuery everything() {
  StoryQuery query;
  query.limit = max_story_limit;
  query.include_off_topic = true;
  return query;
}

struct Fixture {
  TempDir dir;
  std::filesystem::path path = dir / "feedsieve.db";
  Store store{path};
  std::int64_t feed = store.upsert_feed("alpha", "http://alpha.test/feed").id;
  std::int64_t other = store.upsert_feed("beta", "http://beta.test/feed").id;
};

}  // namespace

TEST_CASE("upsert_feed creates a feed once and follows URL changes", "[store][feeds]") {
  TempDir dir;
  Store store(dir / "feedsieve.db");
  const FeedRecord first = store.upsert_feed("alpha", "http://alpha.test/feed");
  CHECK(first.id > 0);
  CHECK(first.url == "http://alpha.test/feed");
  CHECK_FALSE(first.next_poll);
  CHECK(store.upsert_feed("alpha", "http://alpha.test/feed").id == first.id);

  PollRecord poll = ok_poll(first.id, {});
  poll.etag = "\"v1\"";
  store.record_poll(poll);
  CHECK(store.upsert_feed("alpha", "http://alpha.test/feed").etag == "\"v1\"");

  // Validators belong to a URL: a new URL starts without them.
  const FeedRecord moved = store.upsert_feed("alpha", "http://alpha.test/new-feed");
  CHECK(moved.id == first.id);
  CHECK(moved.url == "http://alpha.test/new-feed");
  CHECK_FALSE(moved.etag);
  CHECK_FALSE(moved.next_poll);
  CHECK(moved.last_success == may(1));
  REQUIRE(store.feed_by_name("alpha"));
  CHECK(store.feed_by_name("alpha")->url == "http://alpha.test/new-feed");
  CHECK_FALSE(store.feed_by_name("gamma"));
}

TEST_CASE("an ok poll stores the feed state, its items and new stories", "[store][poll]") {
  Fixture f;
  PollRecord poll = ok_poll(f.feed, {make_item("g1", "DeepSeek ships R2", "https://news.test/r2", may(1, 9)),
                                     make_item("g2", "Qwen 3 is out", "https://news.test/qwen3", may(1, 10))});
  poll.etag = "\"abc\"";
  poll.last_modified = "Wed, 01 May 2024 10:00:00 GMT";
  const PollStored stored = f.store.record_poll(poll);
  CHECK(stored.new_items == 2);
  CHECK(stored.updated_items == 0);
  CHECK(stored.new_stories == 2);

  const FeedRecord feed = *f.store.feed_by_name("alpha");
  CHECK(feed.etag == "\"abc\"");
  CHECK(feed.last_modified == "Wed, 01 May 2024 10:00:00 GMT");
  CHECK(feed.last_attempt == may(1));
  CHECK(feed.last_success == may(1));
  CHECK(feed.next_poll == may(1) + std::chrono::minutes{30});
  CHECK(feed.last_status == 200);
  CHECK(feed.last_error.empty());
  CHECK(feed.error_count == 0);

  const auto stories = f.store.stories(everything());
  REQUIRE(stories.size() == 2);
  CHECK(stories[0].title == "Qwen 3 is out");
  CHECK(stories[0].url == "https://news.test/qwen3");
  CHECK(stories[0].published == may(1, 10));
  REQUIRE(stories[0].sources.size() == 1);
  CHECK(stories[0].sources[0].feed == "alpha");
  CHECK(stories[0].sources[0].url == "https://news.test/qwen3?utm_source=feed");
  CHECK(text_of(f.path, "SELECT fetched_at FROM items WHERE guid = 'g1'") == "2024-05-01T12:00:00Z");
}

TEST_CASE("an item's language is stored, and a new one counts as a change", "[store][poll]") {
  Fixture f;
  NormalizedItem item = make_item("g1", "Qwen 3 est sorti", "https://news.test/qwen3", may(1));
  item.item.language = "fr";
  f.store.record_poll(ok_poll(f.feed, {item, make_item("g2", "Untagged", "https://news.test/2", may(1))}));
  CHECK(text_of(f.path, "SELECT language FROM items WHERE guid = 'g1'") == "fr");
  CHECK(text_of(f.path, "SELECT language FROM items WHERE guid = 'g2'").empty());
  const auto stories = f.store.stories(everything());
  REQUIRE(stories.size() == 2);
  for (const StoryView& story : stories) {
    REQUIRE(story.sources.size() == 1);
    CHECK(story.sources[0].language == (story.title == "Qwen 3 est sorti" ? "fr" : ""));
  }
  item.item.language = "fr-CA";
  const PollStored again = f.store.record_poll(ok_poll(f.feed, {item}, may(2)));
  CHECK(again.updated_items == 1);
  CHECK(text_of(f.path, "SELECT language FROM items WHERE guid = 'g1'") == "fr-CA");
}

TEST_CASE("the same poll twice adds nothing", "[store][poll]") {
  Fixture f;
  const auto items = std::vector{make_item("g1", "One", "https://news.test/1", may(1)),
                                 make_item("g2", "Two", "https://news.test/2", may(1))};
  f.store.record_poll(ok_poll(f.feed, items, may(1)));
  const PollStored again = f.store.record_poll(ok_poll(f.feed, items, may(2)));
  CHECK(again.new_items == 0);
  CHECK(again.updated_items == 0);
  CHECK(again.new_stories == 0);
  CHECK(scalar(f.path, "SELECT count(*) FROM items") == 2);
  CHECK(scalar(f.path, "SELECT count(*) FROM stories") == 2);
  // Seen again, though: last_seen_at moves, fetched_at stays.
  CHECK(text_of(f.path, "SELECT last_seen_at FROM items WHERE guid = 'g1'") == "2024-05-02T12:00:00Z");
  CHECK(text_of(f.path, "SELECT fetched_at FROM items WHERE guid = 'g1'") == "2024-05-01T12:00:00Z");
}

TEST_CASE("a changed title updates the item and keeps its story", "[store][poll]") {
  Fixture f;
  f.store.record_poll(ok_poll(f.feed, {make_item("g1", "Mistral raises", "https://news.test/m", may(1))}));
  const std::string story_id = f.store.stories(everything()).at(0).story_id;

  const PollStored stored =
      f.store.record_poll(ok_poll(f.feed, {make_item("g1", "Mistral raises $600M", "https://news.test/m", may(1))}));
  CHECK(stored.updated_items == 1);
  CHECK(stored.new_items == 0);
  CHECK(stored.new_stories == 0);
  const auto stories = f.store.stories(everything());
  REQUIRE(stories.size() == 1);
  CHECK(stories[0].story_id == story_id);
  CHECK(stories[0].title == "Mistral raises $600M");
  CHECK(stories[0].sources.at(0).title == "Mistral raises $600M");
}

TEST_CASE("the same canonical link in two feeds is one story with two sources", "[store][poll]") {
  Fixture f;
  const PollStored first =
      f.store.record_poll(ok_poll(f.feed, {make_item("a-1", "Kimi K2 released", "https://moonshot.test/k2", may(2))}));
  const PollStored second = f.store.record_poll(
      ok_poll(f.other, {make_item("b-9", "Moonshot's Kimi K2", "https://moonshot.test/k2", may(1))}));
  CHECK(first.new_stories == 1);
  CHECK(second.new_items == 1);
  CHECK(second.new_stories == 0);

  const auto stories = f.store.stories(everything());
  REQUIRE(stories.size() == 1);
  CHECK(stories[0].title == "Kimi K2 released");  // from the founding item
  CHECK(stories[0].published == may(1));          // the earliest of its items
  REQUIRE(stories[0].sources.size() == 2);
  CHECK(stories[0].sources[0].feed == "beta");  // ordered by published
  CHECK(stories[0].sources[1].feed == "alpha");
}

TEST_CASE("a failed poll keeps the validators and touches no items", "[store][poll]") {
  Fixture f;
  PollRecord ok = ok_poll(f.feed, {make_item("g1", "One", "https://news.test/1")});
  ok.etag = "\"v1\"";
  ok.last_modified = "Wed, 01 May 2024 10:00:00 GMT";
  f.store.record_poll(ok);

  PollRecord failed = test::failed_poll(f.feed, may(2), 1);
  failed.items = {make_item("g2", "Ignored", "https://news.test/2")};
  const PollStored stored = f.store.record_poll(failed);
  CHECK(stored.new_items == 0);
  CHECK(stored.updated_items == 0);
  CHECK(stored.new_stories == 0);

  const FeedRecord feed = *f.store.feed_by_name("alpha");
  CHECK(feed.etag == "\"v1\"");
  CHECK(feed.last_modified == "Wed, 01 May 2024 10:00:00 GMT");
  CHECK(feed.last_success == may(1));
  CHECK(feed.last_attempt == may(2));
  CHECK(feed.last_status == 500);
  CHECK(feed.last_error == "HTTP 500 from http://example.test/feed");
  CHECK(feed.error_count == 1);
  CHECK(feed.next_poll == may(2) + std::chrono::hours{1});
  CHECK(scalar(f.path, "SELECT count(*) FROM items") == 1);
  CHECK(text_of(f.path, "SELECT last_seen_at FROM items") == "2024-05-01T12:00:00Z");

  // The next success clears the error.
  f.store.record_poll(ok_poll(f.feed, {}, may(3)));
  CHECK(f.store.feed_by_name("alpha")->last_error.empty());
  CHECK(f.store.feed_by_name("alpha")->error_count == 0);
}

TEST_CASE("a 304 without validators keeps the stored ones; a 200 without them clears them", "[store][poll]") {
  Fixture f;
  PollRecord ok = ok_poll(f.feed, {});
  ok.etag = "\"v1\"";
  f.store.record_poll(ok);

  PollRecord not_modified = ok_poll(f.feed, {}, may(2));
  not_modified.status = PollStatus::not_modified;
  not_modified.http_status = 304;
  f.store.record_poll(not_modified);
  CHECK(f.store.feed_by_name("alpha")->etag == "\"v1\"");
  CHECK(f.store.feed_by_name("alpha")->last_success == may(2));

  f.store.record_poll(ok_poll(f.feed, {}, may(3)));
  CHECK_FALSE(f.store.feed_by_name("alpha")->etag);
}

TEST_CASE("a permanent redirect is recorded and kept", "[store][poll]") {
  Fixture f;
  PollRecord poll = ok_poll(f.feed, {});
  poll.moved_to = "https://alpha.test/rss";
  f.store.record_poll(poll);
  f.store.record_poll(test::failed_poll(f.feed, may(2), 1));
  CHECK(f.store.feed_by_name("alpha")->moved_to == "https://alpha.test/rss");
}

TEST_CASE("a poll that fails midway leaves the store unchanged", "[store][poll]") {
  Fixture f;
  f.store.record_poll(ok_poll(f.feed, {make_item("g0", "Before", "https://news.test/0")}, may(1)));
  // A constraint the schema does not have, to make the second item's insert fail.
  test::execute(f.path,
                "CREATE TRIGGER refuse BEFORE INSERT ON items WHEN new.title = 'poison'"
                " BEGIN SELECT RAISE(ABORT, 'poisoned item'); END");

  PollRecord poll = ok_poll(f.feed,
                            {make_item("g0", "Before, edited", "https://news.test/0"),
                             make_item("g1", "Fine", "https://news.test/1"),
                             make_item("g2", "poison", "https://news.test/2")},
                            may(5));
  poll.etag = "\"new\"";
  try {
    f.store.record_poll(poll);
    FAIL("the poll went through");
  } catch (const StoreError& e) {
    CHECK_THAT(std::string(e.what()), Contains(f.path.string()) && Contains("poisoned item"));
  }
  CHECK(scalar(f.path, "SELECT count(*) FROM items") == 1);
  CHECK(scalar(f.path, "SELECT count(*) FROM stories") == 1);
  CHECK(text_of(f.path, "SELECT title FROM items") == "Before");
  const FeedRecord feed = *f.store.feed_by_name("alpha");
  CHECK(feed.last_attempt == may(1));
  CHECK_FALSE(feed.etag);
  // The store is still usable afterwards.
  test::execute(f.path, "DROP TRIGGER refuse");
  CHECK(f.store.record_poll(poll).new_items == 2);
}

TEST_CASE("a poll for an unknown feed is an error", "[store][poll]") {
  Fixture f;
  CHECK_THROWS_WITH(f.store.record_poll(ok_poll(999, {make_item("g", "x")})), Contains("no feed with id 999"));
  CHECK(scalar(f.path, "SELECT count(*) FROM items") == 0);
}

TEST_CASE("a guid repeated within one poll is one item, the last copy winning", "[store][poll]") {
  Fixture f;
  const PollStored stored = f.store.record_poll(ok_poll(
      f.feed, {make_item("same", "First copy"), make_item("other", "Other"), make_item("same", "Last copy")}));
  CHECK(stored.new_items == 2);
  CHECK(scalar(f.path, "SELECT count(*) FROM items") == 2);
  CHECK(text_of(f.path, "SELECT title FROM items WHERE guid = 'same'") == "Last copy");
}

TEST_CASE("items without a guid are identified by link, then by their text", "[store][poll]") {
  Fixture f;
  NormalizedItem linked = make_item("", "Linked", "https://news.test/linked");
  NormalizedItem bare = make_item("", "No link at all");
  bare.item.summary = "Just text.";
  const auto items = std::vector{linked, bare};
  CHECK(f.store.record_poll(ok_poll(f.feed, items)).new_items == 2);
  CHECK(f.store.record_poll(ok_poll(f.feed, items, may(2))).new_items == 0);
  CHECK(scalar(f.path, "SELECT count(*) FROM items WHERE guid = 'https://news.test/linked'") == 1);
  CHECK(scalar(f.path, "SELECT count(*) FROM items WHERE guid LIKE 'hash:%' AND length(guid) = 21") == 1);
}

TEST_CASE("items without a canonical link found their own story per feed", "[store][poll]") {
  Fixture f;
  f.store.record_poll(ok_poll(f.feed, {make_item("x", "Same guid, no link")}));
  f.store.record_poll(ok_poll(f.other, {make_item("x", "Same guid, no link")}));
  CHECK(scalar(f.path, "SELECT count(*) FROM stories") == 2);
}

TEST_CASE("an item changed to an earlier date moves its story's date", "[store][poll]") {
  Fixture f;
  f.store.record_poll(ok_poll(f.feed, {make_item("g", "Dated", "https://news.test/d", may(5))}));
  const PollStored stored = f.store.record_poll(ok_poll(f.feed, {make_item("g", "Dated", "https://news.test/d", may(3))}));
  CHECK(stored.updated_items == 1);
  CHECK(f.store.stories(everything()).at(0).published == may(3));
}

TEST_CASE("story ids are 16 hex digits and stable across reopening", "[store][poll]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  std::string story_id;
  {
    Store store(path);
    const auto feed = store.upsert_feed("alpha", "http://alpha.test/feed").id;
    store.record_poll(ok_poll(feed, {make_item("g", "Llama 4", "https://meta.test/llama4")}));
    story_id = store.stories(everything()).at(0).story_id;
  }
  CHECK(story_id.size() == 16);
  CHECK(story_id.find_first_not_of("0123456789abcdef") == std::string::npos);
  Store reopened(path, Store::Mode::read_only);
  CHECK(reopened.stories(everything()).at(0).story_id == story_id);
  const auto one = reopened.story(story_id);
  REQUIRE(one);
  CHECK(one->title == "Llama 4");
  CHECK(one->sources.size() == 1);
  CHECK_FALSE(reopened.story("0000000000000000"));
}

TEST_CASE("a story_id collision falls back deterministically", "[store][poll]") {
  Fixture f;
  f.store.record_poll(ok_poll(f.feed, {make_item("g1", "First", "https://news.test/a")}));
  // Give the next story's natural id to the first story, as a hash collision would.
  const std::string natural = store_detail::story_id_for("https://news.test/b", 0);
  {
    SQLite::Database db(f.path.string(), SQLite::OPEN_READWRITE);
    SQLite::Statement take(db, "UPDATE stories SET story_id = ?");
    take.bind(1, natural);
    take.exec();
  }
  CHECK(f.store.record_poll(ok_poll(f.feed, {make_item("g2", "Second", "https://news.test/b")})).new_stories == 1);
  const auto second = f.store.story(store_detail::story_id_for("https://news.test/b", 1));
  REQUIRE(second);
  CHECK(second->title == "Second");
  CHECK(f.store.story(natural)->title == "First");
}

TEST_CASE("an item polled without a look at its page keeps the page stored with it", "[store][poll][articles]") {
  // fetch_article turned off after the page was read: the next polls carry
  // no article, and must not erase the stored one or the identity it gave.
  Fixture f;
  NormalizedItem read = make_item("g1", "Weights released", "https://news.test/1");
  FetchedArticle article;
  article.text = "The full text of the page.";
  article.canonical_url = "https://news.test/story/1";
  article.canonical_link = "https://news.test/story/1";
  article.fetched_at = may(1);
  read.article = article;
  f.store.record_poll(ok_poll(f.feed, {read}, may(1)));

  const PollStored again = f.store.record_poll(ok_poll(f.feed, {make_item("g1", "Weights released", "https://news.test/1")}, may(2)));
  CHECK(again.updated_items == 0);
  CHECK(text_of(f.path, "SELECT article_text FROM items") == "The full text of the page.");
  CHECK(text_of(f.path, "SELECT canonical_link FROM items") == "https://news.test/story/1");
  CHECK(text_of(f.path, "SELECT last_seen_at FROM items") == format_rfc3339(may(2)));

  // An edit of the feed's text is stored, and still keeps the page.
  const PollStored edited = f.store.record_poll(ok_poll(f.feed, {make_item("g1", "Weights released, v2", "https://news.test/1")}, may(3)));
  CHECK(edited.updated_items == 1);
  CHECK(text_of(f.path, "SELECT title FROM items") == "Weights released, v2");
  CHECK(text_of(f.path, "SELECT article_text FROM items") == "The full text of the page.");
}

TEST_CASE("a poll of a URL the feed no longer has is discarded, not stored over the new URL's state",
          "[store][poll]") {
  Fixture f;
  const FeedRecord moved = f.store.upsert_feed("alpha", "http://alpha.test/new-feed");  // a reload changed the URL
  PollRecord stale = ok_poll(f.feed, {make_item("g1", "From the old URL", "https://news.test/1")}, may(2));
  stale.feed_url = "http://alpha.test/feed";
  stale.etag = "\"old\"";
  stale.moved_to = "http://alpha.test/elsewhere";
  const PollStored stored = f.store.record_poll(stale);
  CHECK(stored.discarded);
  CHECK(stored.new_items == 0);
  const auto row = f.store.feed_by_name("alpha");
  REQUIRE(row);
  CHECK(row->url == moved.url);
  CHECK_FALSE(row->etag);
  CHECK_FALSE(row->moved_to);
  CHECK_FALSE(row->last_attempt);
  CHECK(scalar(f.path, "SELECT count(*) FROM items") == 0);

  PollRecord current = stale;
  current.feed_url = moved.url;
  CHECK_FALSE(f.store.record_poll(current).discarded);
  CHECK(f.store.feed_by_name("alpha")->etag == "\"old\"");
}

TEST_CASE("an item is found by its own link before a copy that shares its canonical form, and by its guid",
          "[store][explain]") {
  Fixture f;
  // The other feed's copy is stored first and has the lower row id.
  f.store.record_poll(ok_poll(f.other, {make_item("b-1", "Weights released", "https://news.test/1")}, may(1)));
  f.store.record_poll(ok_poll(f.feed, {make_item("a-1", "Weights released", "https://news.test/1")}, may(2)));
  // make_item publishes canonical + "?utm_source=feed" as the link: both items share the canonical form.
  const auto by_canonical = f.store.item("https://news.test/1");
  REQUIRE(by_canonical);
  CHECK(by_canonical->feed == "beta");
  const auto by_link = f.store.item("https://news.test/1?utm_source=feed");
  REQUIRE(by_link);
  CHECK(by_link->feed == "beta");  // both have that exact link: the earliest

  NormalizedItem own = make_item("a-2", "Another story entirely", "https://news.test/2");
  own.item.link = "https://news.test/2?utm_medium=alpha";
  f.store.record_poll(ok_poll(f.other, {make_item("b-2", "Another story entirely", "https://news.test/2")}, may(3)));
  f.store.record_poll(ok_poll(f.feed, {own}, may(4)));
  const auto exact = f.store.item("https://news.test/2?utm_medium=alpha");
  REQUIRE(exact);
  CHECK(exact->guid == "a-2");
  const auto guid = f.store.item("b-2");
  REQUIRE(guid);
  CHECK(guid->feed == "beta");
}
