// `run --once` and `query` as users run them: the real binary, a real HTTP
// server on 127.0.0.1 and a real SQLite file in a temporary directory.
#include <SQLiteCpp/SQLiteCpp.h>
#include <catch2/catch.hpp>

#include "daemon/store/store.hpp"
#include "tests/support/feed_text.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::Entry;

namespace {

boost::json::object route(const std::string& body, const std::string& type, boost::json::object extra = {}) {
  extra["body"] = body;
  extra["headers"] = boost::json::object{{"Content-Type", type}};
  return extra;
}

const std::vector<Entry> wire_entries = {
    {"a-1", "DeepSeek releases open weights", "https://news.example/story-1?utm_source=rss&utm_medium=feed",
     "Wed, 01 May 2024 10:00:00 GMT", "A Chinese lab publishes a model."},
    {"a-2", "Qwen tops a leaderboard", "https://news.example/story-2", "Wed, 01 May 2024 11:00:00 GMT",
     "zebracorn benchmark results"},
};
const std::vector<Entry> atom_entries = {
    {"urn:b:1", "DeepSeek publishes its model weights", "https://NEWS.example:443/story-1#comments",
     "2024-05-01T10:30:00Z"},
    {"urn:b:2", "Mistral answers", "https://other.example/mistral", "2024-05-01T12:00:00Z"},
};

class Scenario {
 public:
  Scenario() {
    server_.set_routes(routes());
    write_config();
  }

  boost::json::object routes() const {
    return {
        {"/a.xml", route(test::rss_document("Wire", wire_entries), "application/rss+xml",
                         {{"etag", "\"v1\""}})},
        {"/b.atom", route(test::atom_document("Blog", atom_entries), "application/atom+xml",
                          {{"last_modified", "Wed, 01 May 2024 12:00:00 GMT"}})},
        {"/broken", {{"status", 500}, {"body", "oops"}}},
        {"/slow", route(test::rss_document("Slow", {}), "application/rss+xml", {{"delay", 4}})},
        {"/moved", {{"redirect", "/moved-2"}, {"redirect_status", 301}}},
        {"/moved-2", {{"redirect", "/c.xml"}, {"redirect_status", 308}}},
        {"/c.xml", route(test::rss_document("Moved", {{"c-1", "Kimi K2 is out", "https://c.example/kimi",
                                                       "Wed, 01 May 2024 09:00:00 GMT"}}),
                         "application/rss+xml")},
        {"/loop", {{"redirect", "/loop"}}},
        {"/big", {{"size", 3 * 1024 * 1024}}},
        {"/garbage", route("<html><body>not a feed</body></html>", "text/html")},
    };
  }

  void write_config() const {
    std::string text = "[store]\npath = \"" + (dir_ / "store.db").string() +
                       "\"\n[fetch]\ntimeout = \"1s\"\nconnect_timeout = \"1s\"\nmax_body = \"1MiB\"\n"
                       "[schedule]\nstartup_spread = \"0s\"\n";
    for (const std::string name : {"a.xml", "b.atom", "broken", "slow", "moved", "loop", "big", "garbage", "missing"})
      text += "[[feeds]]\nname = \"" + name + "\"\nurl = \"" + server_.url("/" + name) + "\"\n";
    test::write_file(dir_ / "feedsieve.toml", text);
  }

  test::ProcessResult run_once() const { return test::run_feedsieve({"run", "--once", "--config", config()}); }

  boost::json::array query(std::vector<std::string> extra = {}) const {
    std::vector<std::string> args{"query", "--config", config(), "--format", "json"};
    args.insert(args.end(), extra.begin(), extra.end());
    const auto result = test::run_feedsieve(args);
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
    return boost::json::parse(result.out).as_array();
  }

  std::vector<FeedRecord> feeds() const { return Store(dir_ / "store.db", Store::Mode::read_only).feeds(); }

  test::HttpServer& server() { return server_; }
  std::string config() const { return (dir_ / "feedsieve.toml").string(); }

