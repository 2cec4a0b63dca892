#pragma once
// Fetching web pages (articles, scraped pages) the way a careful crawler
// does: robots.txt first (RFC 9309, cached per origin), at most one or two
// requests per host at a time, a minimum interval (or the site's
// Crawl-delay, when longer) between them, and the request-forgery guard on
// every request, since page URLs come from feeds and pages, not from the
// user. Feeds the user configured are fetched by the plain Fetcher instead:
// robots.txt does not govern them.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <string>

#include "daemon/fetch/fetcher.hpp"

namespace boost::asio {
class io_context;
}

namespace feedsieve {

struct PageFetchSettings {
  // Timeouts, body cap and redirects per page; user_agent and allow_networks
  // as in [fetch]. max_concurrent caps page transfers over all hosts.
  FetchLimits limits{.connect_timeout = std::chrono::seconds(10),
                     .total_timeout = std::chrono::seconds(20),
                     .max_body_bytes = 5 * 1024 * 1024,
                     .max_redirects = 5,
                     .max_concurrent = 16,
                     .max_per_host = 1,
                     .user_agent = {},
                     .allow_networks = {}};
  std::size_t max_per_host = 1;                     // 1 or 2: requests in flight per host
  std::chrono::milliseconds min_interval{1000};     // between requests to one host
  std::chrono::milliseconds max_crawl_delay{60'000};  // a longer Crawl-delay is cut to this
  std::chrono::seconds robots_ttl{24 * 3600};       // how long a robots.txt answer is kept
  std::chrono::seconds robots_retry{3600};          // after a 5xx or unreachable robots.txt
  // A page answered 5xx or timed out is asked for once more, this long after
  // (and behind the host's politeness again); a second failure is final.
  std::chrono::milliseconds page_retry_delay{10'000};
};

struct PageResult {
  // The transfer. When robots.txt forbade the page (or could not be read)
  // nothing was sent: outcome is network_error and `disallowed` is set.
  // `fetch.error` names the URL and the reason whenever it did not succeed.
  FetchResult fetch;
  bool disallowed = false;

  bool succeeded() const { return !disallowed && fetch.outcome == FetchOutcome::ok; }
};

// Not thread-safe: call it, and receive callbacks, on the io_context's
// thread only; the io_context must outlive it. Callbacks are posted, never
// run inside fetch() or cancel_all().
class PageFetcher {
 public:
  using Callback = std::function<void(PageResult)>;

  PageFetcher(boost::asio::io_context& io, PageFetchSettings settings);
  ~PageFetcher();
  PageFetcher(const PageFetcher&) = delete;
  PageFetcher& operator=(const PageFetcher&) = delete;

  // Queues a GET of `url`; `done` runs exactly once (cancelled by cancel_all()).
  void fetch(std::string url, Callback done);
  // Completes every queued and running page with FetchOutcome::cancelled.
  void cancel_all();
  std::size_t in_flight() const;  // queued, waiting for robots.txt, or running

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace feedsieve
