// [[feeds]]: what feedsieve polls.
#include <boost/url/parse.hpp>
#include <set>

#include "daemon/config/sections.hpp"

namespace feedsieve {

using std::chrono::seconds;

namespace {

bool is_http_url(const std::string& text) {
  const auto url = boost::urls::parse_absolute_uri(text);
  if (!url) return false;
  const auto scheme = url->scheme_id();
  return (scheme == boost::urls::scheme::http || scheme == boost::urls::scheme::https) && !url->host().empty();
}

FeedConfig read_feed(const Reader& r, const toml::table& t, const std::string& where) {
  r.only_keys(t, where, {"name", "url", "interval", "pin_interval", "enabled", "tags", "topic_weight", "fetch_article"});
  FeedConfig feed;
  const auto url = r.string(t, "url", "feeds");
  if (!url) r.fail(t.source(), where + " has no 'url': add url = \"https://example.com/feed.xml\"");
  if (!is_http_url(*url))
    r.fail(t.get("url")->source(), "'feeds.url' must be an absolute http:// or https:// URL, got \"" + *url + "\"");
  feed.url = *url;
  feed.name = r.string(t, "name", "feeds").value_or(feed.url);
  if (feed.name.empty()) r.fail(t.get("name")->source(), "'feeds.name' must not be empty");
  feed.interval = r.duration(t, "interval", "feeds", seconds(1));
  feed.pin_interval = r.boolean(t, "pin_interval", "feeds").value_or(false);
  feed.enabled = r.boolean(t, "enabled", "feeds").value_or(true);
  feed.tags = r.strings(t, "tags", "feeds").value_or(std::vector<std::string>{});
  feed.topic_weight = r.fraction(t, "topic_weight", "feeds", 0.0, 100.0).value_or(1.0);
  feed.fetch_article = read_article_fetch(r, t, "fetch_article", "feeds");
  return feed;
}

}  // namespace

void read_feeds(const Reader& r, const toml::table& root, Config& config) {
  const toml::node* node = root.get("feeds");
  if (node == nullptr) return;
  const toml::array* feeds = node->as_array();
  if (feeds == nullptr) r.fail(node->source(), "'feeds' must be an array of tables: write each feed as [[feeds]]");
  std::set<std::string> names;
  for (std::size_t i = 0; i < feeds->size(); ++i) {
    const toml::node& entry = *feeds->get(i);
    if (!entry.is_table()) r.fail(entry.source(), "each entry of 'feeds' must be a table: write it as [[feeds]]");
    FeedConfig feed = read_feed(r, *entry.as_table(), "[[feeds]] #" + std::to_string(i + 1));
    if (!names.insert(feed.name).second)
      r.fail(entry.source(), "two feeds are named \"" + feed.name + "\": give each a unique 'name'");
    config.feeds.push_back(std::move(feed));
  }
}

}  // namespace feedsieve
