#pragma once
// fetch_article: between parsing a poll and storing it, the pages behind the
// new items' links are fetched (PageFetcher: robots.txt, politeness, the
// forgery guard), their main text extracted on the worker pool, and attached
// to the items, so that topic scoring, fingerprints and the page's own
// canonical URL all take part when the poll is stored.
//
// Why before storing and not after: a story is joined when an item is first
// stored and never changes after (story ids are stable), so the page's
// canonical URL and text can only decide identity if they are there at that
// moment; and the poll stays one store transaction.
#include <functional>
#include <memory>
#include <vector>

#include "daemon/config/config.hpp"
#include "daemon/crawl/page_fetcher.hpp"
#include "daemon/store/store.hpp"

namespace boost::asio {
class io_context;
class thread_pool;
}  // namespace boost::asio

namespace feedsieve {

// Whether a poll of `feed` that parsed into `record` has pages to fetch at all.
bool wants_articles(const Config& config, const FeedConfig& feed, const PollRecord& record);

// Lives on the io thread, like the PageFetcher it owns.
class ArticlePass {
 public:
  using Done = std::function<void(std::vector<NormalizedItem>)>;

  ArticlePass(boost::asio::io_context& io, boost::asio::thread_pool& workers, PageFetchSettings settings);
  ~ArticlePass();
  ArticlePass(const ArticlePass&) = delete;
  ArticlePass& operator=(const ArticlePass&) = delete;

  // Call on the io thread. `sightings` (Store::item_sightings, one per item)
  // say which items are new: of those the policy selects, up to
  // [articles] max_per_poll have their page fetched within [articles]
  // deadline; known items get back the article stored with them. Every item
  // with article text is scored again with it. `done` runs once, on a worker
  // thread, with the items: a page that failed leaves its item as it was,
  // with FetchedArticle::error saying why.
  void run(std::shared_ptr<const Config> config, FeedConfig feed, std::vector<NormalizedItem> items,
           std::vector<ItemSighting> sightings, Done done);

  // Pages in flight end as cancelled; their passes finish with what they
  // have. Passes run from then on fetch no page (the daemon is stopping).
  void cancel_all();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace feedsieve
