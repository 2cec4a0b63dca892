#pragma once
// The schema's migrations, keyed on PRAGMA user_version (see docs/schema.md).
#include <SQLiteCpp/Database.h>

#include <filesystem>

namespace feedsieve::store_detail {

// The newest schema version this build knows how to create and read.
int known_schema_version();

int schema_version(SQLite::Database& db);

// Brings a writable database up to known_schema_version(), one step per
// transaction, forward only. Throws StoreError for a database that is newer
// than this build.
void migrate(SQLite::Database& db, const std::filesystem::path& path);
// The same, stopping at version `target` (an older store, as upgrade tests need).
void migrate(SQLite::Database& db, const std::filesystem::path& path, int target);

// For read-only opens: throws StoreError unless the schema is exactly the
// known version (a missing or older schema needs a writer to migrate it first).
void require_current_schema(SQLite::Database& db, const std::filesystem::path& path);

}  // namespace feedsieve::store_detail
