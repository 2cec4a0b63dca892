// GET /api/stories and /api/stories/{id} over a real socket against a real store.
#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <set>

#include "daemon/store/story_json.hpp"
#include "feeds/json/json_text.hpp"
#include "tests/api/api_fixture.hpp"

using namespace feedsieve;
using test::ApiFixture;

namespace {

std::vector<std::string> ids_of(const boost::json::value& page) {
  std::vector<std::string> ids;
  for (const auto& story : page.at("stories").as_array()) ids.emplace_back(story.at("story_id").as_string());
  return ids;
}

// Follows next_cursor to the end; `between` runs after each page.
std::vector<std::string> all_pages(const ApiFixture& api, const std::string& query,
                                   const std::function<void()>& between = [] {}) {
  std::vector<std::string> ids;
  std::string target = "/api/stories?" + query;
  for (int pages = 0; pages < 100; ++pages) {
    const auto page = api.get_json(target);
    for (auto& id : ids_of(page)) ids.push_back(id);
    between();
    if (page.at("next_cursor").is_null()) return ids;
    target = "/api/stories?" + query + "&cursor=" + std::string(page.at("next_cursor").as_string());
  }
  FAIL("pagination did not end");
  return ids;
}

}  // namespace

TEST_CASE("/api/stories answers the JSON of query --format json, newest first", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", test::hourly_stories(5));
  api.start();
  const auto page = api.get_json("/api/stories");
  StoryQuery query;
  boost::json::array expected;
  for (const auto& story : api.writer.stories(query)) expected.push_back(to_json(story));
  // As text: the served JSON and query --format json print the same bytes.
  CHECK(json_text(page.at("stories")) == json_text(expected));
  CHECK(page.at("next_cursor").is_null());
  REQUIRE(expected.size() == 5);
  CHECK(expected[0].at("title") == "Story 0");
  CHECK(expected[0].at("sources").as_array().at(0).at("feed") == "alpha");
  CHECK(expected[0].at("sources").as_array().at(0).at("language") == "");
}

TEST_CASE("/api/stories pages by cursor without duplicates or gaps, also while stories arrive", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", test::hourly_stories(23));
  api.start();
  std::vector<std::string> expected;
  StoryQuery everything;
  everything.limit = 100;
  for (const auto& story : api.writer.stories(everything)) expected.push_back(story.story_id);

  CHECK(all_pages(api, "limit=5") == expected);

  // Newer stories, and one dated in the middle, arrive between pages: the
  // pages still list every story that existed, once, in order.
  int arrivals = 0;
  const auto during = all_pages(api, "limit=4", [&] {
    const auto when = *parse_rfc3339("2024-06-01T00:00:00Z") + std::chrono::hours(arrivals);
    test::store_items(api.writer, "beta", {{"Late " + std::to_string(arrivals),
                                            "https://late.example/" + std::to_string(arrivals), when}});
    ++arrivals;
  });
  std::vector<std::string> original;
  const std::set<std::string> known(expected.begin(), expected.end());
  for (const auto& id : during)
    if (known.count(id) != 0) original.push_back(id);
  CHECK(original == expected);
  CHECK(std::set<std::string>(during.begin(), during.end()).size() == during.size());
}

TEST_CASE("/api/stories filters by since, until and on_topic", "[api]") {
  ApiFixture api;
  auto seeds = test::hourly_stories(6);
  seeds[1].on_topic = false;
  test::store_items(api.writer, "alpha", seeds);
  api.start();
  // Story 0 is 2024-05-01T00, story 5 five hours earlier.
  CHECK(ids_of(api.get_json("/api/stories?since=2024-04-30T22:00:00Z")).size() == 2);  // 0 and 2 (1 is off topic)
  CHECK(ids_of(api.get_json("/api/stories?until=2024-04-30T22:00:00Z")).size() == 3);  // 3, 4, 5: until is exclusive
  const auto off = api.get_json("/api/stories?on_topic=false").at("stories").as_array();
  REQUIRE(off.size() == 1);
  CHECK(off[0].at("title") == "Story 1");
  CHECK(ids_of(api.get_json("/api/stories?on_topic=any")).size() == 6);
  CHECK(ids_of(api.get_json("/api/stories?since=3h")).empty());  // a duration: that long before now
}

