// Store::record_poll: one poll of one feed, applied in one transaction.
#include <SQLiteCpp/SQLiteCpp.h>

#include <filesystem>
#include <optional>
#include <string>

#include "daemon/store/feed_state.hpp"
#include "daemon/store/item_columns.hpp"
#include "daemon/store/item_identity.hpp"
#include "daemon/store/optional_text.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/store_impl.hpp"
#include "feeds/date/date.hpp"

namespace feedsieve {
namespace {

using store_detail::ItemColumns;
using store_detail::KeyedItem;

// A run of story_id collisions this long means something other than bad luck.
constexpr int max_story_id_attempts = 64;

// Writes the items of one poll with statements prepared once per poll.
// Every statement is reset before use, so each starts from a clean state.
class ItemWriter {
 public:
  ItemWriter(SQLite::Database& db, const std::filesystem::path& path, std::int64_t feed_id, std::string now)
      : db_(db),
        path_(path),
        feed_id_(feed_id),
        now_(std::move(now)),
        find_(db, std::string("SELECT id, story_id, ") + store_detail::item_column_list +
                      " FROM items WHERE feed_id = :feed AND guid = :guid"),
        update_(db,
                "UPDATE items SET link = :link, canonical_link = :canonical_link, title = :title,"
                " summary = :summary, content = :content, authors = :authors, categories = :categories,"
                " enclosures = :enclosures, published = :published, updated = :updated,"
                " last_seen_at = :now WHERE id = :id"),
        touch_(db, "UPDATE items SET last_seen_at = :now WHERE id = :id"),
        insert_(db, std::string("INSERT INTO items (feed_id, story_id, guid, fetched_at, last_seen_at, ") +
                        store_detail::item_column_list +
                        ") VALUES (:feed, :story, :guid, :now, :now, :link, :canonical_link, :title,"
                        " :summary, :content, :authors, :categories, :enclosures, :published, :updated)"),
        story_by_link_(db, "SELECT story_id FROM items WHERE canonical_link = :link ORDER BY id LIMIT 1"),
        insert_story_(db,
                      "INSERT INTO stories (story_id, canonical_url, title, published, first_seen)"
                      " VALUES (:story_id, :url, :title, :published, :now) ON CONFLICT (story_id) DO NOTHING"),
        earliest_published_(db,
                            "UPDATE stories SET published ="
                            " (SELECT min(coalesce(published, updated)) FROM items WHERE story_id = :story) WHERE id = :story"),
        founder_title_(db,
                       "UPDATE stories SET title = :title WHERE id = :story AND title IS NOT :title"
                       " AND :item = (SELECT min(id) FROM items WHERE story_id = :story)") {}

  void write(const KeyedItem& item, PollStored& stored) {
    const ItemColumns columns = store_detail::to_columns(*item.item);
    if (const std::optional<Existing> existing = find(item.guid)) {
      if (existing->columns == columns) {
        touch(existing->id);
        return;
      }
      update(existing->id, columns);
      refresh_story(existing->story, existing->id, columns);
      ++stored.updated_items;
      return;
    }
    insert_new(item, columns, stored);
  }

 private:
  struct Existing {
    std::int64_t id;
    std::int64_t story;
    ItemColumns columns;
  };

  std::optional<Existing> find(const std::string& guid) {
    find_.reset();
    find_.bind(":feed", feed_id_);
    find_.bind(":guid", guid);
    if (!find_.executeStep()) return std::nullopt;
    return Existing{find_.getColumn(0).getInt64(), find_.getColumn(1).getInt64(),
                    store_detail::read_columns(find_, 2)};
  }

  void update(std::int64_t id, const ItemColumns& columns) {
    update_.reset();
    store_detail::bind_columns(update_, columns);
    update_.bind(":now", now_);
    update_.bind(":id", id);
    update_.exec();
  }

  void touch(std::int64_t id) {
    touch_.reset();
    touch_.bind(":now", now_);
    touch_.bind(":id", id);
    touch_.exec();
  }

  // A new item joins the story of any item, in any feed, with the same
  // canonical link; otherwise it founds a story of its own.
  void insert_new(const KeyedItem& item, const ItemColumns& columns, PollStored& stored) {
    std::optional<std::int64_t> story;
    if (columns.canonical_link) story = story_with_link(*columns.canonical_link);
    const bool joined = story.has_value();
    if (!joined) {
      story = create_story(store_detail::founding_key(feed_id_, item.guid, columns.canonical_link), columns);
      ++stored.new_stories;
    }
    const std::int64_t id = insert(item.guid, *story, columns);
    if (joined) refresh_story(*story, id, columns);
    ++stored.new_items;
  }

  std::int64_t insert(const std::string& guid, std::int64_t story, const ItemColumns& columns) {
    insert_.reset();
    insert_.bind(":feed", feed_id_);
    insert_.bind(":story", story);
    insert_.bind(":guid", guid);
    insert_.bind(":now", now_);
    store_detail::bind_columns(insert_, columns);
    insert_.exec();
    return db_.getLastInsertRowid();
  }

  std::optional<std::int64_t> story_with_link(const std::string& link) {
    story_by_link_.reset();
    story_by_link_.bind(":link", link);
    if (!story_by_link_.executeStep()) return std::nullopt;
    return story_by_link_.getColumn(0).getInt64();
  }

  std::int64_t create_story(const std::string& key, const ItemColumns& founder) {
    for (int attempt = 0; attempt < max_story_id_attempts; ++attempt) {
      insert_story_.reset();
      insert_story_.bind(":story_id", store_detail::story_id_for(key, attempt));
      store_detail::bind_optional(insert_story_, ":url", founder.canonical_link);
      insert_story_.bind(":title", founder.title);
      // An item dated only by its last update (common in Atom) is dated by that.
      store_detail::bind_optional(insert_story_, ":published", founder.published ? founder.published : founder.updated);
      insert_story_.bind(":now", now_);
      if (insert_story_.exec() == 1) return db_.getLastInsertRowid();
    }
    store_detail::throw_store_problem(path_, "has no free story_id for '" + key + "'");
  }

  // A story is published when its earliest item was (an item's date is its
  // published date, else its updated date); its title follows the
  // item that founded it (the story's first item), edits included.
  void refresh_story(std::int64_t story, std::int64_t item, const ItemColumns& columns) {
    earliest_published_.reset();
    earliest_published_.bind(":story", story);
    earliest_published_.exec();
    founder_title_.reset();
    founder_title_.bind(":title", columns.title);
    founder_title_.bind(":story", story);
    founder_title_.bind(":item", item);
    founder_title_.exec();
  }

  SQLite::Database& db_;
  const std::filesystem::path& path_;
  std::int64_t feed_id_;
  std::string now_;
  SQLite::Statement find_, update_, touch_, insert_, story_by_link_, insert_story_, earliest_published_,
      founder_title_;
};

}  // namespace

PollStored Store::record_poll(const PollRecord& poll) {
  const std::string doing = "recording a poll of feed " + std::to_string(poll.feed_id);
  return store_detail::guarded(impl_->path, doing, [&] {
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!store_detail::record_feed_state(impl_->db, poll))
      store_detail::throw_store_problem(impl_->path, "has no feed with id " + std::to_string(poll.feed_id));
    PollStored stored;
    if (poll.status == PollStatus::ok) {
      ItemWriter writer(impl_->db, impl_->path, poll.feed_id, format_rfc3339(poll.attempted_at));
      for (const KeyedItem& item : store_detail::unique_by_guid(poll.items)) writer.write(item, stored);
    }
    transaction.commit();
    return stored;
  });
}

}  // namespace feedsieve
