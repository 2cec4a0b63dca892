#include "feeds/html/autodiscovery.hpp"

#include <array>
#include <unordered_set>
#include <utility>

#include "feeds/text/html_text.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve {
namespace {

constexpr std::array<std::pair<std::string_view, std::string_view>, 6> kFeedTypes = {{
    {"application/rss+xml", "rss"},
    {"application/atom+xml", "atom"},
    {"application/feed+json", "json"},
    {"application/json", "json"},
    {"application/rdf+xml", "rdf"},
    {"application/x.atom+xml", "atom"},
}};

constexpr std::array<std::string_view, 6> kCommonPaths = {"/feed", "/rss", "/rss.xml", "/atom.xml", "/index.xml",
                                                          "/feed.json"};

// rel is a space-separated token list: "alternate", "feed alternate"...
bool has_rel_token(std::string_view rel, std::string_view token) {
  const std::string lowered = html::lower(rel);
  std::string_view rest = lowered;
  while (!rest.empty()) {
    const auto space = rest.find_first_of(" \t\r\n");
    if (rest.substr(0, space) == token) return true;
    if (space == std::string_view::npos) break;
    rest.remove_prefix(space + 1);
  }
  return false;
}

// A type attribute without its parameters, lower-case: "application/json".
std::string bare_type(std::string_view type) { return collapse_whitespace(html::lower(type.substr(0, type.find(';')))); }

std::string_view format_of(std::string_view bare) {
  for (const auto& [mime, format] : kFeedTypes)
    if (bare == mime) return format;
  return {};
}

class LinkCollector {
 public:
  bool enter(const GumboNode& node) {
    if (node.type != GUMBO_NODE_ELEMENT) return false;
    const GumboTag tag = node.v.element.tag;
    if (tag == GUMBO_TAG_BASE && base.empty()) base = html::attribute(node, "href");
    if (tag == GUMBO_TAG_LINK || tag == GUMBO_TAG_A) consider(node);
    return tag != GUMBO_TAG_SCRIPT && tag != GUMBO_TAG_STYLE;
  }
  void leave(const GumboNode&) {}

  std::string base;
  std::vector<FeedLink> links;  // hrefs still as written

 private:
  void consider(const GumboNode& node) {
    if (!has_rel_token(html::attribute(node, "rel"), "alternate")) return;
    const std::string type = bare_type(html::attribute(node, "type"));
    const std::string_view format = format_of(type);
    const std::string href = collapse_whitespace(html::attribute(node, "href"));
    if (format.empty() || href.empty()) return;
    FeedLink link{href, collapse_whitespace(html::attribute(node, "title")), std::string(format)};
    if (type == "application/json" && !names_a_feed(link)) return;
    links.push_back(std::move(link));
  }

  // application/json is JSON Feed 1.0's type, but also that of any JSON:
  // WordPress advertises every post's REST endpoint (/wp-json/wp/v2/posts/1)
  // with it. Such a link is a feed only when its URL or title says so.
  static bool names_a_feed(const FeedLink& link) {
    const std::string url = html::lower(link.url);
    if (url.find("/wp-json/") != std::string::npos || url.find("rest_route=") != std::string::npos) return false;
    return url.find("feed") != std::string::npos || html::lower(link.title).find("feed") != std::string::npos;
  }
};

}  // namespace

std::vector<FeedLink> advertised_feeds(const HtmlDocument& document, std::string_view page_url) {
  LinkCollector collector;
  text_detail::walk(document.root().v.element.children, collector);
  const std::string base = collector.base.empty() ? std::string(page_url) : resolve_url(page_url, collector.base);
  std::vector<FeedLink> found;
  std::unordered_set<std::string> seen;
  for (FeedLink& link : collector.links) {
    link.url = base.empty() ? link.url : resolve_url(base, link.url);
    if (seen.insert(link.url).second) found.push_back(std::move(link));
  }
  return found;
}

std::vector<std::string> common_feed_urls(std::string_view page_url) {
  std::vector<std::string> urls;
  for (const std::string_view path : kCommonPaths) urls.push_back(resolve_url(page_url, path));
  return urls;
}

}  // namespace feedsieve
