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
void read_api(const Reader& r, const toml::table& root, Config& config);
void read_articles(const Reader& r, const toml::table& root, Config& config);

// fetch_article = true | "on_topic" | false (in [articles] and [[feeds]]).
std::optional<ArticleFetch> read_article_fetch(const Reader& r, const toml::table& t, std::string_view key,
                                               std::string_view where);

}  // namespace feedsieve
