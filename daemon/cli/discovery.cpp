#include "daemon/cli/discovery.hpp"

#include "daemon/fetch/fetch_all.hpp"
#include "feeds/html/page_charset.hpp"
#include "feeds/parse/parse.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve::cli {
namespace {

// The common paths that answer 2xx with something the feed parser accepts.
std::vector<FeedLink> probe_common_paths(const std::string& page_url, const FetchLimits& limits) {
  std::vector<FetchRequest> requests;
  for (std::string& url : common_feed_urls(page_url)) requests.push_back({.url = std::move(url)});
  std::vector<FeedLink> found;
  for (const FetchResult& result : fetch_all(std::move(requests), limits)) {
    if (result.outcome != FetchOutcome::ok) continue;
    // Not a feed at that path is the usual answer.
    if (auto feed = as_feed(result.body, result.content_type, result.final_url, result.url)) found.push_back(*feed);
  }
  return found;
}

}  // namespace

std::optional<FeedLink> as_feed(const std::string& bytes, const std::string& content_type, const std::string& base_url,
                                const std::string& url) {
  try {
    const ParsedFeed feed = parse_feed(bytes, {.url = base_url, .content_type = content_type});
    return FeedLink{url, feed.title, std::string(format_name(feed.format))};
  } catch (const ParseError&) {
    return std::nullopt;
  }
}

Discovery discover_feeds(const std::string& page_bytes, const std::string& content_type, const std::string& page_url,
                         bool probe, const FetchLimits& limits) {
  const HtmlDocument document(decode_html_page(page_bytes, content_type).utf8);
  Discovery found{advertised_feeds(document, page_url), true};
  if (found.feeds.empty() && probe && is_web_url(page_url)) found = {probe_common_paths(page_url, limits), false};
  return found;
}

}  // namespace feedsieve::cli
