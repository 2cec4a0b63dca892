#include "daemon/run/article_pass.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/url/parse.hpp>
#include <spdlog/spdlog.h>

#include <map>
#include <set>

#include "feeds/extract/article.hpp"
#include "feeds/text/ascii.hpp"
#include "feeds/topic/item_text.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve {
namespace asio = boost::asio;

namespace {

Timestamp now_utc() { return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()); }

bool selected(ArticleFetch policy, const NormalizedItem& item) {
  if (item.item.link.empty()) return false;
  return policy == ArticleFetch::all || (policy == ArticleFetch::on_topic && item.on_topic);
}

FetchedArticle failed(std::string error) {
  FetchedArticle article;
  article.fetched_at = now_utc();
  article.error = std::move(error);
  return article;
}

// A page's canonical URL stands for its item across feeds, unless it names
// its site's root: CMSs that declare the home page on every article would
// otherwise fold a whole site into one story.
std::optional<std::string> page_identity(const std::string& declared, const CanonicalOptions& options) {
  auto link = canonical_url(declared, options);
  if (!link) return std::nullopt;
  const auto parsed = boost::urls::parse_uri(*link);
  if (!parsed || ((parsed->path().empty() || parsed->path() == "/") && !parsed->has_query())) return std::nullopt;
  return link;
}

bool is_html(std::string_view content_type) {
  const std::string_view media = content_type.substr(0, content_type.find(';'));
  const std::string lower = ascii_lower(media);
  // No type at all is common enough on small sites; the extractor copes with anything textual.
  return lower.empty() || lower.find("html") != std::string::npos || lower == "text/plain";
}

// On a worker thread: the page's bytes into the article stored with the item.
FetchedArticle read_page(const PageResult& page, const CanonicalOptions& options) {
  const FetchResult& fetch = page.fetch;
  if (!page.succeeded()) return failed(fetch.error.empty() ? fetch.url + ": not fetched" : fetch.error);
  if (!is_html(fetch.content_type))
    return failed(fetch.final_url + ": not an HTML page (Content-Type: " + fetch.content_type + ")");
  Article extracted;
  try {
    extracted = extract_article(fetch.body, fetch.content_type, fetch.final_url);
  } catch (const std::exception& e) {
    return failed(fetch.final_url + ": cannot extract the article: " + e.what());
  }
  FetchedArticle article;
  article.fetched_at = now_utc();
  article.text = std::move(extracted.text);
  if (!extracted.canonical_url.empty()) {
    article.canonical_link = page_identity(extracted.canonical_url, options);
    article.canonical_url = std::move(extracted.canonical_url);
  }
  if (article.text.empty()) article.error = fetch.final_url + ": no article text found on the page";
  return article;
}

// On a worker thread: the verdicts of the items that now have article text.
void rescore(std::vector<NormalizedItem>& items, const Config& config, const FeedConfig& feed) {
  for (NormalizedItem& item : items) {
    if (!item.article || item.article->text.empty()) continue;
    const TopicVerdict verdict = score_topic(config.topic, topic_text(item.item, item.article->text), feed.topic_weight);
    item.topic_score = verdict.score;
    item.on_topic = verdict.on_topic;
  }
}

}  // namespace

bool wants_articles(const Config& config, const FeedConfig& feed, const PollRecord& record) {
  return record.status == PollStatus::ok && !record.items.empty() &&
         config.article_fetch_of(feed) != ArticleFetch::off;
}

struct ArticlePass::Impl {
  // One poll's pass: io thread only. Workers see copies, never this.
  struct Pass {
    Pass(asio::io_context& io, std::shared_ptr<const Config> c, FeedConfig f, std::vector<NormalizedItem> i, Done d)
        : config(std::move(c)), feed(std::move(f)), items(std::move(i)), done(std::move(d)), deadline(io) {}
    std::shared_ptr<const Config> config;
    FeedConfig feed;
    std::vector<NormalizedItem> items;
    Done done;
    std::set<std::size_t> out;  // items whose page is being fetched or read
    asio::steady_timer deadline;
  };
  using PassId = std::uint64_t;

  Impl(asio::io_context& context, asio::thread_pool& pool, PageFetchSettings settings)
      : io(context), workers(pool), pages(context, std::move(settings)) {}

  void run(std::shared_ptr<const Config> config, FeedConfig feed, std::vector<NormalizedItem> items,
           std::vector<ItemSighting> sightings, Done done);
  void request(PassId id, std::size_t index);
  void on_page(PassId id, std::size_t index, PageResult page);
  void land(PassId id, std::size_t index, FetchedArticle article);
  void expire(PassId id);
  void finish(PassId id);

