#pragma once
// A connection's prepared statements, kept from one request to the next and
// keyed by their SQL: preparing a ranked search's statements again each time
// was about 7% of its CPU time.
//
// A statement is handed out for one use and, when that use ends, reset with
// its bindings cleared: a statement left stepping would keep its read
// transaction (and the WAL's end it pins) open between requests. The cache
// belongs to one connection, which one thread uses at a time (a Store is not
// shared between threads; the API leases each read connection to one request).
#include <SQLiteCpp/SQLiteCpp.h>

#include <memory>
#include <string>
#include <unordered_map>

namespace feedsieve::store_detail {

class StatementCache {
  struct Entry {
    SQLite::Statement statement;
    bool in_use = false;
  };

 public:
  // One use of a statement: the cached one, or, while that one is already in
  // use (the same SQL nested), a statement of its own that is finalized after.
  class Use {
   public:
    explicit Use(Entry& entry) : entry_(&entry) { entry.in_use = true; }
    explicit Use(std::unique_ptr<SQLite::Statement> own) : own_(std::move(own)) {}
    ~Use();
    Use(Use&& other) noexcept : entry_(other.entry_), own_(std::move(other.own_)) { other.entry_ = nullptr; }
    Use& operator=(Use&&) = delete;
    SQLite::Statement& operator*() const { return entry_ != nullptr ? entry_->statement : *own_; }
    SQLite::Statement* operator->() const { return &**this; }

   private:
    Entry* entry_ = nullptr;
    std::unique_ptr<SQLite::Statement> own_;
  };

  // Beyond this many, the statements not in use are dropped before another is
  // kept: queries differ only by their options and word count, so a working
  // set is small, but a client could vary the word count without end.
  static constexpr std::size_t capacity = 64;

  // Throws SQLite::Exception when `sql` does not prepare.
  Use prepare(SQLite::Database& db, const std::string& sql);

  std::size_t size() const { return entries_.size(); }

 private:
  void make_room();
  std::unordered_map<std::string, std::unique_ptr<Entry>> entries_;
};

// Whether any statement of `db`, cached or not, has been stepped and not reset
// since: one that has keeps a read transaction open.
bool any_statement_busy(SQLite::Database& db);

}  // namespace feedsieve::store_detail
