#include <catch2/catch.hpp>

#include "feeds/html/autodiscovery.hpp"

using namespace feedsieve;

TEST_CASE("advertised feeds of every type, relative hrefs resolved, in order", "[html][discover]") {
  const HtmlDocument page(R"(<html><head>
    <link rel="alternate" type="application/rss+xml" title="All posts" href="/feed.xml">
    <link rel="Alternate" type="application/atom+xml; charset=utf-8" href="atom.xml">
    <link rel="alternate" type="application/feed+json" title="JSON" href="https://cdn.example.com/f.json">
    <link rel="alternate" type="text/html" href="/other-language">
    <link rel="stylesheet" type="application/rss+xml" href="/not-a-feed">
    <link rel="alternate" type="application/rss+xml" href="/feed.xml">
    </head><body></body></html>)");
  const auto feeds = advertised_feeds(page, "https://example.com/blog/post.html");
  REQUIRE(feeds.size() == 3);
  CHECK(feeds[0] == FeedLink{"https://example.com/feed.xml", "All posts", "rss"});
  CHECK(feeds[1] == FeedLink{"https://example.com/blog/atom.xml", "", "atom"});
  CHECK(feeds[2] == FeedLink{"https://cdn.example.com/f.json", "JSON", "json"});
}

TEST_CASE("plain application/json is a feed only when it says it is one", "[html][discover]") {
  // WordPress advertises each post's REST endpoint as an alternate of type application/json.
  const HtmlDocument page(R"(<head>
    <link rel="alternate" type="application/json" href="https://example.com/wp-json/wp/v2/posts/123">
    <link rel="alternate" type="application/json" href="/api/page-data.json">
    <link rel="alternate" type="application/json" title="JSON Feed" href="/index.json">
    <link rel="alternate" type="application/json" href="/feed.json">
    </head>)");
  const auto feeds = advertised_feeds(page, "https://example.com/");
  REQUIRE(feeds.size() == 2);
  CHECK(feeds[0] == FeedLink{"https://example.com/index.json", "JSON Feed", "json"});
  CHECK(feeds[1].url == "https://example.com/feed.json");
}

TEST_CASE("<base href> is the base for feed links", "[html][discover]") {
  const HtmlDocument page(R"(<head><base href="/news/"><link rel="alternate" type="application/rss+xml" href="rss"></head>)");
  const auto feeds = advertised_feeds(page, "https://example.com/a/b");
  REQUIRE(feeds.size() == 1);
  CHECK(feeds[0].url == "https://example.com/news/rss");
}

TEST_CASE("common feed paths are on the site root", "[html][discover]") {
  const auto urls = common_feed_urls("https://example.com/a/b?c=d");
  REQUIRE(urls.size() == 6);
  CHECK(urls[0] == "https://example.com/feed");
  CHECK(urls[5] == "https://example.com/feed.json");
}
