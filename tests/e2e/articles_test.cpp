// fetch_article end to end: the real binary polls feeds on the test server,
// fetches the items' pages under robots.txt and the forgery guard, and
// stores their text beside the items in a real SQLite file.
#include <algorithm>
#include <catch2/catch.hpp>

#include <SQLiteCpp/SQLiteCpp.h>

#include <map>
#include <optional>

#include "tests/support/feed_text.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::Entry;
namespace json = boost::json;

namespace {

const char* const paragraph =
    "The laboratory published the full weights of its new reasoning model on Monday, together with a technical "
    "report that describes the training data, the mixture-of-experts architecture and the reinforcement learning "
    "recipe that the team used to reach the reported benchmark results.";

// A page with navigation and a footer around the article, as news sites are.
std::string article_page(const std::string& title, const std::string& body, const std::string& canonical = "") {
  std::string head = "<title>" + title + "</title>";
  if (!canonical.empty()) head += "<link rel=\"canonical\" href=\"" + canonical + "\">";
  std::string paragraphs;
  for (int i = 0; i < 4; ++i) paragraphs += "<p>" + body + " " + paragraph + "</p>\n";
  return "<!doctype html><html><head>" + head + "</head><body><nav><a href=\"/\">Home</a> <a href=\"/about\">About</a>"
         "</nav><article><h1>" + title + "</h1>\n" + paragraphs + "</article><footer>Copyright</footer></body></html>";
}

json::object html_page(const std::string& body) { return {{"body", body}, {"headers", json::object{{"Content-Type", "text/html"}}}}; }
json::object rss(const std::string& body) {
  return {{"body", body}, {"headers", json::object{{"Content-Type", "application/rss+xml"}}}};
}

struct StoredItem {
  std::string feed, title, summary, canonical_link, story;
  std::optional<std::string> article_text, article_error, article_canonical_url, merge_reason;
  bool on_topic = true;
};

std::optional<std::string> text_or_null(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

class Site {
 public:
  explicit Site(json::object routes) : server_(routes) {}

  // `feeds`: name -> (path, extra [[feeds]] lines); `extra`: more config sections.
  void configure(const std::map<std::string, std::pair<std::string, std::string>>& feeds, const std::string& extra,
                 bool allow_loopback = true) {
    std::string text = "[store]\npath = \"" + (dir_ / "store.db").string() + "\"\n[fetch]\ntimeout = \"5s\"\n";
    if (allow_loopback) text += "allow_networks = [\"127.0.0.0/8\"]\n";
    text += "[schedule]\nstartup_spread = \"0s\"\n[articles]\nfetch = true\nmin_interval = \"0s\"\n" + extra + "\n";
    for (const auto& [name, feed] : feeds)
      text += "[[feeds]]\nname = \"" + name + "\"\nurl = \"" + server_.url(feed.first) + "\"\n" + feed.second + "\n";
    test::write_file(dir_ / "feedsieve.toml", text);
  }

  void run_once() const {
    const auto result = test::run_feedsieve({"run", "--once", "--config", (dir_ / "feedsieve.toml").string()});
    INFO(result.err);
    REQUIRE(result.exit_code == 0);
  }

  std::map<std::string, StoredItem> items() const {  // by title
    SQLite::Database db((dir_ / "store.db").string(), SQLite::OPEN_READONLY);
    SQLite::Statement select(db,
                             "SELECT f.name, i.title, i.summary, coalesce(i.canonical_link, ''), s.story_id,"
                             " i.article_text, i.article_error, i.article_canonical_url, i.merge_reason, i.on_topic"
                             " FROM items i JOIN feeds f ON f.id = i.feed_id JOIN stories s ON s.id = i.story_id");
    std::map<std::string, StoredItem> out;
    while (select.executeStep()) {
      StoredItem item{select.getColumn(0).getString(), select.getColumn(1).getString(),
                      select.getColumn(2).getString(), select.getColumn(3).getString(),
                      select.getColumn(4).getString(), text_or_null(select.getColumn(5)),
                      text_or_null(select.getColumn(6)), text_or_null(select.getColumn(7)),
                      text_or_null(select.getColumn(8)), select.getColumn(9).getInt() != 0};
      out[item.title] = item;
    }
    return out;
  }

  std::vector<std::string> requested() const {
    std::vector<std::string> paths;
    for (const auto& request : server_.requests()) paths.emplace_back(request.at("path").as_string());
    return paths;
  }

  std::string url(const std::string& path) const { return server_.url(path); }
  std::string config() const { return (dir_ / "feedsieve.toml").string(); }
  test::HttpServer& server() { return server_; }

 private:
  test::TempDir dir_;
  test::HttpServer server_;
};

bool requested(const Site& site, const std::string& path) {
  const auto paths = site.requested();
  return std::find(paths.begin(), paths.end(), path) != paths.end();
}

}  // namespace

TEST_CASE("each new item's page is fetched, extracted and stored beside the item", "[e2e][articles]") {
  Site site({});
  site.server().set_routes({
      {"/robots.txt", {{"status", 404}, {"body", "no robots here"}}},  // 4xx: everything allowed
      {"/feed.xml", rss(test::rss_document("Wire", {{"w-1", "Lab ships a model", site.url("/story/1"),
                                                     "Wed, 01 May 2024 10:00:00 GMT", "Short teaser."}}))},
      {"/story/1", html_page(article_page("Lab ships a model", "Zebracorn results were strong."))},
  });
  site.configure({{"wire", {"/feed.xml", ""}}}, "");
  site.run_once();
  const auto items = site.items();
  REQUIRE(items.count("Lab ships a model") == 1);
  const StoredItem& item = items.at("Lab ships a model");
  REQUIRE(item.article_text);
  CHECK_THAT(*item.article_text, Catch::Contains("Zebracorn results were strong."));
  CHECK_THAT(*item.article_text, !Catch::Contains("Copyright"));
  CHECK_FALSE(item.article_error);
  CHECK(item.summary == "Short teaser.");  // the feed's own fields stay as the feed gave them
  CHECK(site.requested() == std::vector<std::string>{"/feed.xml", "/robots.txt", "/story/1"});

  SECTION("a known item's page is not fetched again, and its article stays") {
    site.run_once();
    CHECK(site.requested().size() == 4);  // only the feed again
    CHECK(site.items().at("Lab ships a model").article_text == item.article_text);
  }
}

TEST_CASE("robots.txt: a disallowed page is not fetched and the item says why", "[e2e][articles]") {
  Site site({});
  site.server().set_routes({
      {"/robots.txt", {{"body", "User-agent: feedsieve\nDisallow: /private/\n"}}},
      {"/feed.xml", rss(test::rss_document("Wire", {{"w-1", "Private story", site.url("/private/1"),
                                                     "Wed, 01 May 2024 10:00:00 GMT", "Teaser."},
                                                    {"w-2", "Public story", site.url("/public/1"),
                                                     "Wed, 01 May 2024 11:00:00 GMT", "Teaser two."}}))},
      {"/private/1", html_page(article_page("Private story", "Nobody may crawl this."))},
      {"/public/1", html_page(article_page("Public story", "Anyone may read this."))},
  });
  site.configure({{"wire", {"/feed.xml", ""}}}, "");
  site.run_once();
  const auto items = site.items();
  const StoredItem& blocked = items.at("Private story");
  CHECK_FALSE(blocked.article_text);
  REQUIRE(blocked.article_error);
  CHECK(*blocked.article_error == site.url("/private/1") + ": not fetched: robots.txt disallows it (Disallow: /private/)");
  CHECK(blocked.summary == "Teaser.");
  CHECK_FALSE(requested(site, "/private/1"));
  CHECK(items.at("Public story").article_text);
}

TEST_CASE("robots.txt answering 5xx disallows the pages for now", "[e2e][articles]") {
  Site site({});
  site.server().set_routes({
      {"/robots.txt", {{"status", 503}, {"body", "down"}}},
      {"/feed.xml", rss(test::rss_document("Wire", {{"w-1", "A story", site.url("/story/1"),
                                                     "Wed, 01 May 2024 10:00:00 GMT", "Teaser."}}))},
      {"/story/1", html_page(article_page("A story", "Body."))},
  });
  site.configure({{"wire", {"/feed.xml", ""}}}, "");
  site.run_once();
  const StoredItem item = site.items().at("A story");
  CHECK_FALSE(item.article_text);
  REQUIRE(item.article_error);
  CHECK_THAT(*item.article_error, Catch::Contains("robots.txt could not be read") && Catch::Contains("HTTP 503"));
  CHECK_FALSE(requested(site, "/story/1"));
}

TEST_CASE("a feed item linking to 127.0.0.1 is not fetched unless allow_networks allows it", "[e2e][articles]") {
  Site site({});
  site.server().set_routes({
      {"/feed.xml", rss(test::rss_document("Wire", {{"w-1", "Internal page", site.url("/admin"),
                                                     "Wed, 01 May 2024 10:00:00 GMT", "Teaser."}}))},
      {"/admin", html_page(article_page("Internal page", "Secrets."))},
  });
  site.configure({{"wire", {"/feed.xml", ""}}}, "", false);
  site.run_once();
  const StoredItem item = site.items().at("Internal page");  // the configured feed itself is fetched
  CHECK_FALSE(item.article_text);
  REQUIRE(item.article_error);
  CHECK_THAT(*item.article_error, Catch::Contains("refused to connect to 127.0.0.1 (loopback)"));
  CHECK(site.requested() == std::vector<std::string>{"/feed.xml"});  // neither robots.txt nor the page
}

TEST_CASE("article text decides the topic of an item whose feed summary is too short", "[e2e][articles]") {
  Site site({});
  const auto feed = [&](const std::string& prefix) {
    return rss(test::rss_document(prefix, {{prefix + "-1", prefix + ": a new release", site.url("/" + prefix + "/1"),
                                            "Wed, 01 May 2024 10:00:00 GMT", "Details inside."}}));
  };
  site.server().set_routes({
      {"/robots.txt", {{"body", ""}}},
      {"/with.xml", feed("with")},
      {"/without.xml", feed("without")},
      {"/with/1", html_page(article_page("A new release", "DeepSeek published open weights today."))},
      {"/without/1", html_page(article_page("A new release", "DeepSeek published open weights today."))},
  });
  site.configure({{"with", {"/with.xml", "fetch_article = true"}}, {"without", {"/without.xml", "fetch_article = false"}}},
                 "[topic]\nthreshold = 1.0\n[[topic.terms]]\nterms = [\"DeepSeek\"]\nweight = 1.0\n");
  site.run_once();
  const auto items = site.items();
  CHECK(items.at("with: a new release").on_topic);
  CHECK_FALSE(items.at("without: a new release").on_topic);
  CHECK_FALSE(items.at("without: a new release").article_error);
  CHECK_FALSE(requested(site, "/without/1"));
}

TEST_CASE("fetch_article = \"on_topic\" fetches only the pages of items the feed text puts on topic", "[e2e][articles]") {
  Site site({});
  site.server().set_routes({
      {"/robots.txt", {{"body", ""}}},
      {"/feed.xml", rss(test::rss_document("Wire", {{"w-1", "DeepSeek ships", site.url("/on"),
                                                     "Wed, 01 May 2024 10:00:00 GMT", "Teaser."},
                                                    {"w-2", "Football results", site.url("/off"),
                                                     "Wed, 01 May 2024 11:00:00 GMT", "Teaser."}}))},
      {"/on", html_page(article_page("DeepSeek ships", "More."))},
      {"/off", html_page(article_page("Football results", "DeepSeek is not here."))},
  });
  site.configure({{"wire", {"/feed.xml", "fetch_article = \"on_topic\""}}},
                 "[topic]\nthreshold = 1.0\n[[topic.terms]]\nterms = [\"DeepSeek\"]\n");
  site.run_once();
  CHECK(requested(site, "/on"));
  CHECK_FALSE(requested(site, "/off"));
  CHECK(site.items().at("DeepSeek ships").article_text);
}

TEST_CASE("items of two feeds whose pages declare the same rel=canonical are one story", "[e2e][articles]") {
  Site site({});
  const std::string original = "https://publisher.example/2024/05/original-story";
  site.server().set_routes({
      {"/robots.txt", {{"body", ""}}},
      {"/a.xml", rss(test::rss_document("Aggregator A", {{"a-1", "Lab ships a model (A)", site.url("/a/copy?id=7"),
                                                          "Wed, 01 May 2024 10:00:00 GMT", "First teaser."}}))},
      {"/b.xml", rss(test::rss_document("Aggregator B", {{"b-1", "Model shipped by lab, B says", site.url("/b/mirror"),
                                                          "Wed, 01 May 2024 10:05:00 GMT", "Another teaser."}}))},
      {"/a/copy", html_page(article_page("Lab ships a model", "Copy A of the story.", original + "?utm_source=a"))},
      {"/b/mirror", html_page(article_page("Lab ships a model", "Copy B, differently worded.", original))},
  });
  site.configure({{"a", {"/a.xml", ""}}, {"b", {"/b.xml", ""}}}, "");
  site.run_once();
  const auto items = site.items();
  const StoredItem& a = items.at("Lab ships a model (A)");
  const StoredItem& b = items.at("Model shipped by lab, B says");
  CHECK(a.canonical_link == original);
  CHECK(b.canonical_link == original);
  CHECK(a.story == b.story);
  const StoredItem& joiner = a.merge_reason == "it founded the story" ? b : a;
  CHECK(joiner.merge_reason == "its canonical link is " + original);
  REQUIRE(a.article_canonical_url);
  CHECK(*a.article_canonical_url == original + "?utm_source=a");
}

TEST_CASE("a page that fails to fetch or to yield text leaves its item as it was, with the reason", "[e2e][articles]") {
  Site site({});
  site.server().set_routes({
      {"/robots.txt", {{"body", ""}}},
      {"/feed.xml", rss(test::rss_document("Wire", {{"w-1", "Broken page", site.url("/broken"),
                                                     "Wed, 01 May 2024 10:00:00 GMT", "Kept teaser."},
                                                    {"w-2", "Image link", site.url("/image.png"),
                                                     "Wed, 01 May 2024 11:00:00 GMT", "An image."}}))},
      {"/broken", {{"status", 500}, {"body", "oops"}}},
      {"/image.png", {{"body", "PNG"}, {"headers", json::object{{"Content-Type", "image/png"}}}}},
  });
  site.configure({{"wire", {"/feed.xml", ""}}}, "retry_delay = \"0s\"");
  site.run_once();
  // A 5xx is asked once more, then final; a page that is not HTML is not retried.
  const auto paths = site.requested();
  CHECK(std::count(paths.begin(), paths.end(), "/broken") == 2);
  CHECK(std::count(paths.begin(), paths.end(), "/image.png") == 1);
  const auto items = site.items();
  const StoredItem& broken = items.at("Broken page");
  CHECK(broken.summary == "Kept teaser.");
  CHECK(broken.canonical_link == site.url("/broken"));
  CHECK_FALSE(broken.article_text);
  REQUIRE(broken.article_error);
  CHECK_THAT(*broken.article_error, Catch::Contains(site.url("/broken")) && Catch::Contains("500"));
  const StoredItem& image = items.at("Image link");
  REQUIRE(image.article_error);
  CHECK_THAT(*image.article_error, Catch::Contains("not an HTML page (Content-Type: image/png)"));
}

TEST_CASE("max_per_poll bounds the pages one poll fetches; the rest say so", "[e2e][articles]") {
  Site site({});
  std::vector<Entry> entries;
  json::object routes{{"/robots.txt", {{"body", ""}}}};
  for (int i = 1; i <= 3; ++i) {
    const std::string n = std::to_string(i);
    entries.push_back({"w-" + n, "Story " + n, site.url("/s/" + n), "Wed, 01 May 2024 1" + n + ":00:00 GMT", "T."});
    routes["/s/" + n] = html_page(article_page("Story " + n, "Body " + n + "."));
  }
  routes["/feed.xml"] = rss(test::rss_document("Wire", entries));
  site.server().set_routes(routes);
  site.configure({{"wire", {"/feed.xml", ""}}}, "max_per_poll = 2\n");
  site.run_once();
  int fetched = 0;
  int skipped = 0;
  for (const auto& [title, item] : site.items()) {
    if (item.article_text) ++fetched;
    if (item.article_error && item.article_error->find("max_per_poll = 2") != std::string::npos) ++skipped;
  }
  CHECK(fetched == 2);
  CHECK(skipped == 1);
}

TEST_CASE("extract URL fetches the page under robots.txt and the forgery guard", "[e2e][articles][extract]") {
  Site site({});
  site.server().set_routes({
      {"/robots.txt", {{"body", "User-agent: *\nDisallow: /hidden\n"}}},
      {"/story", html_page(article_page("Lab ships a model", "Zebracorn body.", "https://publisher.example/story"))},
      {"/hidden", html_page(article_page("Hidden", "Nope."))},
  });
  site.configure({}, "");

  const auto ok = test::run_feedsieve({"extract", site.url("/story"), "--config", site.config()});
  INFO(ok.err);
  REQUIRE(ok.exit_code == 0);
  const auto article = json::parse(ok.out).as_object();
  CHECK(article.at("url") == site.url("/story").c_str());
  CHECK(article.at("canonical_url") == "https://publisher.example/story");
  CHECK_THAT(std::string(article.at("text").as_string()), Catch::Contains("Zebracorn body."));

  const auto hidden = test::run_feedsieve({"extract", site.url("/hidden"), "--config", site.config()});
  CHECK(hidden.exit_code == 1);
  CHECK_THAT(hidden.err, Catch::Contains("robots.txt disallows it"));
  CHECK_FALSE(requested(site, "/hidden"));

  site.configure({}, "", false);
  const auto guarded = test::run_feedsieve({"extract", site.url("/story"), "--config", site.config()});
  CHECK(guarded.exit_code == 1);
  CHECK_THAT(guarded.err, Catch::Contains("refused to connect to 127.0.0.1"));
}
