#pragma once
#include <SQLiteCpp/Database.h>

#include <filesystem>

namespace feedsieve::store_detail {

// Fingerprints the items that have none (fingerprinted = 0). Cheap when there are none.
void fingerprint_unprinted(SQLite::Database& db, const std::filesystem::path& path);

}  // namespace feedsieve::store_detail
