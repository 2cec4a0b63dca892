// Store::stories: order, since, topic filter, limits and full-text search.
#include <catch2/catch.hpp>

#include <algorithm>

#include "daemon/store/fts_query.hpp"
#include "daemon/store/store.hpp"
#include "tests/store/store_fixtures.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::make_item;
using feedsieve::test::may;
using feedsieve::test::ok_poll;
using feedsieve::test::TempDir;

namespace {

struct Fixture {
  TempDir dir;
  std::filesystem::path path = dir / "feedsieve.db";
  Store store{path};
  std::int64_t feed = store.upsert_feed("alpha", "http://alpha.test/feed").id;

  Fixture() {
    NormalizedItem by_title = make_item("t", "DeepSeek releases R2", "https://news.test/t", may(3));
    NormalizedItem by_summary = make_item("s", "A model launch", "https://news.test/s", may(2));
    by_summary.item.summary = "Alibaba's Qwen team published new weights.";
    NormalizedItem by_content = make_item("c", "Policy fight", "https://news.test/c", may(1));
    by_content.item.content = "<p>The Mistral lobbying in Brussels intensifies.</p>";
    NormalizedItem undated = make_item("u", "Café owners on open weights", "https://news.test/u");
    // Undated: sorts by first_seen, the poll's time (May 4th).
    store.record_poll(ok_poll(feed, {by_title, by_summary, by_content, undated}, may(4)));
  }

  std::vector<std::string> titles(StoryQuery query) const {
    std::vector<std::string> out;
    for (const StoryView& story : store.stories(query)) out.push_back(story.title);
    return out;
  }

  std::vector<std::string> search(const std::string& text) const {
    StoryQuery query;
    query.search = text;
    return titles(query);
  }
};

using Titles = std::vector<std::string>;

}  // namespace

TEST_CASE("stories come newest first by published, or first seen when undated", "[store][query]") {
  Fixture f;
  CHECK(f.titles({}) == Titles{"Café owners on open weights", "DeepSeek releases R2", "A model launch",
                               "Policy fight"});
  const auto stories = f.store.stories({});
  CHECK_FALSE(stories.front().published);
  CHECK(stories.front().on_topic);
  CHECK(stories.front().topic_score == 0.0);
  CHECK_FALSE(stories.front().event_id);
}

TEST_CASE("since keeps stories at or after the time", "[store][query]") {
  Fixture f;
  StoryQuery query;
  query.since = may(2);
  CHECK(f.titles(query) == Titles{"Café owners on open weights", "DeepSeek releases R2", "A model launch"});
  query.since = may(4);
  CHECK(f.titles(query) == Titles{"Café owners on open weights"});
  query.since = may(30);
  CHECK(f.titles(query).empty());
}

TEST_CASE("limit caps the list; zero and negative limits give nothing", "[store][query]") {
  Fixture f;
  StoryQuery query;
  query.limit = 2;
  CHECK(f.titles(query) == Titles{"Café owners on open weights", "DeepSeek releases R2"});
  query.limit = 0;
  CHECK(f.titles(query).empty());
  query.limit = -5;
  CHECK(f.titles(query).empty());
  query.limit = 1'000'000'000;
  CHECK(f.titles(query).size() == 4);
}

TEST_CASE("off-topic stories are hidden unless asked for", "[store][query]") {
  Fixture f;
  test::execute(f.path, "UPDATE stories SET on_topic = 0 WHERE title = 'Policy fight'");
  CHECK(f.titles({}).size() == 3);
  StoryQuery query;
  query.include_off_topic = true;
  CHECK(f.titles(query).size() == 4);
  CHECK_FALSE(f.store.stories(query).back().on_topic);
}

TEST_CASE("search finds words in titles, summaries and content", "[store][query]") {
  Fixture f;
  CHECK(f.search("deepseek") == Titles{"DeepSeek releases R2"});
  CHECK(f.search("Qwen weights") == Titles{"A model launch"});
  CHECK(f.search("brussels") == Titles{"Policy fight"});
  CHECK(f.search("cafe") == Titles{"Café owners on open weights"});  // diacritics folded
  CHECK(f.search("weights").size() == 2);
  CHECK(f.search("deepseek brussels").empty());  // every word must match
  CHECK(f.search("nothing-like-this").empty());
}

