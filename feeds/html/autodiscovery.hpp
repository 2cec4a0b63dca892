#pragma once
// Feed autodiscovery: the feeds a page advertises with
// <link rel="alternate" type="application/rss+xml" href="..."> and its kin,
// and the conventional paths to try when it advertises none.
#include <string>
#include <string_view>
#include <vector>

#include "feeds/html/document.hpp"

namespace feedsieve {

struct FeedLink {
  std::string url;     // absolute
  std::string title;   // the link's title attribute, "" if none
  std::string format;  // "rss", "atom", "json" or "rdf", from the declared type

  bool operator==(const FeedLink&) const = default;
};

// Advertised feeds in document order, duplicates removed. Relative hrefs are
// resolved against <base href> (itself resolved against `page_url`), else `page_url`.
std::vector<FeedLink> advertised_feeds(const HtmlDocument& document, std::string_view page_url);

// The common feed locations on the page's site: /feed, /rss, /rss.xml,
// /atom.xml, /index.xml, /feed.json, resolved against the site root.
std::vector<std::string> common_feed_urls(std::string_view page_url);

}  // namespace feedsieve
