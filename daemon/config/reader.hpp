#pragma once
// Typed reads of TOML values for the config sections. Every failure throws a
// ConfigError that names file:line:col, the key, and what a valid value looks like.
#include <chrono>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <toml++/toml.h>
#include <vector>

#include "daemon/config/config.hpp"

namespace feedsieve {

class Reader {
 public:
  explicit Reader(std::filesystem::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::source_region& where, const std::string& what) const;

  // Rejects any key of `table` not in `known`, at the key's own position.
  void only_keys(const toml::table& table, std::string_view section, const std::vector<std::string_view>& known) const;

  // The sub-table `name` of `root`, or nullptr when absent.
  const toml::table* section(const toml::table& root, std::string_view name) const;

  // Each reader returns nullopt when the key is absent; `where` is the dotted
  // prefix used in messages ("fetch" gives 'fetch.timeout').
  std::optional<std::string> string(const toml::table& t, std::string_view key, std::string_view where) const;
  std::optional<bool> boolean(const toml::table& t, std::string_view key, std::string_view where) const;
  std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, std::string_view where,
                                      std::int64_t min, std::int64_t max) const;
  std::optional<double> fraction(const toml::table& t, std::string_view key, std::string_view where, double min,
                                 double max) const;
  // "30s", "5m", "2h", "7d", or a number of seconds; at least `min`.
  std::optional<std::chrono::seconds> duration(const toml::table& t, std::string_view key, std::string_view where,
                                               std::chrono::seconds min) const;
  // "512KiB", "16MiB", or a number of bytes; more than zero.
  std::optional<std::uint64_t> size(const toml::table& t, std::string_view key, std::string_view where) const;
  std::optional<std::vector<std::string>> strings(const toml::table& t, std::string_view key,
                                                  std::string_view where) const;

  const std::filesystem::path& file() const { return file_; }

 private:
  std::filesystem::path file_;
};

}  // namespace feedsieve