TEST_CASE("search treats hostile input as words, never as syntax", "[store][query]") {
  Fixture f;
  for (const std::string& hostile : std::vector<std::string>{"\"AND OR (* NEAR", "title:deepseek", "NOT", "a\"b\"\"c", "NEAR(deepseek qwen, 2)", "^deepseek", "*",
        "deepseek OR", "'; DROP TABLE items; --", std::string("dee\0pseek", 9), "\xff\xfe broken utf-8"}) {
    INFO(hostile);
    CHECK_NOTHROW(f.search(hostile));
  }
  CHECK(f.search("\"DeepSeek\"") == Titles{"DeepSeek releases R2"});
  CHECK(f.search("(deepseek)") == Titles{"DeepSeek releases R2"});
  CHECK(test::scalar(f.path, "SELECT count(*) FROM items") == 4);
}

TEST_CASE("a search with nothing searchable in it is no filter", "[store][query]") {
  Fixture f;
  CHECK(f.search("").size() == 4);
  CHECK(f.search("   ").size() == 4);
  CHECK(f.search("\" ( ) * - : ^").size() == 4);
}

TEST_CASE("the text index follows edits of items", "[store][query]") {
  Fixture f;
  f.store.record_poll(ok_poll(f.feed, {make_item("t", "Zhipu GLM-5 arrives", "https://news.test/t", may(3))}, may(5)));
  CHECK(f.search("deepseek").empty());
  CHECK(f.search("zhipu") == Titles{"Zhipu GLM-5 arrives"});
}

TEST_CASE("fts_match_expression quotes every word and drops punctuation", "[store][query]") {
  using store_detail::fts_match_expression;
  CHECK(fts_match_expression("deepseek qwen") == "\"deepseek\" \"qwen\"");
  CHECK(fts_match_expression("  a\"b  ") == "\"a\"\"b\"");
  CHECK(fts_match_expression("\"AND OR (* NEAR") == "\"\"\"AND\" \"OR\" \"NEAR\"");
  CHECK(fts_match_expression("( ) * \"").empty());
  CHECK(fts_match_expression("").empty());
  CHECK(fts_match_expression("café") == "\"café\"");
  CHECK(fts_match_expression(std::string("dee\0pseek\tqwen", 14)) == "\"dee\" \"pseek\" \"qwen\"");
}

// A word in most items takes the per-story plan, a rarer one the collecting
// plan; paged through, both must list exactly what a filter by hand would.
TEST_CASE("common and rare search words page through the same stories a plain listing has", "[store][query]") {
  TempDir dir;
  Store store{dir / "feedsieve.db"};
  const std::int64_t feed = store.upsert_feed("port", "http://port.test/feed").id;
  std::vector<NormalizedItem> items;
  std::vector<std::string> common_titles;
  std::vector<std::string> rare_titles;
  for (int i = 0; i < 2'400; ++i) {
    const bool common = i % 37 != 0;  // most items, more than the plans' threshold of 2,000
    const bool rare = i % 5 == 0;
    const std::string n = std::to_string(i);
    std::string title = "Ledger entry " + n + (common ? " harbour" : "") + (rare ? " quay" : "");
    items.push_back(make_item("g" + n, title, "https://port.test/" + n, may(1) + std::chrono::minutes(i)));
    if (common) common_titles.push_back(title);
    if (rare) rare_titles.push_back(title);
  }
  store.record_poll(ok_poll(feed, std::move(items), may(3)));
  std::reverse(common_titles.begin(), common_titles.end());  // newest first
  std::reverse(rare_titles.begin(), rare_titles.end());

  const auto paged = [&](const std::string& word) {
    StoryQuery query;
    query.search = word;
    query.include_off_topic = true;
    query.limit = 100;
    return test::titles_of_all_pages(store, query);
  };
  CHECK(paged("harbour") == common_titles);
  CHECK(paged("quay") == rare_titles);
}
