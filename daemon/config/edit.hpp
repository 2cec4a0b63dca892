#pragma once
// Edits of the config file's text that leave everything else byte for byte
// as it was: comments, blank lines, key order, quoting. Whole [[feeds]]
// blocks are appended or cut; nothing else is rewritten. The caller
// re-validates the result with load_config before it replaces the file.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/config/config.hpp"

namespace feedsieve {

struct NewFeed {
  std::string name;
  std::string url;
  std::vector<std::string> tags;
};

// `text` with a [[feeds]] block for each feed appended at the end.
std::string append_feed_blocks(std::string_view text, const std::vector<NewFeed>& feeds);

// `text` without the [[feeds]] block of the feed named `name` (the name
// given, else the url): from the comment lines directly above its header
// (and one blank line above those) to the line before the next table header,
// keeping the comment and blank lines directly above that next header. `source` names the file
// in errors. Throws ConfigError when the text is not TOML or has no such feed.
std::string remove_feed_block(std::string_view text, std::string_view name, const std::filesystem::path& source);

// A TOML basic string: quoted, with \, " and control characters escaped.
std::string toml_string(std::string_view text);

// Replaces `path` with `text` only if `text` loads as a valid config: the
// candidate is written next to it and validated first. On success the old
// file is kept as PATH.bak; on failure PATH is untouched, the candidate is
// kept as PATH.rejected and the ConfigError (naming that file) is rethrown.
// The new file has the old one's mode and (when the caller may give it) owner.
Config replace_config_text(const std::filesystem::path& path, const std::string& text);

}  // namespace feedsieve
