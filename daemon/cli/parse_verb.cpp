// `feedsieve parse FILE` prints one parsed feed as JSON; `feedsieve parse
// --batch DIR` parses every file below DIR in one process and prints a
// summary line per file and a total (parse_batch.cpp).
#include <boost/json.hpp>
#include <fstream>
#include <iostream>
#include <sstream>

#include "daemon/cli/parse_files.hpp"
#include "daemon/cli/verbs.hpp"
#include "feeds/json/feed_json.hpp"
#include "feeds/json/json_text.hpp"
#include "feeds/parse/parse.hpp"

namespace feedsieve::cli {

std::optional<std::string> read_feed_file(const std::filesystem::path& file, std::size_t max_bytes,
                                          std::string& error) {
  std::error_code ec;
  const auto size = std::filesystem::file_size(file, ec);
  if (ec) {
    error = ec.message();
    return std::nullopt;
  }
  if (size > max_bytes) {
    error = std::to_string(size) + " bytes is over the " + std::to_string(max_bytes) + "-byte limit for a feed";
    return std::nullopt;
  }
  std::ifstream in(file, std::ios::binary);
  std::string bytes(size, '\0');
  if (!in.read(bytes.data(), static_cast<std::streamsize>(size))) {
    error = "cannot read the file";
    return std::nullopt;
  }
  return bytes;
}

namespace {

struct ParseArgs {
  std::filesystem::path file;
  std::filesystem::path batch;
  std::string url;
};

int parse_one(const ParseArgs& args) {
  ParseOptions options;
  options.url = args.url;
  std::string error;
  const auto bytes = read_feed_file(args.file, options.max_bytes, error);
  if (!bytes) {
    std::cerr << "feedsieve parse: " << args.file.string() << ": " << error << "\n";
    return exit_failure;
  }
  try {
    const ParsedFeed feed = parse_feed(*bytes, options);
    for (const auto& warning : feed.warnings) std::cerr << args.file.string() << ": warning: " << warning << "\n";
    std::cout << json_text(to_json(feed)) << "\n";
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
      "Formats: RSS 0.9x/1.0/2.0, Atom 0.3/1.0, JSON Feed, CDF. Exit 1 with one line on stderr when the file is not a "
      "feed; recovery from malformed input is reported as a warning on stderr.\n\n"
      "--batch DIR parses every file below DIR (recursively, in name order) in one process and prints one line a "
      "file, 'FILE: FORMAT, N items, N warnings' or 'FILE: error: WHY', then a total line with bytes, items and "
      "MB/s. With --json, each line is instead a JSON object {\"file\", \"feed\"} or {\"file\", \"error\"} "
      "(warnings in \"warnings\"). Exit 0 when every file parsed as a feed, 1 when any did not (or DIR cannot "
      "be read), 2 on wrong usage.");
  auto args = std::make_shared<ParseArgs>();
  auto batch = std::make_shared<BatchOptions>();
  CLI::Option* file = verb->add_option("file", args->file, "The feed document");
  CLI::Option* dir = verb->add_option("--batch", args->batch, "Parse every file below this folder instead");
  file->excludes(dir);
  verb->add_option("--url", args->url, "The document's own URL, the base for its relative links");
  verb->add_flag("--json", batch->json, "With --batch: one JSON object a file instead of a summary line")->needs(dir);
  verb->callback([args, batch, file, dir, &exit_code] {
    if (file->count() + dir->count() == 0) throw CLI::RequiredError("FILE or --batch DIR");
    batch->url = args->url;
    exit_code = dir->count() != 0 ? parse_batch(args->batch, *batch) : parse_one(*args);
  });
}

}  // namespace feedsieve::cli
