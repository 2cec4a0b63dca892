// The parse JSON shape that `feedsieve parse` prints and downstream programs read.
#include <catch2/catch.hpp>

#include "feeds/json/feed_json.hpp"
#include "feeds/parse/parse.hpp"

using namespace feedsieve;

TEST_CASE("a parsed feed serializes to the documented shape", "[json]") {
  ParsedFeed feed;
  feed.format = FeedFormat::atom10;
  feed.title = "T";
  feed.link = "https://example.com/";
  feed.description = "D";
  feed.language = "en-US";
  Item item;
  item.id = "id-1";
  item.title = "Item";
  item.link = "https://example.com/1";
  item.published = Timestamp{std::chrono::seconds{1714564800}};
  item.authors = {"Ann"};
  item.summary = "S";
  item.content = "<p>C</p>";
  item.categories = {"x", "y"};
  item.enclosures = {{"https://example.com/a.mp3", "audio/mpeg", 42}};
  item.language = "fr";
  feed.items.push_back(item);

  const boost::json::object json = to_json(feed).as_object();
  CHECK(json.at("format") == "atom1.0");
  CHECK(json.at("title") == "T");
  CHECK(json.at("link") == "https://example.com/");
  CHECK(json.at("description") == "D");
  CHECK(json.at("language") == "en-US");
  CHECK(json.size() == 6);
  const boost::json::object& i = json.at("items").as_array().at(0).as_object();
  CHECK(i.size() == 11);
  CHECK(i.at("id") == "id-1");
  CHECK(i.at("language") == "fr");
  CHECK(i.at("title") == "Item");
  CHECK(i.at("link") == "https://example.com/1");
  CHECK(i.at("published") == "2024-05-01T12:00:00Z");
  CHECK(i.at("updated").is_null());
  CHECK(i.at("authors") == boost::json::array{"Ann"});
  CHECK(i.at("summary") == "S");
  CHECK(i.at("content") == "<p>C</p>");
  CHECK(i.at("categories") == boost::json::array{"x", "y"});
  const boost::json::object& e = i.at("enclosures").as_array().at(0).as_object();
  CHECK(e.at("url") == "https://example.com/a.mp3");
  CHECK(e.at("type") == "audio/mpeg");
  CHECK(e.at("length") == 42);
}

TEST_CASE("every format has its documented name", "[json]") {
  CHECK(format_name(FeedFormat::rss090) == "rss0.9x");
  CHECK(format_name(FeedFormat::rss091) == "rss0.9x");
  CHECK(format_name(FeedFormat::rss092) == "rss0.9x");
  CHECK(format_name(FeedFormat::rss093) == "rss0.9x");
  CHECK(format_name(FeedFormat::rss094) == "rss0.9x");
  CHECK(format_name(FeedFormat::rss20) == "rss2.0");
  CHECK(format_name(FeedFormat::rss10) == "rss1.0");
  CHECK(format_name(FeedFormat::atom10) == "atom1.0");
  CHECK(format_name(FeedFormat::atom03) == "atom0.3");
  CHECK(format_name(FeedFormat::jsonfeed) == "jsonfeed");
}

TEST_CASE("an item with nothing in it still has every field", "[json]") {
  const boost::json::object i = to_json(Item{}).as_object();
  CHECK(i.size() == 11);
  CHECK(i.at("language") == "");
  CHECK(i.at("published").is_null());
  CHECK(i.at("authors").as_array().empty());
  CHECK(i.at("enclosures").as_array().empty());
}
