#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "daemon/cli/verbs.hpp"
#include "daemon/crawl/fetch_page.hpp"
#include "feeds/date/date.hpp"
#include "feeds/extract/article.hpp"
#include "feeds/json/json_text.hpp"

namespace feedsieve::cli {
namespace {

// Pages larger than this are not articles (the fetcher caps them the same way).
constexpr std::uintmax_t kMaxPageBytes = 16 * 1024 * 1024;

struct ExtractArgs {
  std::filesystem::path file;  // or an http(s) URL
  std::string url;
  std::optional<std::filesystem::path> config;
};

struct Page {
  std::string bytes, content_type, url;
};

bool is_page_url(const std::filesystem::path& target) {
  const std::string text = target.string();
  return (text.starts_with("http://") || text.starts_with("https://")) && !std::filesystem::exists(target);
}

// How pages are fetched: [articles] and [fetch] of the config when there is
// one (its allow_networks, user_agent, caps), else the defaults.
PageFetchSettings page_settings(const std::optional<std::filesystem::path>& config) {
  std::filesystem::path path;
  try {
    path = find_config(config);
  } catch (const ConfigError&) {
    if (config) throw;
    return Config{}.articles.pages;
  }
  return load_config(path).articles.pages;
}

// The page behind a URL, fetched as fetch_article fetches: robots.txt,
// politeness and the request-forgery guard apply.
std::optional<Page> fetch(const ExtractArgs& args) {
  PageFetchSettings settings;
  try {
    settings = page_settings(args.config);
  } catch (const ConfigError& e) {
    std::cerr << e.what() << "\n";
    return std::nullopt;
  }
  PageResult page = fetch_page(args.file.string(), settings);
  if (!page.succeeded()) {
    std::cerr << "feedsieve extract: " << page.fetch.error << "\n";
    return std::nullopt;
  }
  return Page{std::move(page.fetch.body), page.fetch.content_type,
              args.url.empty() ? page.fetch.final_url : args.url};
}

boost::json::object to_json(const Article& article) {
  boost::json::object out;
  out["url"] = article.url;
  out["canonical_url"] = article.canonical_url;
  out["title"] = article.title;
  out["byline"] = article.byline;
  out["published"] = article.published ? boost::json::value(format_rfc3339(*article.published)) : nullptr;
  out["text"] = article.text;
  return out;
}

std::optional<Page> read(const ExtractArgs& args) {
  const std::string name = args.file.string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(args.file, ec);
  if (ec) {
    std::cerr << "feedsieve extract: " << name << ": " << ec.message() << "\n";
    return std::nullopt;
  }
  if (size > kMaxPageBytes) {
    std::cerr << "feedsieve extract: " << name << ": " << size << " bytes is over the " << kMaxPageBytes
              << "-byte limit for a page\n";
    return std::nullopt;
  }
  std::ifstream in(args.file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    std::cerr << "feedsieve extract: " << name << ": cannot read the file\n";
    return std::nullopt;
  }
  return Page{bytes.str(), "", args.url};
}

int extract(const ExtractArgs& args) {
  const auto page = is_page_url(args.file) ? fetch(args) : read(args);
  if (!page) return exit_failure;
  std::cout << json_text(to_json(extract_article(page->bytes, page->content_type, page->url))) << "\n";
  return exit_ok;
}

}  // namespace

void add_extract(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("extract", "Extract the article (main text and metadata) of one HTML page or URL");
  verb->footer(
      "Prints one JSON object: url, canonical_url, title, byline, published (RFC 3339 UTC or null) and text "
      "(the main text, paragraphs separated by blank lines; navigation, comments, share bars and the like left "
      "out). The charset comes from a byte order mark or a <meta> tag, else UTF-8 when the bytes are valid "
      "UTF-8, else windows-1252. A URL is fetched as fetch_article fetches pages: its site's robots.txt is obeyed "
      "and only public addresses (or the config's [fetch] allow_networks) are reached, under the config's "
      "[articles] timeouts and size cap; a refused or failed fetch exits 1 naming the URL and the reason.");
  auto args = std::make_shared<ExtractArgs>();
  verb->add_option("file", args->file, "The HTML page: a file, or an http(s) URL to fetch")->required();
  verb->add_option("--url", args->url, "The page's own URL, the base for its relative links (default: the URL fetched)");
  add_config_option(*verb, args->config);
  verb->callback([args, &exit_code] { exit_code = extract(*args); });
}

}  // namespace feedsieve::cli
