#pragma once
// An item as the items table stores it: the columns a poll may change, in
// their stored text form, so "did anything change?" is a plain comparison.
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

#include "feeds/model.hpp"

namespace feedsieve::store_detail {

struct ItemColumns {
  std::string link;
  std::optional<std::string> canonical_link;
  std::string title;
  std::string summary;
  std::string content;
  std::string authors;     // JSON array of strings
  std::string categories;  // JSON array of strings
  std::string enclosures;  // JSON array of {"url", "type", "length"}
  std::optional<std::string> published;
  std::optional<std::string> updated;
  // (v3) The page behind the link (fetch_article); all NULL when never fetched.
  std::optional<std::string> article_text;
  std::optional<std::string> article_fetched_at;
  std::optional<std::string> article_error;
  std::optional<std::string> article_canonical_url;
  std::string language;  // (v12) BCP 47 tag, or ""

  bool operator==(const ItemColumns&) const = default;
};

// The item's canonical_link column is its article's canonical link when the page gave one.
ItemColumns to_columns(const NormalizedItem& item);

// `columns` of an item polled without a look at its page (NormalizedItem::
// article unset: fetch_article is off for its feed, or the lookup of known
// items failed), made to keep what `stored`, its row, holds of the page: the
// article columns, and the canonical link the page gave the item. What
// Store::item_sightings hands the article pass for a known item, so either
// way a poll of an unchanged item changes nothing.
void keep_stored_article(ItemColumns& columns, const ItemColumns& stored);

// Reads the columns named by item_column_list, starting at `first`.
ItemColumns read_columns(const SQLite::Statement& row, int first);

// "link, canonical_link, title, ..., article_canonical_url, language", in ItemColumns order.
extern const char* const item_column_list;

// Binds :link, :canonical_link, :title, ..., :article_canonical_url, :language.
void bind_columns(SQLite::Statement& statement, const ItemColumns& columns);

}  // namespace feedsieve::store_detail
