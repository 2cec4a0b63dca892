// Store::rescore: a changed [topic] profile applied to what is stored.
#include <SQLiteCpp/SQLiteCpp.h>

#include "daemon/store/item_detail_row.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/store_impl.hpp"
#include "daemon/store/story_match.hpp"

namespace feedsieve {

RescoreResult Store::rescore(const ItemJudge& judge) {
  return store_detail::guarded(impl_->path, "rescoring the stored items", [&] {
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    RescoreResult result;
    SQLite::Statement select(impl_->db, std::string(store_detail::item_detail_select) + " ORDER BY i.id");
    SQLite::Statement update(impl_->db, "UPDATE items SET topic_score = :score, on_topic = :on WHERE id = :id");
    while (select.executeStep()) {
      const ItemDetail item = store_detail::read_item_detail(select);
      const TopicVerdict verdict = judge(item);
      ++result.items;
      if (verdict.score == item.topic_score && verdict.on_topic == item.on_topic) continue;
      ++result.items_changed;
      update.reset();
      update.bind(":score", verdict.score);
      update.bind(":on", verdict.on_topic ? 1 : 0);
      update.bind(":id", item.id);
      update.exec();
    }
    impl_->db.exec(
        "UPDATE stories SET topic_score = coalesce((SELECT max(topic_score) FROM items WHERE story_id = stories.id), 0),"
        " on_topic = coalesce((SELECT max(on_topic) FROM items WHERE story_id = stories.id), 1)");
    result.stories_on_topic = impl_->db.execAndGet("SELECT count(*) FROM stories WHERE on_topic = 1").getInt64();
    result.stories_off_topic = impl_->db.execAndGet("SELECT count(*) FROM stories WHERE on_topic = 0").getInt64();
    transaction.commit();
    return result;
  });
}

}  // namespace feedsieve