 private:
  test::TempDir dir_;
  test::HttpServer server_;
};

const boost::json::object* story_with_url(const boost::json::array& stories, const std::string& url) {
  for (const auto& story : stories)
    if (story.as_object().at("url") == url.c_str()) return &story.as_object();
  return nullptr;
}

const FeedRecord& feed_named(const std::vector<FeedRecord>& feeds, const std::string& name) {
  for (const auto& feed : feeds)
    if (feed.name == name) return feed;
  FAIL("no feed named " << name);
  return feeds.front();
}

}  // namespace

TEST_CASE("run --once stores every good feed, whatever the bad ones do", "[e2e][poll]") {
  Scenario scenario;
  const auto first = scenario.run_once();
  INFO(first.err);
  REQUIRE(first.exit_code == 0);
  CHECK_THAT(first.err, Catch::Contains("feedsieve: 9 feeds polled: 3 ok, 0 not modified, 6 failed; 5 new items"));

  const auto stories = scenario.query();
  CHECK(stories.size() == 4);  // story-1 arrives through two feeds and counts once

  SECTION("the same canonical link across feeds is one story with both sources") {
    const auto* story = story_with_url(stories, "https://news.example/story-1");
    REQUIRE(story != nullptr);
    CHECK(story->at("sources").as_array().size() == 2);
    CHECK(story->at("on_topic") == true);
    CHECK(story->at("topic_score").to_number<double>() == 0.0);
    CHECK(story->at("event_id").is_null());
    CHECK(story->at("published") == "2024-05-01T10:00:00Z");
    for (const auto& source : story->at("sources").as_array()) {
      const auto& feed = source.as_object().at("feed").as_string();
      CHECK((feed == "a.xml" || feed == "b.atom"));
    }
  }

  SECTION("stories come newest first, each with its fields") {
    std::vector<std::string> published;
    for (const auto& story : stories) published.emplace_back(story.as_object().at("published").as_string());
    CHECK(std::is_sorted(published.rbegin(), published.rend()));
    for (const auto& story : stories) {
      const auto& s = story.as_object();
      CHECK_FALSE(s.at("story_id").as_string().empty());
      CHECK_FALSE(s.at("title").as_string().empty());
      CHECK_FALSE(s.at("sources").as_array().empty());
    }
  }

  SECTION("each failing feed records why, and backs off") {
    const auto feeds = scenario.feeds();
    const auto& broken = feed_named(feeds, "broken");
    CHECK(broken.last_status == 500);
    CHECK_THAT(broken.last_error, Catch::Contains("/broken") && Catch::Contains("500"));
    CHECK(broken.error_count == 1);
    REQUIRE(broken.next_poll);
    REQUIRE(broken.last_attempt);
    CHECK(*broken.next_poll > *broken.last_attempt);
    CHECK_THAT(feed_named(feeds, "slow").last_error, Catch::Contains("timed out"));
    CHECK_THAT(feed_named(feeds, "loop").last_error, Catch::Contains("redirects"));
    CHECK_THAT(feed_named(feeds, "big").last_error, Catch::Contains("/big"));
    CHECK(feed_named(feeds, "missing").last_status == 404);
    CHECK_FALSE(feed_named(feeds, "garbage").last_error.empty());
    CHECK(feed_named(feeds, "a.xml").last_error.empty());
    CHECK(feed_named(feeds, "a.xml").error_count == 0);
    CHECK_THAT(first.err, Catch::Contains("feed 'broken'") && Catch::Contains("HTTP 500"));
  }

  SECTION("a permanent redirect chain is recorded on the feed") {
    const auto feeds = scenario.feeds();
    const auto& moved = feed_named(feeds, "moved");
    REQUIRE(moved.moved_to);
    CHECK(*moved.moved_to == scenario.server().url("/c.xml"));
  }

  SECTION("a second run over unchanged feeds adds nothing and sends validators") {
    const auto second = scenario.run_once();
    INFO(second.err);
    REQUIRE(second.exit_code == 0);
    CHECK_THAT(second.err, Catch::Contains("2 not modified") && Catch::Contains("; 0 new items, 0 updated"));
    CHECK(scenario.query() == stories);
    int conditional = 0;
    for (const auto& request : scenario.server().requests()) {
      const auto& headers = request.at("headers").as_object();
      if (request.at("path") == "/a.xml" && headers.contains("If-None-Match")) {
        CHECK(headers.at("If-None-Match") == "\"v1\"");
        ++conditional;
      }
      if (request.at("path") == "/b.atom" && headers.contains("If-Modified-Since")) ++conditional;
      CHECK_THAT(std::string(headers.at("User-Agent").as_string()), Catch::StartsWith("feedsieve/"));
    }
    CHECK(conditional == 2);
  }

  SECTION("an edited item updates its row and keeps its story") {
    auto entries = wire_entries;
    entries[1].title = "Qwen tops a leaderboard again";
    auto routes = scenario.routes();
    routes["/a.xml"] = route(test::rss_document("Wire", entries), "application/rss+xml", {{"etag", "\"v2\""}});
    scenario.server().set_routes(routes);
    const auto third = scenario.run_once();
    CHECK_THAT(third.err, Catch::Contains("; 0 new items, 1 updated, 0 new stories"));
    const auto after = scenario.query();
    REQUIRE(after.size() == stories.size());
    const auto* before_story = story_with_url(stories, "https://news.example/story-2");
    const auto* after_story = story_with_url(after, "https://news.example/story-2");
    REQUIRE(before_story != nullptr);
    REQUIRE(after_story != nullptr);
    CHECK(before_story->at("story_id") == after_story->at("story_id"));
    CHECK(after_story->at("sources").as_array().at(0).as_object().at("title") == "Qwen tops a leaderboard again");
  }
}

