#pragma once
// Feed discovery shared by `discover` and `feeds add`: the feeds a page
// advertises, else the common feed paths of its site that answer with a feed.
#include <optional>
#include <string>
#include <vector>

#include "daemon/fetch/fetcher.hpp"
#include "feeds/html/autodiscovery.hpp"

namespace feedsieve::cli {

struct Discovery {
  std::vector<FeedLink> feeds;
  bool advertised = false;  // true: from the page's <link rel="alternate">; false: found by probing
};

// `bytes` (fetched from `url`, read with `base_url` for relative links) as
// the feed they are, or nullopt when they are no feed.
std::optional<FeedLink> as_feed(const std::string& bytes, const std::string& content_type, const std::string& base_url,
                                const std::string& url);

// `probe`: when the page advertises nothing, fetch the common paths (only for
// an http(s) `page_url`) with `limits`.
Discovery discover_feeds(const std::string& page_bytes, const std::string& content_type, const std::string& page_url,
                         bool probe, const FetchLimits& limits);

}  // namespace feedsieve::cli