TEST_CASE("/api/stories?q= searches the full text and ranks by bm25", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha",
                    {{"Markets today", "https://n.example/1", *parse_rfc3339("2024-05-03T00:00:00Z"),
                      "a passing mention of qwen among many other words about markets and trade"},
                     {"Qwen qwen qwen", "https://n.example/2", *parse_rfc3339("2024-05-01T00:00:00Z"), "qwen weights"},
                     {"Unrelated", "https://n.example/3", *parse_rfc3339("2024-05-02T00:00:00Z"), "nothing here"}});
  api.start();
  const auto found = api.get_json("/api/stories?q=qwen").at("stories").as_array();
  REQUIRE(found.size() == 2);
  CHECK(found[0].at("title") == "Qwen qwen qwen");  // older, but the better match
  CHECK(found[1].at("title") == "Markets today");

  // Ranked pages follow the ranking across cursors too.
  const auto first = api.get_json("/api/stories?q=qwen&limit=1");
  REQUIRE_FALSE(first.at("next_cursor").is_null());
  const auto second =
      api.get_json("/api/stories?q=qwen&limit=1&cursor=" + std::string(first.at("next_cursor").as_string()));
  CHECK(ids_of(first).at(0) == std::string(found[0].at("story_id").as_string()));
  CHECK(ids_of(second).at(0) == std::string(found[1].at("story_id").as_string()));
  CHECK(second.at("next_cursor").is_null());

  // order=newest lists the same matches by date instead; a cursor belongs to its order.
  const auto newest = api.get_json("/api/stories?q=qwen&order=newest").at("stories").as_array();
  REQUIRE(newest.size() == 2);
  CHECK(newest[0].at("title") == "Markets today");
  CHECK(newest[1].at("title") == "Qwen qwen qwen");
  CHECK(api.get("/api/stories?q=qwen&order=newest&limit=1&cursor=" + std::string(first.at("next_cursor").as_string()))
            .status == 400);
  CHECK(api.get("/api/stories?q=qwen&order=oldest").status == 400);
}

TEST_CASE("/api/stories?q= takes any text as words: quotes, prefixes and FTS syntax never fail", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha",
                    {{"Qwen weights released", "https://n.example/1", *parse_rfc3339("2024-05-03T00:00:00Z"),
                      "open weights from the qwen team"},
                     {"Quiet day", "https://n.example/2", *parse_rfc3339("2024-05-02T00:00:00Z"), "nothing"}});
  api.start();
  for (const std::string order : {"", "&order=newest"}) {
    INFO(order);
    // Several words are all required, in any order and place.
    CHECK(ids_of(api.get_json("/api/stories?q=team%20weights" + order)).size() == 1);
    CHECK(ids_of(api.get_json("/api/stories?q=team%20quiet" + order)).empty());
    // A quoted phrase is its words; "qw*" is the word "qw", not a prefix.
    CHECK(ids_of(api.get_json("/api/stories?q=%22weights%20released%22" + order)).size() == 1);
    CHECK(ids_of(api.get_json("/api/stories?q=qw*" + order)).empty());
    CHECK(ids_of(api.get_json("/api/stories?q=qwen*" + order)).size() == 1);
    // What would be FTS5 syntax errors are plain words: 200, never 500.
    for (const std::string hostile : {"AND%20(", "%22unbalanced", "NEAR(qwen", "title:qwen", "%5Eqwen", "OR"}) {
      INFO(hostile);
      CHECK(api.get("/api/stories?q=" + hostile + order).status == 200);
    }
  }
  // A cursor this listing did not hand out (here one in the older v1 form) is a 400 with a JSON body.
  const auto old = api.get("/api/stories?q=qwen&cursor=7631207220302e352037203132333435");
  CHECK(old.status == 400);
  CHECK(boost::json::parse(old.body).at("error").is_string());
}

TEST_CASE("ranked /api/stories?q= pages never repeat a story while stories arrive", "[api]") {
  ApiFixture api;
  std::vector<test::StorySeed> seeds = test::hourly_stories(30, "Tide");
  for (std::size_t i = 0; i < seeds.size(); ++i) seeds[i].summary = std::string(i % 4 + 1, 'x') + " tide";
  test::store_items(api.writer, "alpha", seeds);
  api.start();
  const auto before = all_pages(api, "q=tide&limit=7");
  REQUIRE(before.size() == 30);
  int arrivals = 0;
  const auto during = all_pages(api, "q=tide&limit=7", [&] {
    const auto when = *parse_rfc3339("2024-06-01T00:00:00Z") + std::chrono::hours(arrivals);
    test::store_items(api.writer, "beta", {{"Tide tide tide " + std::to_string(arrivals),
                                            "https://late.example/" + std::to_string(arrivals), when, "tide"}});
    ++arrivals;
  });
  CHECK(during == before);  // the first page's window holds; later stories wait for a new search
}

