#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "daemon/cli/verbs.hpp"
#include "daemon/fetch/fetch_all.hpp"
#include "feeds/html/autodiscovery.hpp"
#include "feeds/html/page_charset.hpp"
#include "feeds/parse/parse.hpp"

namespace feedsieve::cli {
namespace {

struct DiscoverArgs {
  std::string target;  // a URL, or a file with --url
  std::string url;
  std::string format = "text";
  bool probe = true;
};

struct Page {
  std::string bytes, content_type, url;
};

bool is_web_url(std::string_view text) { return text.starts_with("http://") || text.starts_with("https://"); }

std::optional<Page> load_page(const DiscoverArgs& args) {
  if (is_web_url(args.target) && !std::filesystem::exists(args.target)) {
    FetchResult result = std::move(fetch_all({FetchRequest{.url = args.target}}, FetchLimits{}).front());
    if (result.outcome != FetchOutcome::ok) {
      std::cerr << "feedsieve discover: " << result.error << "\n";
      return std::nullopt;
    }
    return Page{std::move(result.body), std::move(result.content_type), std::move(result.final_url)};
  }
  std::ifstream in(args.target, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    std::cerr << "feedsieve discover: " << args.target << ": cannot read the file\n";
    return std::nullopt;
  }
  return Page{bytes.str(), "", args.url};
}

// The common paths that answer 2xx with something the feed parser accepts.
std::vector<FeedLink> probe(const std::string& page_url) {
  std::vector<FetchRequest> requests;
  for (std::string& url : common_feed_urls(page_url)) requests.push_back({.url = std::move(url)});
  std::vector<FeedLink> found;
  for (const FetchResult& result : fetch_all(std::move(requests), FetchLimits{})) {
    if (result.outcome != FetchOutcome::ok) continue;
    try {
      const ParsedFeed feed = parse_feed(result.body, {.url = result.final_url, .content_type = result.content_type});
      found.push_back({result.url, feed.title, std::string(format_name(feed.format))});
    } catch (const ParseError&) {
      // Not a feed at that path: the usual answer.
    }
  }
  return found;
}

void print(const std::vector<FeedLink>& feeds, const std::string& format) {
  if (format == "json") {
    boost::json::array out;
    for (const auto& feed : feeds) out.push_back({{"url", feed.url}, {"title", feed.title}, {"format", feed.format}});
    std::cout << boost::json::serialize(out) << "\n";
    return;
  }
  for (const auto& feed : feeds) std::cout << feed.url << "\t" << feed.format << "\t" << feed.title << "\n";
}

int discover(const DiscoverArgs& args) {
  const auto page = load_page(args);
  if (!page) return exit_failure;
  const HtmlDocument document(decode_html_page(page->bytes, page->content_type).utf8);
  std::vector<FeedLink> feeds = advertised_feeds(document, page->url);
  if (feeds.empty() && args.probe && is_web_url(page->url)) feeds = probe(page->url);
  print(feeds, args.format);
  if (feeds.empty()) std::cerr << "feedsieve discover: " << args.target << ": no feed found\n";
  return feeds.empty() ? exit_failure : exit_ok;
}

}  // namespace

void add_discover(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("discover", "List the feeds a web page advertises, or that its site answers");
  verb->footer(
      "Reads the page's <link rel=\"alternate\"> elements of the RSS, Atom, RDF and JSON Feed types (relative "
      "hrefs resolved against <base> or the page URL). When there are none, tries /feed, /rss, /rss.xml, "
      "/atom.xml, /index.xml and /feed.json on the page's site and lists those that answer with a feed. "
      "Prints one feed a line: URL, format and title separated by tabs (or a JSON array with --format json). "
      "Exit 1 when no feed is found.");
  auto args = std::make_shared<DiscoverArgs>();
  verb->add_option("target", args->target, "The page's URL, or a saved page (then pass its URL with --url)")
      ->required();
  verb->add_option("--url", args->url, "The saved page's own URL: the base for relative links and probing");
  verb->add_option("--format", args->format, "text or json")->check(CLI::IsMember({"text", "json"}));
  verb->add_flag("!--no-probe", args->probe, "Never fetch the common feed paths (offline use with a file)");
  verb->callback([args, &exit_code] { exit_code = discover(*args); });
}

}  // namespace feedsieve::cli
