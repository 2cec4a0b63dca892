// Story assignment in the store: copies of one article join one story across
// feeds whatever their links, stories stay put across restarts and late
// items, different articles and one feed's shared boilerplate stay apart,
// events group stories, topic verdicts are stored and re-applied.
#include <catch2/catch.hpp>

#include "daemon/store/store.hpp"
#include "feeds/dedup/fingerprint.hpp"
#include "feeds/url/url.hpp"
#include "tests/store/store_fixtures.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::everything;
using feedsieve::test::make_item;
using feedsieve::test::may;
using feedsieve::test::ok_poll;
using feedsieve::test::scalar;
using feedsieve::test::TempDir;

namespace {

const std::string lead =
    "Chinese artificial intelligence startup DeepSeek on Tuesday released an upgraded version of its R1 reasoning "
    "model on the developer platform Hugging Face, saying the update narrows the gap with leading closed systems "
    "from OpenAI and Google on mathematics and coding benchmarks while remaining free to download.";

const std::string other_lead =
    "Nvidia shares slipped on Tuesday after Chinese startup DeepSeek published a new version of its R1 reasoning "
    "model, reviving investor worries that cheaper training methods could dent demand for the company's most "
    "expensive chips, analysts said in notes to clients.";

NormalizedItem article(std::string guid, std::string title, std::string link, std::string summary, int day = 27) {
  NormalizedItem item = make_item(std::move(guid), std::move(title), std::move(link), may(day));
  item.item.summary = std::move(summary);
  return item;
}

struct Fixture {
  TempDir dir;
  std::filesystem::path path = dir / "feedsieve.db";
  std::optional<Store> store{std::in_place, path};
  std::int64_t a = store->upsert_feed("Reuters", "http://a.test/feed").id;
  std::int64_t b = store->upsert_feed("Yahoo", "http://b.test/feed").id;
  std::int64_t c = store->upsert_feed("MSN", "http://c.test/feed").id;

  std::int64_t stories() const { return scalar(path, "SELECT count(*) FROM stories"); }
};

}  // namespace

TEST_CASE("copies with other links and titles join one story; another article does not", "[store][dedup]") {
  Fixture f;
  f.store->record_poll(ok_poll(f.a, {article("r1", "DeepSeek updates R1 model", "https://reuters.test/a", lead)}));
  f.store->record_poll(ok_poll(
      f.b, {article("y1", "China's DeepSeek ships R1 upgrade - Yahoo", "https://yahoo.test/x", lead.substr(0, 250)),
            article("y2", "Nvidia slips on DeepSeek news", "https://yahoo.test/y", other_lead)}));
  CHECK(f.stories() == 2);
  const auto stories = f.store->stories(everything());
  std::size_t most = 0;
  for (const auto& s : stories) most = std::max(most, s.sources.size());
  CHECK(most == 2);

  const auto copy = f.store->item("https://yahoo.test/x");
  REQUIRE(copy);
  CHECK_THAT(copy->merge_reason, Catch::Contains("shingles with item 1"));
  const auto original = f.store->item("1");
  REQUIRE(original);
  CHECK(original->merge_reason == "it founded the story");
  CHECK(copy->story_id == original->story_id);
}

TEST_CASE("AMP and mobile links fold into the story of the article", "[store][dedup]") {
  Fixture f;
  const auto canonical = [](const char* link) { return canonical_url(link).value(); };
  f.store->record_poll(ok_poll(f.a, {make_item("1", "One", canonical("https://www.site.test/2024/a"))}));
  f.store->record_poll(ok_poll(f.b, {make_item("2", "Two", canonical("https://amp.site.test/2024/a/amp?amp=1"))}));
  f.store->record_poll(ok_poll(f.c, {make_item("3", "Three", canonical("https://m.site.test/2024/a"))}));
  CHECK(f.stories() == 1);
}

TEST_CASE("story ids survive restarts; a late copy joins the existing story", "[store][dedup]") {
  Fixture f;
  f.store->record_poll(ok_poll(f.a, {article("r1", "DeepSeek updates R1 model", "https://reuters.test/a", lead)}));
  const std::string id = f.store->stories(everything()).at(0).story_id;
  f.store.reset();
  f.store.emplace(f.path);
  f.store->record_poll(ok_poll(f.c, {article("m1", "R1 upgrade", "https://msn.test/z", lead, 29)}, may(29)));
  f.store->record_poll(ok_poll(f.a, {article("r1", "DeepSeek updates R1 model", "https://reuters.test/a", lead)}));
  REQUIRE(f.stories() == 1);
  CHECK(f.store->stories(everything()).at(0).story_id == id);
  CHECK(f.store->stories(everything()).at(0).sources.size() == 2);
}

TEST_CASE("one feed's shared boilerplate never merges its items", "[store][dedup]") {
  Fixture f;
  const std::string boiler =
      " Get the latest technology news from our award winning newsroom delivered to your inbox every single morning"
      " of the week with analysis from our reporters around the world.";
  f.store->record_poll(ok_poll(f.a, {article("1", "Qwen ships", "", "Qwen 3 is out." + boiler),
                                     article("2", "Kernel released", "", "Linux 6.12 is out." + boiler),
                                     article("3", "Markets", "", "Stocks fell." + boiler)}));
  CHECK(f.stories() == 3);
}

