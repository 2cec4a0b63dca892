#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "daemon/cli/verbs.hpp"
#include "feeds/json/feed_json.hpp"
#include "feeds/parse/parse.hpp"

namespace feedsieve::cli {
namespace {

struct ParseArgs {
  std::filesystem::path file;
  std::string url;
};

int parse(const ParseArgs& args) {
  ParseOptions options;
  options.url = args.url;
  std::error_code ec;
  const auto size = std::filesystem::file_size(args.file, ec);
  if (ec) {
    std::cerr << "feedsieve parse: " << args.file.string() << ": " << ec.message() << "\n";
    return exit_failure;
  }
  if (size > options.max_bytes) {
    std::cerr << "feedsieve parse: " << args.file.string() << ": " << size << " bytes is over the "
              << options.max_bytes << "-byte limit for a feed\n";
    return exit_failure;
  }
  std::ifstream in(args.file, std::ios::binary);
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (!in) {
    std::cerr << "feedsieve parse: " << args.file.string() << ": cannot read the file\n";
    return exit_failure;
  }
  try {
    const ParsedFeed feed = parse_feed(bytes.str(), options);
    for (const auto& warning : feed.warnings) std::cerr << args.file.string() << ": warning: " << warning << "\n";
    std::cout << boost::json::serialize(to_json(feed)) << "\n";
    return exit_ok;
  } catch (const ParseError& e) {
    std::cerr << "feedsieve parse: " << args.file.string() << ": " << e.what() << "\n";
    return exit_failure;
  }
}

}  // namespace

void add_parse(CLI::App& app, int& exit_code) {
  CLI::App* verb = app.add_subcommand("parse", "Parse one feed file and print it as JSON");
  verb->footer(
      "Formats: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed. Exit 1 with one line on stderr when the file is not a "
      "feed; recovery from malformed input is reported as a warning on stderr.");
  auto args = std::make_shared<ParseArgs>();
  verb->add_option("file", args->file, "The feed document")->required();
  verb->add_option("--url", args->url, "The document's own URL, the base for its relative links");
  verb->callback([args, &exit_code] { exit_code = parse(*args); });
}

}  // namespace feedsieve::cli
