#pragma once
// The state behind Store's pimpl, shared by the files that implement Store's
// members. Internal to daemon/store.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

#include "daemon/store/store.hpp"

namespace feedsieve {

struct Store::Impl {
  std::filesystem::path path;
  Store::Mode mode;
  // mutable: read-only members still prepare and step statements.
  mutable SQLite::Database db;
};

}  // namespace feedsieve