TEST_CASE("query filters by text, time and count", "[e2e][poll]") {
  Scenario scenario;
  REQUIRE(scenario.run_once().exit_code == 0);

  const auto found = scenario.query({"--search", "zebracorn"});
  REQUIRE(found.size() == 1);
  CHECK(found[0].as_object().at("url") == "https://news.example/story-2");
  CHECK(scenario.query({"--search", "\"unbalanced AND ( OR *"}).empty());

  CHECK(scenario.query({"--since", "2024-05-01T11:30:00Z"}).size() == 1);
  CHECK(scenario.query({"--since", "2024-05-01T00:00:00Z"}).size() == 4);
  CHECK(scenario.query({"--limit", "2"}).size() == 2);

  const auto jsonl = test::run_feedsieve({"query", "--config", scenario.config(), "--format", "jsonl"});
  CHECK(std::count(jsonl.out.begin(), jsonl.out.end(), '\n') == 4);
  const auto table = test::run_feedsieve({"query", "--config", scenario.config()});
  CHECK_THAT(table.out, Catch::Contains("DeepSeek") && Catch::Contains("4 stories"));
  const auto bad_since = test::run_feedsieve({"query", "--config", scenario.config(), "--since", "yesterday"});
  CHECK(bad_since.exit_code == 2);
  CHECK_THAT(bad_since.err, Catch::Contains("--since"));
}

TEST_CASE("run --once exits 1 when the store refuses a poll, and its summary says so", "[e2e][poll]") {
  test::TempDir dir;
  test::HttpServer server({{"/a.xml", route(test::rss_document("Wire", wire_entries), "application/rss+xml")}});
  const auto db = dir / "store.db";
  const auto config = dir / "feedsieve.toml";
  test::write_file(config, "[store]\npath = \"" + db.string() + "\"\n[schedule]\nstartup_spread = \"0s\"\n" +
                               "[[feeds]]\nname = \"wire\"\nurl = \"" + server.url("/a.xml") + "\"\n");
  { const Store created(db); }
  {
    // Stands in for a full disk: every item the poll brings is refused.
    SQLite::Database raw(db.string(), SQLite::OPEN_READWRITE);
    raw.exec("CREATE TRIGGER refuse BEFORE INSERT ON items BEGIN SELECT RAISE(ABORT, 'no room'); END");
  }
  const auto result = test::run_feedsieve({"run", "--once", "--config", config.string()});
  INFO(result.err);
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("feedsieve: 1 feeds polled: 0 ok, 0 not modified, 0 failed, 1 not stored;"));
  CHECK_THAT(result.err, Catch::Contains("feed 'wire': poll not stored:") && Catch::Contains("no room"));
}
