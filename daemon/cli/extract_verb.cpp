#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "daemon/cli/verbs.hpp"
#include "feeds/date/date.hpp"
#include "feeds/extract/article.hpp"

namespace feedsieve::cli {
namespace {

// Pages larger than this are not articles (the fetcher caps them the same way).
constexpr std::uintmax_t kMaxPageBytes = 16 * 1024 * 1024;

struct ExtractArgs {
  std::filesystem::path file;
  std::string url;
};

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

int extract(const ExtractArgs& args) {
  const std::string name = args.file.string();
  std::error_code ec;
  const auto size = std::filesystem::file_size(args.file, ec);
  if (ec) {
    std::cerr << "feedsieve extract: " << name << ": " << ec.message() << "\n";
    return exit_failure;
  }
  if (size > kMaxPageBytes) {
    std::cerr << "feedsieve extract: " << name << ": " << size << " bytes is over the " << kMaxPageBytes
              << "-byte limit for a page\n";
    return exit_failure;
  }
  std::ifstream in(args.file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    std::cerr << "feedsieve extract: " << name << ": cannot read the file\n";
    return exit_failure;
  }
  std::cout << boost::json::serialize(to_json(extract_article(bytes.str(), "", args.url))) << "\n";
  return exit_ok;
}

}  // namespace

void add_extract(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("extract", "Extract the article (main text and metadata) of one HTML page");
  verb->footer(
      "Prints one JSON object: url, canonical_url, title, byline, published (RFC 3339 UTC or null) and text "
      "(the main text, paragraphs separated by blank lines; navigation, comments, share bars and the like left "
      "out). The charset comes from a byte order mark or a <meta> tag, else UTF-8 when the bytes are valid "
      "UTF-8, else windows-1252.");
  auto args = std::make_shared<ExtractArgs>();
  verb->add_option("file", args->file, "The HTML page")->required();
  verb->add_option("--url", args->url, "The page's own URL, the base for its relative links");
  verb->callback([args, &exit_code] { exit_code = extract(*args); });
}

}  // namespace feedsieve::cli