  asio::io_context& io;
  asio::thread_pool& workers;
  PageFetcher pages;
  std::map<PassId, std::unique_ptr<Pass>> passes;
  PassId next_id = 1;
  bool closed = false;  // after cancel_all: passes fetch no page
};

void ArticlePass::Impl::run(std::shared_ptr<const Config> config, FeedConfig feed, std::vector<NormalizedItem> items,
                            std::vector<ItemSighting> sightings, Done done) {
  const PassId id = next_id++;
  const ArticleFetch policy = config->article_fetch_of(feed);
  const auto cap = static_cast<std::size_t>(config->articles.max_per_poll);
  const auto deadline = config->articles.deadline;
  auto& pass = *passes.emplace(id, std::make_unique<Pass>(io, std::move(config), std::move(feed), std::move(items),
                                                          std::move(done)))
                    .first->second;
  std::size_t asked = 0;
  for (std::size_t i = 0; i < pass.items.size(); ++i) {
    NormalizedItem& item = pass.items[i];
    if (i < sightings.size() && sightings[i].known) {
      item.article = std::move(sightings[i].article);  // stored again exactly as it is
      continue;
    }
    if (closed || !selected(policy, item)) continue;
    if (asked++ >= cap) {
      item.article = failed(item.item.link + ": not fetched: the poll had more than [articles] max_per_poll = " +
                            std::to_string(cap) + " new items");
      continue;
    }
    pass.out.insert(i);
  }
  if (pass.out.empty()) return finish(id);
  pass.deadline.expires_after(deadline);
  pass.deadline.async_wait([this, id](const boost::system::error_code& ec) {
    if (!ec) expire(id);
  });
  for (const std::size_t i : std::set<std::size_t>(pass.out)) request(id, i);
}

void ArticlePass::Impl::request(PassId id, std::size_t index) {
  const std::string& link = passes.at(id)->items.at(index).item.link;
  pages.fetch(link, [this, id, index](PageResult page) { on_page(id, index, std::move(page)); });
}

// Extraction is CPU work: it runs on the pool, with a copy of what it needs.
void ArticlePass::Impl::on_page(PassId id, std::size_t index, PageResult page) {
  const auto found = passes.find(id);
  if (found == passes.end()) return;  // the pass ran out of time and was stored without this page
  asio::post(workers, [this, id, index, page = std::move(page), config = found->second->config] {
    FetchedArticle article = read_page(page, config->canonical);
    asio::post(io, [this, id, index, article = std::move(article)]() mutable { land(id, index, std::move(article)); });
  });
}

void ArticlePass::Impl::land(PassId id, std::size_t index, FetchedArticle article) {
  const auto found = passes.find(id);
  if (found == passes.end()) return;
  Pass& pass = *found->second;
  if (!article.error.empty()) spdlog::info("feed '{}': article: {}", pass.feed.name, article.error);
  pass.items.at(index).article = std::move(article);
  pass.out.erase(index);
  if (pass.out.empty()) finish(id);
}

void ArticlePass::Impl::expire(PassId id) {
  const auto found = passes.find(id);
  if (found == passes.end()) return;
  Pass& pass = *found->second;
  const auto seconds = pass.config->articles.deadline.count();
  for (const std::size_t i : pass.out)
    pass.items[i].article = failed(pass.items[i].item.link + ": not fetched within the poll's [articles] deadline of " +
                                   std::to_string(seconds) + "s");
  spdlog::warn("feed '{}': {} article pages not read within {}s; stored without them", pass.feed.name, pass.out.size(),
               seconds);
  pass.out.clear();
  finish(id);
}

void ArticlePass::Impl::finish(PassId id) {
  const auto found = passes.find(id);
  std::unique_ptr<Pass> pass = std::move(found->second);
  passes.erase(found);
  pass->deadline.cancel();
  asio::post(workers, [config = std::move(pass->config), feed = std::move(pass->feed), items = std::move(pass->items),
                       done = std::move(pass->done)]() mutable {
    rescore(items, *config, feed);
    done(std::move(items));
  });
}

ArticlePass::ArticlePass(asio::io_context& io, asio::thread_pool& workers, PageFetchSettings settings)
    : impl_(std::make_unique<Impl>(io, workers, std::move(settings))) {}

ArticlePass::~ArticlePass() = default;

void ArticlePass::run(std::shared_ptr<const Config> config, FeedConfig feed, std::vector<NormalizedItem> items,
                      std::vector<ItemSighting> sightings, Done done) {
  impl_->run(std::move(config), std::move(feed), std::move(items), std::move(sightings), std::move(done));
}

void ArticlePass::cancel_all() {
  impl_->closed = true;
  impl_->pages.cancel_all();
}

}  // namespace feedsieve