TEST_CASE("/api/stories/{id} has every source; an unknown id is 404", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", {{"Llama 4 released", "https://n.example/llama", *parse_rfc3339("2024-05-01T00:00:00Z")}});
  test::store_items(api.writer, "beta", {{"Llama 4 released (copy)", "https://n.example/llama?utm_source=x",
                                          *parse_rfc3339("2024-05-01T01:00:00Z")}});
  api.start();
  const auto listed = api.get_json("/api/stories").at("stories").as_array();
  REQUIRE(listed.size() == 1);
  const std::string id(listed[0].at("story_id").as_string());
  const auto story = api.get_json("/api/stories/" + id);
  CHECK(story == listed[0]);
  CHECK(story.at("sources").as_array().size() == 2);

  const auto missing = api.get("/api/stories/0000000000000000");
  CHECK(missing.status == 404);
  CHECK(boost::json::parse(missing.body).at("error") == "no story '0000000000000000'");
}

TEST_CASE("a write transaction in progress does not block the API's reads", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", test::hourly_stories(2));
  api.start();
  SQLite::Database other(api.path.string(), SQLite::OPEN_READWRITE);
  SQLite::Transaction writing(other, SQLite::TransactionBehavior::EXCLUSIVE);
  other.exec("UPDATE stories SET title = 'uncommitted'");
  const auto page = api.get_json("/api/stories");  // WAL: the reader sees the last commit
  CHECK(page.at("stories").as_array().size() == 2);
  CHECK(page.at("stories").as_array().at(0).at("title") == "Story 0");
}

// Two outlets' own stories about one release make one event; an unrelated
// story makes none.
TEST_CASE("/api/events lists the events of query --events, with their filters", "[api]") {
  ApiFixture api;
  const Timestamp tuesday = *parse_rfc3339("2024-05-28T09:00:00Z");
  test::store_items(api.writer, "reuters",
                    {{"DeepSeek releases upgraded R1 reasoning model", "https://reuters.example/r1", tuesday,
                      "Chinese artificial intelligence startup DeepSeek on Tuesday released an upgraded version of "
                      "its R1 reasoning model on the developer platform Hugging Face, saying the update narrows the "
                      "gap with leading closed systems from OpenAI and Google on mathematics and coding benchmarks."}});
  test::store_items(api.writer, "yahoo",
                    {{"Nvidia shares slip after DeepSeek R1 upgrade", "https://yahoo.example/nvidia",
                      tuesday + std::chrono::hours(2),
                      "Nvidia shares slipped on Tuesday after Chinese startup DeepSeek published a new version of its "
                      "R1 reasoning model, reviving investor worries that cheaper training methods could dent demand "
                      "for the company's most expensive chips, analysts said in notes to clients."},
                     {"Apple unveils new iPad lineup at spring event", "https://yahoo.example/ipad", tuesday,
                      "Apple on Tuesday introduced new iPad models with faster chips and a brighter display, and cut "
                      "the price of its entry model for schools."}});
  api.start();

  StoryQuery query;
  boost::json::array expected;
  for (const auto& event : api.writer.events(query)) expected.push_back(to_json(event));
  REQUIRE(expected.size() == 1);
  const auto listed = api.get_json("/api/events");
  CHECK(json_text(listed.at("events")) == json_text(expected));
  const auto& stories = listed.at("events").as_array().at(0).at("stories").as_array();
  REQUIRE(stories.size() == 2);
  CHECK(stories.at(0).at("title") == "Nvidia shares slip after DeepSeek R1 upgrade");  // newest first

  CHECK(api.get_json("/api/events?since=2024-05-29T00:00:00Z").at("events").as_array().empty());
  CHECK(api.get_json("/api/events?on_topic=false").at("events").as_array().empty());
  const auto unknown = api.get("/api/events?q=deepseek");
  CHECK(unknown.status == 400);
  CHECK(boost::json::parse(unknown.body).at("error").as_string().find("'q'") != boost::json::string::npos);
}
