#include "daemon/store/backfill.hpp"

#include <string>

#include "daemon/store/item_columns.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/story_match.hpp"

namespace feedsieve::store_detail {

// Items stored before schema v2 have no fingerprint yet, and those of v2-v4
// have the older SimHash one (schema v5 clears it); giving them one lets
// later copies find them. Their stories stay as they are: story ids
// are stable, so old items are never regrouped. The fingerprint is taken
// from the stored columns as a new item's is (its article text first), so
// a copy arriving later finds an old item as it would a new one.
void fingerprint_unprinted(SQLite::Database& db, const std::filesystem::path& path) {
  guarded(path, "fingerprinting the stored items (schema version 5)", [&] {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement select(db, std::string("SELECT id, ") + item_column_list + " FROM items WHERE fingerprinted = 0");
    SQLite::Statement update(db, "UPDATE items SET lead_sketch = :lead_sketch, title_key = :title_key,"
                                 " fingerprinted = 1 WHERE id = :id");
    StoryMatcher matcher(db);
    while (select.executeStep()) {
      const Fingerprint print = fingerprint_columns(read_columns(select, 1));
      const std::int64_t id = select.getColumn(0).getInt64();
      update.reset();
      bind_fingerprint(update, print);
      update.bind(":id", id);
      update.exec();
      matcher.index(id, print);
    }
    transaction.commit();
  });
}

}  // namespace feedsieve::store_detail
