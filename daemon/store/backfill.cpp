#include "daemon/store/backfill.hpp"

#include "daemon/store/item_columns.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/story_match.hpp"

namespace feedsieve::store_detail {

// Items stored before schema v2 have no fingerprint yet, and those of v2-v4
// have the older SimHash one (schema v5 clears it); giving them one lets
// later copies find them. Their stories stay as they are: story ids
// are stable, so old items are never regrouped.
void fingerprint_unprinted(SQLite::Database& db, const std::filesystem::path& path) {
  guarded(path, "fingerprinting the stored items (schema version 5)", [&] {
    SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
    SQLite::Statement select(db, "SELECT id, title, summary, content FROM items WHERE fingerprinted = 0");
    SQLite::Statement update(db, "UPDATE items SET lead_sketch = :lead_sketch, title_key = :title_key,"
                                 " fingerprinted = 1 WHERE id = :id");
    StoryMatcher matcher(db);
    while (select.executeStep()) {
      ItemColumns columns;
      columns.title = select.getColumn(1).getString();
      columns.summary = select.getColumn(2).getString();
      columns.content = select.getColumn(3).getString();
      const Fingerprint print = fingerprint_columns(columns);
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
