// Opening the store: the file checks, the connection pragmas and migrations.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <filesystem>
#include <string>
#include <system_error>

#include "daemon/store/backfill.hpp"
#include "daemon/store/schema.hpp"
#include "daemon/store/search_rank.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/store_impl.hpp"

namespace feedsieve {
namespace {

using store_detail::guarded;
using store_detail::throw_store_problem;

// A reader waits this long for the writer's lock before giving up, and so
// does the writer for a reader's checkpoint.
constexpr int busy_timeout_ms = 5000;

constexpr std::int64_t mmap_bytes = std::int64_t{8} << 30;

// SQLite would happily create the file but not its directory; a missing
// directory is almost always a wrong path, so say so instead of creating it.
void require_directory(const std::filesystem::path& path) {
  const std::filesystem::path directory = path.parent_path().empty() ? "." : path.parent_path();
  std::error_code error;
  if (!std::filesystem::is_directory(directory, error))
    throw_store_problem(path, "cannot be created: directory " + directory.string() + " does not exist");
}

void require_file(const std::filesystem::path& path) {
  std::error_code error;
  if (!std::filesystem::exists(path, error))
    throw_store_problem(path, "does not exist; run `feedsieve run` once to create it");
}

SQLite::Database open_database(const std::filesystem::path& path, Store::Mode mode) {
  const bool writable = mode == Store::Mode::read_write;
  if (writable) {
    require_directory(path);
  } else {
    require_file(path);
  }
  const int flags = writable ? SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE : SQLite::OPEN_READONLY;
  return guarded(path, writable ? "opening for writing" : "opening for reading",
                 [&] { return SQLite::Database(path.string(), flags, busy_timeout_ms); });
}

// WAL lets readers go on while the writer writes; synchronous=NORMAL is
// durable across application crashes in WAL mode and much cheaper than FULL.
// journal_mode is a property of the file, so only the writer sets it.
void set_pragmas(SQLite::Database& db, const std::filesystem::path& path, Store::Mode mode) {
  guarded(path, "setting connection options", [&] {
    if (mode == Store::Mode::read_write) {
      // Only an empty file can take auto_vacuum, and switching to WAL already
      // writes its first page: so this comes first. It lets each prune give
      // its freed pages back to the file system (PRAGMA incremental_vacuum).
      if (db.execAndGet("PRAGMA page_count").getInt64() == 0) db.exec("PRAGMA auto_vacuum = INCREMENTAL");
      const std::string journal = db.execAndGet("PRAGMA journal_mode = WAL").getString();
      if (journal != "wal")
        throw_store_problem(path, "cannot use write-ahead logging (journal_mode is " + journal + ")");
      db.exec("PRAGMA synchronous = NORMAL");
    }
    db.exec("PRAGMA foreign_keys = ON");
    // Reads map the file instead of copying each page out of the OS cache:
    // the copies were a third of a ranked search's CPU time at a million
    // items. SQLite caps the size at what it was built for (2 GiB here).
    db.exec("PRAGMA mmap_size = " + std::to_string(mmap_bytes));
  });
}

}  // namespace

Store::Store(const std::filesystem::path& path, Mode mode)
    : impl_(std::make_unique<Impl>(Impl{path, mode, open_database(path, mode)})) {
  set_pragmas(impl_->db, path, mode);
  guarded(path, "registering the search rank", [&] { store_detail::register_search_functions(impl_->db); });
  if (mode == Mode::read_write) {
    store_detail::migrate(impl_->db, path);
    store_detail::fingerprint_unprinted(impl_->db, path);
  } else {
    store_detail::require_current_schema(impl_->db, path);
  }
}

Store::~Store() = default;
Store::Store(Store&&) noexcept = default;
Store& Store::operator=(Store&&) noexcept = default;

const std::filesystem::path& Store::path() const { return impl_->path; }

}  // namespace feedsieve
