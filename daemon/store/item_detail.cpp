// Store::item: one item with its story and the reasons it is where it is.
#include <SQLiteCpp/SQLiteCpp.h>

#include <charconv>

#include "daemon/store/item_detail_row.hpp"
#include "daemon/store/optional_text.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/store_impl.hpp"
#include "daemon/store/time_text.hpp"
#include "feeds/url/url.hpp"

namespace feedsieve {
namespace store_detail {

const char* const item_detail_select =
    "SELECT i.id, f.name, i.guid, i.title, i.link, i.canonical_link, i.summary, i.content,"
    " coalesce(i.published, i.updated), i.topic_score, i.on_topic, s.story_id, i.merge_reason, s.event_id,"
    " s.event_reason, i.article_text, i.article_error FROM items i JOIN feeds f ON f.id = i.feed_id JOIN stories s ON s.id = i.story_id";

ItemDetail read_item_detail(const SQLite::Statement& row) {
  ItemDetail d;
  d.id = row.getColumn(0).getInt64();
  d.feed = row.getColumn(1).getString();
  d.guid = row.getColumn(2).getString();
  d.title = row.getColumn(3).getString();
  d.link = row.getColumn(4).getString();
  d.canonical_link = column_optional(row.getColumn(5));
  d.summary = row.getColumn(6).getString();
  d.content = row.getColumn(7).getString();
  d.published = column_time(row.getColumn(8));
  d.topic_score = row.getColumn(9).getDouble();
  d.on_topic = row.getColumn(10).getInt() != 0;
  d.story_id = row.getColumn(11).getString();
  d.merge_reason = row.getColumn(12).getString();
  d.event_id = column_optional(row.getColumn(13));
  d.event_reason = row.getColumn(14).getString();
  d.article_text = column_optional(row.getColumn(15)).value_or("");
  d.article_error = column_optional(row.getColumn(16));
  return d;
}

}  // namespace store_detail

namespace {

std::optional<std::int64_t> as_row_id(std::string_view text) {
  std::int64_t id = 0;
  const auto [end, error] = std::from_chars(text.data(), text.data() + text.size(), id);
  if (error != std::errc() || end != text.data() + text.size()) return std::nullopt;
  return id;
}

}  // namespace

std::optional<ItemDetail> Store::item(std::string_view id_or_link) const {
  return store_detail::guarded(impl_->path, "reading an item", [&]() -> std::optional<ItemDetail> {
    const auto id = as_row_id(id_or_link);
    // The item whose own link (or guid) it is comes before items that only
    // share its canonical form, such as a copy in another feed.
    SQLite::Statement select(impl_->db, std::string(store_detail::item_detail_select) +
                                            (id ? " WHERE i.id = :id"
                                                : " WHERE i.link = :link OR i.guid = :link OR i.canonical_link = :link"
                                                  " OR i.canonical_link = :canonical"
                                                  " ORDER BY i.link = :link DESC, i.guid = :link DESC, i.id LIMIT 1"));
    if (id) {
      select.bind(":id", *id);
    } else {
      const std::string link(id_or_link);
      select.bind(":link", link);
      select.bind(":canonical", canonical_url(link).value_or(link));
    }
    if (!select.executeStep()) return std::nullopt;
    return store_detail::read_item_detail(select);
  });
}

}  // namespace feedsieve
