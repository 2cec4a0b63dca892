#include "daemon/store/statement_cache.hpp"

#include <sqlite3.h>


namespace feedsieve::store_detail {

StatementCache::Use::~Use() {
  if (entry_ == nullptr && !own_) return;  // moved from
  SQLite::Statement& statement = **this;
  // tryReset returns the last step's error, which that step already threw.
  statement.tryReset();
  try {
    statement.clearBindings();  // sqlite3_clear_bindings always succeeds
  } catch (const SQLite::Exception&) {
  }
  if (entry_ != nullptr) entry_->in_use = false;
}

StatementCache::Use StatementCache::prepare(SQLite::Database& db, const std::string& sql) {
  const auto found = entries_.find(sql);
  if (found != entries_.end()) {
    if (found->second->in_use) return Use(std::make_unique<SQLite::Statement>(db, sql));
    return Use(*found->second);
  }
  make_room();
  auto entry = std::make_unique<Entry>(Entry{SQLite::Statement(db, sql)});
  Entry& kept = *entry;
  entries_.emplace(sql, std::move(entry));
  return Use(kept);
}

bool any_statement_busy(SQLite::Database& db) {
  for (sqlite3_stmt* statement = sqlite3_next_stmt(db.getHandle(), nullptr); statement != nullptr;
       statement = sqlite3_next_stmt(db.getHandle(), statement))
    if (sqlite3_stmt_busy(statement) != 0) return true;
  return false;
}

void StatementCache::make_room() {
  if (entries_.size() < capacity) return;
  std::erase_if(entries_, [](const auto& entry) { return !entry.second->in_use; });
}

}  // namespace feedsieve::store_detail
