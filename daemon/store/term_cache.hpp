#pragma once
// What event matching (event_match.hpp) has read of story_terms, kept from
// one poll to the next on the writing connection: a term's stories and a
// story's terms are what most of a new story's matching reads, and the
// polls of a day ask for the same terms again and again.
//
// It stays exact because it is only trusted while nothing but record_poll
// changed the store: begin() forgets it all unless the store is as the last
// committed poll left it (no commit by another connection, by PRAGMA
// data_version; no other write on this one, by its count of changes), and
// a poll that fails leaves it untrusted. The matcher keeps it in step with
// the rows it adds.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

namespace feedsieve::store_detail {

class TermCache {
 public:
  // At the start of a poll's transaction.
  void begin(SQLite::Database& db);
  // Just before the poll's transaction commits: the state read then is the one
  // the commit leaves (a connection's own commit does not move its
  // data_version), while one read after it could already include another
  // writer's commit that landed in between.
  void committing(SQLite::Database& db);
  // Once the commit returned.
  void committed();

  // The stories of each rare term read (all of them), the terms found in
  // too many stories to take part, and the terms of stories, sorted.
  std::unordered_map<std::string, std::vector<std::int64_t>> rare;
  std::unordered_set<std::string> common;
  std::unordered_map<std::int64_t, std::vector<std::string>> terms;

 private:
  using State = std::pair<std::int64_t, std::int64_t>;  // data_version, total changes
  static State state(SQLite::Database& db);
  std::size_t entries() const;
  void clear();

  std::optional<State> trusted_;  // the state it matches; none while a poll runs
  std::optional<State> pending_;  // what trusted_ becomes once the commit returns
  unsigned polls_ = 0;
};

}  // namespace feedsieve::store_detail
