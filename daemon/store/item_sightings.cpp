// Store::item_sightings: which of a poll's items the store already has, and
// the article page stored with each, so fetch_article fetches only new pages
// and a known item is stored again with exactly what it has.
#include <SQLiteCpp/SQLiteCpp.h>

#include "daemon/store/item_identity.hpp"
#include "daemon/store/optional_text.hpp"
#include "daemon/store/store.hpp"
#include "daemon/store/store_error.hpp"
#include "daemon/store/store_impl.hpp"
#include "daemon/store/time_text.hpp"

namespace feedsieve {
namespace {

std::optional<FetchedArticle> stored_article(const SQLite::Statement& row) {
  const auto fetched_at = store_detail::column_time(row.getColumn(0));
  if (!fetched_at) return std::nullopt;  // never tried
  FetchedArticle article;
  article.fetched_at = *fetched_at;
  article.text = store_detail::column_optional(row.getColumn(1)).value_or("");
  article.error = store_detail::column_optional(row.getColumn(2)).value_or("");
  article.canonical_url = store_detail::column_optional(row.getColumn(3));
  // What the item's identity became when the page was read, so storing it again changes nothing.
  article.canonical_link = store_detail::column_optional(row.getColumn(4));
  return article;
}

}  // namespace

std::vector<ItemSighting> Store::item_sightings(std::int64_t feed_id, const std::vector<NormalizedItem>& items) const {
  return store_detail::guarded(impl_->path, "looking up the items of a poll", [&] {
    SQLite::Statement find(impl_->db,
                           "SELECT article_fetched_at, article_text, article_error, article_canonical_url,"
                           " canonical_link FROM items WHERE feed_id = :feed AND guid = :guid");
    std::vector<ItemSighting> sightings;
    sightings.reserve(items.size());
    for (const NormalizedItem& item : items) {
      find.reset();
      find.bind(":feed", feed_id);
      find.bind(":guid", store_detail::effective_guid(item));
      ItemSighting sighting;
      if (find.executeStep()) sighting = {true, stored_article(find)};
      sightings.push_back(std::move(sighting));
    }
    return sightings;
  });
}

}  // namespace feedsieve
