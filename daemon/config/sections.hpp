#pragma once
// The readers of the config's top-level sections, one per key. Each reads its
// part of `root` into `config` and rejects keys it does not know.
#include <toml++/toml.h>

#include "daemon/config/config.hpp"
#include "daemon/config/reader.hpp"

namespace feedsieve {

void read_store(const Reader& r, const toml::table& root, Config& config);
void read_log(const Reader& r, const toml::table& root, Config& config);
void read_fetch(const Reader& r, const toml::table& root, Config& config);
void read_schedule(const Reader& r, const toml::table& root, Config& config);
void read_canonical(const Reader& r, const toml::table& root, Config& config);
void read_feeds(const Reader& r, const toml::table& root, Config& config);
void read_topic(const Reader& r, const toml::table& root, Config& config);

}  // namespace feedsieve
