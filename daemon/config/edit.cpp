#include "daemon/config/edit.hpp"

#include <sys/stat.h>
#include <toml++/toml.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <set>

namespace feedsieve {
namespace {

// The text split at line ends, each line keeping its "\n".
std::vector<std::string_view> lines_of(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const auto end = text.find('\n');
    const auto length = end == std::string_view::npos ? text.size() : end + 1;
    lines.push_back(text.substr(0, length));
    text.remove_prefix(length);
  }
  return lines;
}

bool is_comment(std::string_view line) {
  const auto first = line.find_first_not_of(" \t");
  return first != std::string_view::npos && line[first] == '#';
}

bool is_blank(std::string_view line) { return line.find_first_not_of(" \t\r\n") == std::string_view::npos; }

// 1-based lines of every table header ([x] and [[x]]), from the parser, so a
// '[' inside a string or a multi-line array is never mistaken for one.
void header_lines(const toml::table& table, std::set<std::size_t>& out) {
  for (const auto& [key, node] : table) {
    if (const auto* sub = node.as_table(); sub != nullptr && !sub->is_inline()) {
      out.insert(sub->source().begin.line);
      header_lines(*sub, out);
    } else if (const auto* array = node.as_array(); array != nullptr && array->is_array_of_tables()) {
      for (const auto& entry : *array) {
        out.insert(entry.source().begin.line);
        header_lines(*entry.as_table(), out);
      }
    }
  }
}

toml::table parse_text(std::string_view text, const std::filesystem::path& source) {
  try {
    return toml::parse(text, source.string());
  } catch (const toml::parse_error& e) {
    throw ConfigError(source.string() + ":" + std::to_string(e.source().begin.line) + ":" +
                      std::to_string(e.source().begin.column) + ": error: " + std::string(e.description()));
  }
}

std::size_t header_of(const toml::table& root, std::string_view name, const std::filesystem::path& source) {
  if (const auto* feeds = root["feeds"].as_array()) {
    for (const auto& entry : *feeds) {
      const auto* t = entry.as_table();
      if (t == nullptr) continue;
      const auto url = (*t)["url"].value<std::string>();
      if ((*t)["name"].value<std::string>().value_or(url.value_or("")) != name) continue;
      // An inline table (feeds = [{...}]) has no block of lines of its own to cut.
      if (t->is_inline())
        throw ConfigError(source.string() + ":" + std::to_string(t->source().begin.line) + ":" +
                          std::to_string(t->source().begin.column) + ": error: feed \"" + std::string(name) +
                          "\" is an inline table; only [[feeds]] blocks can be removed this way, edit it by hand");
      return t->source().begin.line;
    }
  }
  throw ConfigError(source.string() + ": error: no feed named \"" + std::string(name) + "\" (see `feedsieve feeds list`)");
}

// `path` gets the mode and owner of `like`, the file it will replace, before
// a byte is written to it: a config that holds an API token stays as private
// as it was, and a daemon that reads it as a user of its own still can after
// an edit run as root.
void take_mode_and_owner(const std::filesystem::path& path, const std::filesystem::path& like) {
  { std::ofstream create(path, std::ios::binary | std::ios::trunc); }
  struct stat original {};
  if (::stat(like.c_str(), &original) != 0) return;
  std::error_code ignored;
  std::filesystem::permissions(path, static_cast<std::filesystem::perms>(original.st_mode & 07777), ignored);
  // Refused when the caller is not root: the file stays the caller's, as an editor would leave it.
  [[maybe_unused]] const int refused = ::chown(path.c_str(), original.st_uid, original.st_gid);
}

void write_text(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) throw ConfigError(path.string() + ": error: cannot write the file");
}

}  // namespace

std::string toml_string(std::string_view text) {
  std::string out = "\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) {
      char escaped[8];
      std::snprintf(escaped, sizeof escaped, "\\u%04x", static_cast<unsigned char>(c));
      out += escaped;
    } else {
      out += c;
    }
  }
  return out + "\"";
}

std::string append_feed_blocks(std::string_view text, const std::vector<NewFeed>& feeds) {
  // New lines end the way the file's lines already do.
  const std::string eol = text.find("\r\n") != std::string_view::npos ? "\r\n" : "\n";
  std::string out(text);
  if (!out.empty() && out.back() != '\n') out += eol;
  for (const auto& feed : feeds) {
    out += eol + "[[feeds]]" + eol + "name = " + toml_string(feed.name) + eol + "url = " + toml_string(feed.url) + eol;
    if (feed.tags.empty()) continue;
    out += "tags = [";
    for (std::size_t i = 0; i < feed.tags.size(); ++i) out += (i ? ", " : "") + toml_string(feed.tags[i]);
    out += "]" + eol;
  }
  return out;
}

std::string remove_feed_block(std::string_view text, std::string_view name, const std::filesystem::path& source) {
  const toml::table root = parse_text(text, source);
  const std::size_t header = header_of(root, name, source) - 1;  // 0-based from here on
  std::set<std::size_t> headers;
  header_lines(root, headers);
  const auto lines = lines_of(text);
  const auto next = headers.upper_bound(header + 1);
  std::size_t end = next == headers.end() ? lines.size() : *next - 1;
  // Comments and blank lines at the end describe and space the next block.
  while (end > header + 1 && (is_comment(lines[end - 1]) || is_blank(lines[end - 1]))) --end;
  std::size_t begin = header;
  while (begin > 0 && is_comment(lines[begin - 1])) --begin;
  // The blank line that separated the block from the one above goes with it.
  if (begin > 0 && is_blank(lines[begin - 1])) --begin;
  std::string out;
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (i < begin || i >= end) out += lines[i];
  return out;
}

Config replace_config_text(const std::filesystem::path& path, const std::string& text) {
  std::filesystem::path candidate = path;
  candidate += ".new";
  take_mode_and_owner(candidate, path);
  write_text(candidate, text);
  Config config;
  try {
    config = load_config(candidate);
  } catch (const ConfigError& e) {
    std::filesystem::path rejected = path;
    rejected += ".rejected";
    std::filesystem::rename(candidate, rejected);
    // The error names the file it read, which is now the rejected one.
    std::string what = e.what();
    if (what.starts_with(candidate.string())) what.replace(0, candidate.string().size(), rejected.string());
    throw ConfigError(what + " (the edit was refused and kept as " + rejected.string() + "; " + path.string() +
                      " is unchanged)");
  }
  std::filesystem::path backup = path;
  backup += ".bak";
  std::filesystem::copy_file(path, backup, std::filesystem::copy_options::overwrite_existing);
  std::filesystem::rename(candidate, path);  // atomic: a reader sees the old file or the new one
  config.source = path;
  return config;
}

}  // namespace feedsieve
