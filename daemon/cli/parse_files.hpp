#pragma once
// Shared by the parse verb's one-file and batch forms.
#include <cstddef>
#include <filesystem>
#include <optional>
#include <string>

namespace feedsieve::cli {

// The whole file, or nullopt with `error` set (missing, unreadable, over max_bytes).
std::optional<std::string> read_feed_file(const std::filesystem::path& file, std::size_t max_bytes,
                                          std::string& error);

struct BatchOptions {
  std::string url;    // base URL for every file's relative links
  bool json = false;  // one JSON object a file instead of a summary line
};

// Parses every regular file below `dir`; prints a line a file and a total.
// Returns exit_ok when every file parsed, exit_failure otherwise.
int parse_batch(const std::filesystem::path& dir, const BatchOptions& options);

}  // namespace feedsieve::cli
