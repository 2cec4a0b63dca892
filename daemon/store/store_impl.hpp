#pragma once
// The state behind Store's pimpl, shared by the files that implement Store's
// members. Internal to daemon/store.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>

#include "daemon/store/statement_cache.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/term_cache.hpp"

namespace feedsieve {

struct Store::Impl {
  std::filesystem::path path;
  Store::Mode mode;
  // mutable: read-only members still prepare and step statements.
  mutable SQLite::Database db;
  // After db, so its statements are finalized before the connection closes.
  mutable store_detail::StatementCache statements{};
  // What event matching read of story_terms, from poll to poll (record_poll).
  store_detail::TermCache event_terms{};
};

}  // namespace feedsieve
