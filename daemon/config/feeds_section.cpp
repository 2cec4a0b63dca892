// [[feeds]]: what feedsieve polls.
#include <array>
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
  // encoded_host: whether there is a host needs no percent-decoded copy of it.
  return (scheme == boost::urls::scheme::http || scheme == boost::urls::scheme::https) &&
         !url->encoded_host().empty();
}

// One XPath selector of a kind = "html" feed, compiled now so a typo is
// reported at its line, not at the first poll.
std::optional<std::string> selector(const Reader& r, const toml::table& t, std::string_view key) {
  auto xpath = r.string(t, key, "feeds");
  if (!xpath) return std::nullopt;
  if (const auto problem = selector_problem(*xpath, key == "item"))
    r.fail(t.get(key)->source(), "'feeds." + std::string(key) + "' is not an XPath 1.0 expression: " + problem->what +
                                     " at character " + std::to_string(problem->offset + 1) + " of \"" + *xpath + "\"");
  return xpath;
}

constexpr std::array<std::string_view, 5> kSelectorKeys = {"item", "title", "link", "date", "summary"};

void read_selectors(const Reader& r, const toml::table& t, const std::string& where, FeedConfig& feed) {
  const auto kind = r.string(t, "kind", "feeds").value_or("feed");
  if (kind != "feed" && kind != "html")
    r.fail(t.get("kind")->source(), "'feeds.kind' must be \"feed\" (RSS, Atom, JSON Feed) or \"html\" (a web page "
                                    "scraped with XPath selectors), got \"" + kind + "\"");
  feed.kind = kind == "html" ? FeedKind::html : FeedKind::feed;
  if (feed.kind == FeedKind::feed) {
    for (const std::string_view key : kSelectorKeys)
      if (const toml::node* node = t.get(key))
        r.fail(node->source(), "'feeds." + std::string(key) + "' is a selector of kind = \"html\" feeds; " + where +
                                   " reads a feed: add kind = \"html\" or remove the key");
    return;
  }
  PageSelectors& s = feed.selectors;
  for (const std::string_view key : {"item", "title"})
    if (t.get(key) == nullptr)
      r.fail(t.source(), where + " is kind = \"html\" and needs '" + std::string(key) +
                             "', an XPath 1.0 selector such as item = \"//article\", title = \".//h2\"");
  s.item = *selector(r, t, "item");
  s.title = *selector(r, t, "title");
  s.link = selector(r, t, "link").value_or(s.link);
  s.date = selector(r, t, "date").value_or("");
  s.summary = selector(r, t, "summary").value_or("");
}

FeedConfig read_feed(const Reader& r, const toml::table& t, const std::string& where) {
  r.only_keys(t, where, {"name", "url", "kind", "interval", "pin_interval", "enabled", "tags", "topic_weight",
                         "fetch_article", "item", "title", "link", "date", "summary"});
  FeedConfig feed;
  read_selectors(r, t, where, feed);
  const auto url = r.string(t, "url", "feeds");
  if (!url) r.fail(t.source(), where + " has no 'url': add url = \"https://example.com/feed.xml\"");
  if (!is_http_url(*url))
    r.fail(t.get("url")->source(), "'feeds.url' must be an absolute http:// or https:// URL, got \"" + *url + "\"");
  feed.url = std::move(*url);
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
  config.feeds.reserve(feeds->size());
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
