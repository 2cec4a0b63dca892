#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "daemon/cli/discovery.hpp"
#include "daemon/cli/verbs.hpp"
#include "daemon/fetch/fetch_all.hpp"
#include "feeds/json/json_text.hpp"
#include "feeds/url/url.hpp"

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

void print(const std::vector<FeedLink>& feeds, const std::string& format) {
  if (format == "json") {
    boost::json::array out;
    for (const auto& feed : feeds) out.push_back({{"url", feed.url}, {"title", feed.title}, {"format", feed.format}});
    std::cout << json_text(out) << "\n";
    return;
  }
  for (const auto& feed : feeds) std::cout << feed.url << "\t" << feed.format << "\t" << feed.title << "\n";
}

int discover(const DiscoverArgs& args) {
  const auto page = load_page(args);
  if (!page) return exit_failure;
  // A URL that is a feed already is its own one feed.
  if (const auto self = as_feed(page->bytes, page->content_type, page->url, page->url.empty() ? args.target : page->url)) {
    print({*self}, args.format);
    return exit_ok;
  }
  const std::vector<FeedLink> feeds =
      discover_feeds(page->bytes, page->content_type, page->url, args.probe, FetchLimits{}).feeds;
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
