// /feed.atom and /feed.json: valid documents of the on-topic stories, with ETag and 304.
#include <pugixml.hpp>

#include <catch2/catch.hpp>

#include "tests/api/api_fixture.hpp"

using namespace feedsieve;
using test::ApiFixture;

TEST_CASE("/feed.atom is an Atom 1.0 feed of the on-topic stories with ETag and 304", "[api]") {
  ApiFixture api;
  auto seeds = test::hourly_stories(3);
  seeds[2].on_topic = false;
  seeds[0].title = "DeepSeek <R2> & \"friends\"";
  test::store_items(api.writer, "alpha", seeds);
  api.start();
  const auto reply = api.get("/feed.atom");
  REQUIRE(reply.status == 200);
  CHECK(reply.header("content-type") == "application/atom+xml; charset=utf-8");
  pugi::xml_document document;
  REQUIRE(document.load_string(reply.body.c_str()));
  const pugi::xml_node feed = document.child("feed");
  CHECK(std::string(feed.attribute("xmlns").value()) == "http://www.w3.org/2005/Atom");
  CHECK(std::string(feed.child_value("updated")) == "2024-05-01T00:00:00Z");
  CHECK_THAT(feed.find_child_by_attribute("link", "rel", "self").attribute("href").value(),
             Catch::EndsWith("/feed.atom"));
  std::vector<std::string> titles;
  for (const auto& entry : feed.children("entry")) titles.emplace_back(entry.child_value("title"));
  CHECK(titles == std::vector<std::string>{"DeepSeek <R2> & \"friends\"", "Story 1"});
  const pugi::xml_node entry = feed.child("entry");
  CHECK_THAT(entry.child_value("id"), Catch::StartsWith("urn:feedsieve:story:"));
  CHECK(std::string(entry.child("link").attribute("href").value()) == "https://news.example/Story/0");
  CHECK(std::string(entry.child_value("summary")) == "Sources: alpha");

  const std::string tag = reply.header("etag");
  REQUIRE(tag.size() == 18);
  const auto again = api.get("/feed.atom", {{"If-None-Match", tag}});
  CHECK(again.status == 304);
  CHECK(again.body.empty());
  CHECK(again.header("etag") == tag);
  CHECK(api.get("/feed.atom", {{"If-None-Match", "W/" + tag + ", \"other\""}}).status == 304);

  // A new story changes the document and so the tag.
  test::store_items(api.writer, "beta", {{"Newest", "https://n.example/new", *parse_rfc3339("2024-05-02T00:00:00Z")}});
  const auto changed = api.get("/feed.atom", {{"If-None-Match", tag}});
  CHECK(changed.status == 200);
  CHECK(changed.header("etag") != tag);
}

TEST_CASE("/feed.json is a JSON Feed 1.1 with ETag and 304", "[api]") {
  ApiFixture api;
  test::store_items(api.writer, "alpha", test::hourly_stories(2));
  api.start();
  const auto reply = api.get("/feed.json");
  REQUIRE(reply.status == 200);
  CHECK(reply.header("content-type") == "application/feed+json; charset=utf-8");
  const auto feed = boost::json::parse(reply.body);
  CHECK(feed.at("version") == "https://jsonfeed.org/version/1.1");
  const auto& items = feed.at("items").as_array();
  REQUIRE(items.size() == 2);
  CHECK(items[0].at("title") == "Story 0");
  CHECK(items[0].at("url") == "https://news.example/Story/0");
  CHECK(items[0].at("date_published") == "2024-05-01T00:00:00Z");
  CHECK(items[0].at("content_text") == "Sources: alpha");
  CHECK(items[0].at("_feedsieve").at("sources").as_array().size() == 1);
  CHECK(api.get("/feed.json", {{"If-None-Match", reply.header("etag")}}).status == 304);
}
