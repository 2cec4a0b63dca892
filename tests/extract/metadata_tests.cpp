#include <catch2/catch.hpp>

#include "feeds/date/date.hpp"
#include "feeds/extract/metadata.hpp"

using namespace feedsieve;

TEST_CASE("JSON-LD NewsArticle inside @graph wins over OpenGraph", "[extract][metadata]") {
  const HtmlDocument page(R"(<html><head><title>Site | Page</title>
    <meta property="og:title" content="OG title">
    <meta property="article:published_time" content="2020-01-01T00:00:00Z">
    <link rel="canonical" href="/story/42">
    <script type="application/ld+json">{"@context":"https://schema.org","@graph":[
      {"@type":"WebSite","name":"Site"},
      {"@type":"NewsArticle","headline":"LD headline","datePublished":"2024-05-01T12:00:00+02:00",
       "author":[{"@type":"Person","name":"Ada Lovelace"},{"@type":"Person","name":"Alan Turing"}]}]}</script>
    </head><body></body></html>)");
  const PageMetadata meta = read_metadata(page, "https://example.com/story/42?utm_source=x");
  CHECK(meta.title == "LD headline");
  CHECK(meta.byline == "Ada Lovelace, Alan Turing");
  REQUIRE(meta.published);
  CHECK(format_rfc3339(*meta.published) == "2024-05-01T10:00:00Z");
  CHECK(meta.canonical_url == "https://example.com/story/42");
}

TEST_CASE("without JSON-LD: OpenGraph, meta author, <title>; the page URL as canonical", "[extract][metadata]") {
  const HtmlDocument page(R"(<head><title>Plain title</title><meta name="author" content="By Grace Hopper">
    <meta property="article:published_time" content="2021-03-04T05:06:07Z"></head>)");
  const PageMetadata meta = read_metadata(page, "https://example.com/p");
  CHECK(meta.title == "Plain title");
  CHECK(meta.byline == "Grace Hopper");
  REQUIRE(meta.published);
  CHECK(format_rfc3339(*meta.published) == "2021-03-04T05:06:07Z");
  CHECK(meta.canonical_url == "https://example.com/p");
}

TEST_CASE("broken JSON-LD is ignored", "[extract][metadata]") {
  const HtmlDocument page(R"(<head><meta property="og:title" content="Still here">
    <script type="application/ld+json">{"@type": "NewsArticle", "headline": </script></head>)");
  CHECK(read_metadata(page, "").title == "Still here");
}

TEST_CASE("JSON-LD authors are told apart by whole name, repeats dropped", "[extract][metadata]") {
  const HtmlDocument page(R"(<head><script type="application/ld+json">{"@type":"NewsArticle","headline":"H",
    "author":["Joanna Li",{"@type":"Person","name":"Ann"},"Jo","Ann"]}</script></head>)");
  CHECK(read_metadata(page, "").byline == "Joanna Li, Ann, Jo");
}
