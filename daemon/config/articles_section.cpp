// [articles] and the per-feed fetch_article: which items have the page behind
// their link fetched, and how politely and safely pages are fetched.
#include "daemon/config/sections.hpp"

namespace feedsieve {

using std::chrono::seconds;

std::optional<ArticleFetch> read_article_fetch(const Reader& r, const toml::table& t, std::string_view key,
                                               std::string_view where) {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  if (const auto flag = node->value<bool>(); flag && node->is_boolean()) return *flag ? ArticleFetch::all : ArticleFetch::off;
  if (node->is_string() && *node->value<std::string>() == "on_topic") return ArticleFetch::on_topic;
  r.fail(node->source(), "'" + std::string(where) + "." + std::string(key) +
                             "' must be true (every new item), \"on_topic\" (new items whose feed text is on topic) or false");
}

void read_articles(const Reader& r, const toml::table& root, Config& config) {
  ArticleSettings& a = config.articles;
  // Pages are fetched under the same identity and network allowance as feeds.
  a.pages.limits.user_agent = config.fetch.user_agent;
  a.pages.limits.allow_networks = config.fetch.allow_networks;
  a.pages.limits.max_concurrent = config.fetch.max_concurrent;
  const toml::table* t = r.section(root, "articles");
  if (t == nullptr) return;
  r.only_keys(*t, "[articles]",
              {"fetch", "max_per_poll", "deadline", "timeout", "connect_timeout", "max_body", "max_per_host",
               "min_interval", "max_crawl_delay", "robots_cache", "robots_retry", "retry_delay"});
  if (auto v = read_article_fetch(r, *t, "fetch", "articles")) a.fetch = *v;
  if (auto v = r.integer(*t, "max_per_poll", "articles", 0, 10'000)) a.max_per_poll = static_cast<int>(*v);
  if (auto v = r.duration(*t, "deadline", "articles", seconds(1))) a.deadline = *v;
  PageFetchSettings& p = a.pages;
  if (auto v = r.duration(*t, "timeout", "articles", seconds(1))) p.limits.total_timeout = *v;
  if (auto v = r.duration(*t, "connect_timeout", "articles", seconds(1))) p.limits.connect_timeout = *v;
  if (auto v = r.size(*t, "max_body", "articles")) p.limits.max_body_bytes = *v;
  if (auto v = r.integer(*t, "max_per_host", "articles", 1, 2)) p.max_per_host = static_cast<std::size_t>(*v);
  if (auto v = r.duration(*t, "min_interval", "articles", seconds(0))) p.min_interval = *v;
  if (auto v = r.duration(*t, "max_crawl_delay", "articles", seconds(0))) p.max_crawl_delay = *v;
  if (auto v = r.duration(*t, "robots_cache", "articles", seconds(1))) p.robots_ttl = *v;
  if (auto v = r.duration(*t, "robots_retry", "articles", seconds(1))) p.robots_retry = *v;
  if (auto v = r.duration(*t, "retry_delay", "articles", seconds(0))) p.page_retry_delay = *v;
}

}  // namespace feedsieve
