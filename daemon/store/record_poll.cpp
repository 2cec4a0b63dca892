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
#include "daemon/store/event_match.hpp"
#include "daemon/store/story_match.hpp"
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
  ItemWriter(SQLite::Database& db, const std::filesystem::path& path, std::int64_t feed_id, std::string now,
             store_detail::TermCache& event_terms)
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
                " topic_score = :topic_score, on_topic = :on_topic, lead_sketch = :lead_sketch,"
                " title_key = :title_key, article_text = :article_text, article_fetched_at = :article_fetched_at,"
                " article_error = :article_error, article_canonical_url = :article_canonical_url,"
                " language = :language, fingerprinted = 1, last_seen_at = :now WHERE id = :id"),
        touch_(db, "UPDATE items SET last_seen_at = :now WHERE id = :id"),
        insert_(db, std::string("INSERT INTO items (feed_id, story_id, guid, fetched_at, last_seen_at,"
                                " topic_score, on_topic, lead_sketch, title_key, fingerprinted, merge_reason, ") +
                        store_detail::item_column_list +
                        ") VALUES (:feed, :story, :guid, :now, :now, :topic_score, :on_topic, :lead_sketch, :title_key, 1,"
                        " :merge_reason, :link, :canonical_link, :title,"
                        " :summary, :content, :authors, :categories, :enclosures, :published, :updated,"
                        " :article_text, :article_fetched_at, :article_error, :article_canonical_url, :language)"),
        story_by_link_(db, "SELECT story_id FROM items WHERE canonical_link = :link ORDER BY id LIMIT 1"),
        insert_story_(db,
                      "INSERT INTO stories (story_id, canonical_url, title, published, first_seen, on_topic)"
                      " VALUES (:story_id, :url, :title, :published, :now, :on_topic)"
                      " ON CONFLICT (story_id) DO NOTHING"),
        earliest_published_(db,
                            "UPDATE stories SET published ="
                            " (SELECT min(coalesce(published, updated)) FROM items WHERE story_id = :story) WHERE id = :story"),
        founder_title_(db,
                       "UPDATE stories SET title = :title WHERE id = :story AND title IS NOT :title"
                       " AND :item = (SELECT min(id) FROM items WHERE story_id = :story)"),
        story_topic_(db, store_detail::story_topic_sql),
        matcher_(db),
        events_(db, event_terms) {}

  void write(const KeyedItem& item, PollStored& stored) {
    ItemColumns columns = store_detail::to_columns(*item.item);
    if (const std::optional<Existing> existing = find(item.guid)) {
      if (!item.item->article) store_detail::keep_stored_article(columns, existing->columns);
      if (existing->columns == columns) {
        touch(existing->id);
        return;
      }
      update(existing->id, *item.item, columns);
      refresh_story(existing->story, existing->id, columns);
      refresh_topic(existing->story);
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

  // An edited item keeps its story (story ids are stable); only its own
  // fingerprint and verdict follow the new text.
  void update(std::int64_t id, const NormalizedItem& item, const ItemColumns& columns) {
    update_.reset();
    store_detail::bind_columns(update_, columns);
    const Fingerprint print = store_detail::fingerprint_columns(columns);
    bind_analysis(update_, item, print);
    update_.bind(":now", now_);
    update_.bind(":id", id);
    update_.exec();
    matcher_.index(id, print);
  }

  void touch(std::int64_t id) {
    touch_.reset();
    touch_.bind(":now", now_);
    touch_.bind(":id", id);
    touch_.exec();
  }

  // A new item joins the story of any item, in any feed, with the same
  // canonical link; else the story of the earliest item of another feed
  // that is the same article by text or title (story_match.hpp); otherwise
  // it founds a story of its own.
  void insert_new(const KeyedItem& item, const ItemColumns& columns, PollStored& stored) {
    const Fingerprint print = store_detail::fingerprint_columns(columns);
    std::optional<store_detail::StoryMatcher::Match> match;
    if (columns.canonical_link)
      if (const auto story = story_with_link(*columns.canonical_link))
        match = store_detail::StoryMatcher::Match{*story, "its canonical link is " + *columns.canonical_link};
    if (!match) match = matcher_.find(feed_id_, print, item_date(columns));
    const bool joined = match.has_value();
    if (!joined) {
      match = {create_story(store_detail::founding_key(feed_id_, item.guid, columns.canonical_link), columns,
                            item.item->on_topic),
               "it founded the story"};
      ++stored.new_stories;
    }
    const std::int64_t id = insert(item, match->story, columns, print, match->reason);
    matcher_.index(id, print);
    if (joined) refresh_story(match->story, id, columns);
    if (!joined) events_.assign(match->story, columns.title, store_detail::body_text(columns), item_date(columns));
    refresh_topic(match->story);
    ++stored.new_items;
  }

  std::int64_t insert(const KeyedItem& item, std::int64_t story, const ItemColumns& columns, const Fingerprint& print,
                      const std::string& reason) {
    insert_.reset();
    insert_.bind(":feed", feed_id_);
    insert_.bind(":story", story);
    insert_.bind(":guid", item.guid);
    insert_.bind(":now", now_);
    insert_.bind(":merge_reason", reason);
    store_detail::bind_columns(insert_, columns);
    bind_analysis(insert_, *item.item, print);
    insert_.exec();
    return db_.getLastInsertRowid();
  }

  static std::optional<std::string> item_date(const ItemColumns& columns) {
    return columns.published ? columns.published : columns.updated;
  }

  static void bind_analysis(SQLite::Statement& statement, const NormalizedItem& item, const Fingerprint& print) {
    statement.bind(":topic_score", item.topic_score);
    statement.bind(":on_topic", item.on_topic ? 1 : 0);
    store_detail::bind_fingerprint(statement, print);
  }

  void refresh_topic(std::int64_t story) {
    story_topic_.reset();
    story_topic_.bind(":story", story);
    story_topic_.exec();
  }

  std::optional<std::int64_t> story_with_link(const std::string& link) {
    story_by_link_.reset();
    story_by_link_.bind(":link", link);
    if (!story_by_link_.executeStep()) return std::nullopt;
    return story_by_link_.getColumn(0).getInt64();
  }

  // The story starts with its founder's verdict, which refresh_topic then
  // confirms: starting on topic would move an off-topic story's search row
  // (the verdict is part of its listing key) right after indexing it.
  std::int64_t create_story(const std::string& key, const ItemColumns& founder, bool on_topic) {
    for (int attempt = 0; attempt < max_story_id_attempts; ++attempt) {
      insert_story_.reset();
      insert_story_.bind(":story_id", store_detail::story_id_for(key, attempt));
      store_detail::bind_optional(insert_story_, ":url", founder.canonical_link);
      insert_story_.bind(":title", founder.title);
      // An item dated only by its last update (common in Atom) is dated by that.
      store_detail::bind_optional(insert_story_, ":published", founder.published ? founder.published : founder.updated);
      insert_story_.bind(":now", now_);
      insert_story_.bind(":on_topic", on_topic ? 1 : 0);
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
      founder_title_, story_topic_;
  store_detail::StoryMatcher matcher_;
  store_detail::EventMatcher events_;
};

// False when the feed now has another URL than the one the poll fetched.
bool polled_current_url(SQLite::Database& db, const PollRecord& poll) {
  if (poll.feed_url.empty()) return true;
  SQLite::Statement url(db, "SELECT url FROM feeds WHERE id = :feed");
  url.bind(":feed", poll.feed_id);
  return !url.executeStep() || url.getColumn(0).getString() == poll.feed_url;
}

}  // namespace

PollStored Store::record_poll(const PollRecord& poll) {
  const std::string doing = "recording a poll of feed " + std::to_string(poll.feed_id);
  return store_detail::guarded(impl_->path, doing, [&] {
    SQLite::Transaction transaction(impl_->db, SQLite::TransactionBehavior::IMMEDIATE);
    if (!polled_current_url(impl_->db, poll)) return PollStored{.discarded = true};
    impl_->event_terms.begin(impl_->db);
    if (!store_detail::record_feed_state(impl_->db, poll))
      store_detail::throw_store_problem(impl_->path, "has no feed with id " + std::to_string(poll.feed_id));
    PollStored stored;
    if (poll.status == PollStatus::ok) {
      ItemWriter writer(impl_->db, impl_->path, poll.feed_id, format_rfc3339(poll.attempted_at), impl_->event_terms);
      for (const KeyedItem& item : store_detail::unique_by_guid(poll.items)) writer.write(item, stored);
    }
    impl_->event_terms.committing(impl_->db);
    transaction.commit();
    impl_->event_terms.committed();
    return stored;
  });
}

}  // namespace feedsieve