TEST_CASE("title-only items match by title across feeds; empty titles never match", "[store][dedup]") {
  Fixture f;
  f.store->record_poll(ok_poll(f.a, {article("1", "Alibaba releases Qwen3 family of open models", "", ""),
                                     article("2", "", "", "")}));
  f.store->record_poll(ok_poll(f.b, {article("1", "Alibaba releases Qwen3 family of open models - AP", "", ""),
                                     article("2", "", "", "")}));
  CHECK(f.stories() == 3);
  // A week later the same words are another story.
  f.store->record_poll(ok_poll(f.c, {article("1", "Alibaba releases Qwen3 family of open models", "", "", 10)}));
  CHECK(f.stories() == 4);
}

TEST_CASE("stories of different outlets about one event share an event id", "[store][events]") {
  Fixture f;
  f.store->record_poll(ok_poll(f.a, {article("1", "DeepSeek releases upgraded R1 reasoning model", "https://a.test/1", lead)}));
  f.store->record_poll(ok_poll(f.b, {article("2", "Nvidia shares slip after DeepSeek R1 upgrade", "https://b.test/2", other_lead)}));
  f.store->record_poll(ok_poll(f.c, {article("3", "Apple unveils new iPad lineup at spring event", "https://c.test/3",
                                             "Apple on Tuesday introduced new iPad models with faster chips and a "
                                             "brighter display, and cut the price of its entry model for schools.")}));
  REQUIRE(f.stories() == 3);
  const auto events = f.store->events(everything());
  REQUIRE(events.size() == 1);
  CHECK(events[0].stories.size() == 2);
  const auto second = f.store->item("2");
  REQUIRE(second);
  CHECK(second->event_id == events[0].event_id);
  CHECK_THAT(second->event_reason, Catch::Contains("deepseek"));
  CHECK_FALSE(f.store->item("3")->event_id);
}

TEST_CASE("topic verdicts are stored per item, rolled up per story, and re-applied", "[store][topic]") {
  Fixture f;
  NormalizedItem off = article("1", "Tennis final tonight", "https://a.test/t", "");
  off.topic_score = 0.5;
  off.on_topic = false;
  NormalizedItem on = article("2", "DeepSeek R2", "https://a.test/d", "");
  on.topic_score = 8;
  f.store->record_poll(ok_poll(f.a, {off, on}));
  StoryQuery kept;
  CHECK(f.store->stories(kept).size() == 1);
  CHECK(f.store->stories(kept).at(0).topic_score == 8);
  CHECK(f.store->stories(everything()).size() == 2);

  const RescoreResult r = f.store->rescore([](const ItemDetail& item) {
    TopicVerdict v;
    v.score = item.title.find("Tennis") != std::string::npos ? 9 : 0;
    v.on_topic = v.score > 1;
    return v;
  });
  CHECK(r.items == 2);
  CHECK(r.items_changed == 2);
  CHECK(r.stories_on_topic == 1);
  CHECK(r.stories_off_topic == 1);
  REQUIRE(f.store->stories(kept).size() == 1);
  CHECK(f.store->stories(kept).at(0).title == "Tennis final tonight");
}

TEST_CASE("items stored before schema v2 are fingerprinted when a writer opens the store", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  {
    Store store(path);
    store.record_poll(ok_poll(store.upsert_feed("a", "http://a.test/").id,
                              {article("1", "DeepSeek updates R1 model", "https://a.test/1", lead)}));
  }
  test::execute(path, "UPDATE items SET fingerprinted = 0, lead_sketch = NULL; DELETE FROM simhash_bands");
  Store reopened(path);
  CHECK(scalar(path, "SELECT count(*) FROM items WHERE fingerprinted = 1 AND lead_sketch IS NOT NULL") == 1);
  CHECK(scalar(path, "SELECT count(*) FROM simhash_bands") == lsh_bands);
  reopened.record_poll(ok_poll(reopened.upsert_feed("b", "http://b.test/").id,
                               {article("1", "Copy", "https://b.test/1", lead)}));
  CHECK(scalar(path, "SELECT count(*) FROM stories") == 1);
}

TEST_CASE("fingerprinting on open reads an item's article text as a new item's fingerprint does", "[store][schema]") {
  TempDir dir;
  const auto path = dir / "feedsieve.db";
  NormalizedItem teaser = article("1", "DeepSeek updates R1 model", "https://a.test/1", "Teaser: see the full story.");
  teaser.article = FetchedArticle{lead, std::nullopt, std::nullopt, may(27), ""};
  const auto sketch = [&] { return test::text_of(path, "SELECT hex(lead_sketch) FROM items"); };
  std::string at_insert;
  {
    Store store(path);
    store.record_poll(ok_poll(store.upsert_feed("a", "http://a.test/").id, {teaser}));
    at_insert = sketch();
  }
  REQUIRE_FALSE(at_insert.empty());  // the teaser is too short: the sketch is the article's
  test::execute(path, "UPDATE items SET fingerprinted = 0, lead_sketch = NULL; DELETE FROM simhash_bands");
  Store reopened(path);
  CHECK(sketch() == at_insert);
  CHECK(scalar(path, "SELECT count(*) FROM simhash_bands") == lsh_bands);
}
