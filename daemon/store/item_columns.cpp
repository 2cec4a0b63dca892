#include "daemon/store/item_columns.hpp"

#include <boost/json.hpp>

#include "daemon/store/item_identity.hpp"
#include "daemon/store/optional_text.hpp"
#include "daemon/store/time_text.hpp"

namespace feedsieve::store_detail {
namespace {

std::string json_strings(const std::vector<std::string>& strings) {
  boost::json::array array;
  for (const std::string& s : strings) array.emplace_back(s);
  return boost::json::serialize(array);
}

std::string json_enclosures(const std::vector<Enclosure>& enclosures) {
  boost::json::array array;
  for (const Enclosure& e : enclosures)
    array.emplace_back(boost::json::object{{"url", e.url}, {"type", e.type}, {"length", e.length}});
  return boost::json::serialize(array);
}

}  // namespace

const char* const item_column_list =
    "link, canonical_link, title, summary, content, authors, categories, enclosures, published, updated,"
    " article_text, article_fetched_at, article_error, article_canonical_url, language";

ItemColumns to_columns(const NormalizedItem& normalized) {
  const Item& item = normalized.item;
  const std::optional<FetchedArticle>& article = normalized.article;
  const bool page_identity = article && article->canonical_link && !article->canonical_link->empty();
  return ItemColumns{
      .link = item.link,
      .canonical_link = page_identity ? article->canonical_link : usable_canonical_link(normalized),
      .title = item.title,
      .summary = item.summary,
      .content = item.content,
      .authors = json_strings(item.authors),
      .categories = json_strings(item.categories),
      .enclosures = json_enclosures(item.enclosures),
      .published = time_text(item.published),
      .updated = time_text(item.updated),
      .article_text = article && !article->text.empty() ? std::optional(article->text) : std::nullopt,
      .article_fetched_at = article ? time_text(article->fetched_at) : std::nullopt,
      .article_error = article && !article->error.empty() ? std::optional(article->error) : std::nullopt,
      .article_canonical_url = article ? article->canonical_url : std::nullopt,
      .language = item.language,
  };
}

void keep_stored_article(ItemColumns& columns, const ItemColumns& stored) {
  if (!stored.article_fetched_at) return;  // the page was never tried
  columns.article_text = stored.article_text;
  columns.article_fetched_at = stored.article_fetched_at;
  columns.article_error = stored.article_error;
  columns.article_canonical_url = stored.article_canonical_url;
  if (stored.canonical_link && !stored.canonical_link->empty()) columns.canonical_link = stored.canonical_link;
}

ItemColumns read_columns(const SQLite::Statement& row, int first) {
  auto text = [&](int offset) { return row.getColumn(first + offset).getString(); };
  auto optional = [&](int offset) { return column_optional(row.getColumn(first + offset)); };
  return ItemColumns{
      .link = text(0),
      .canonical_link = optional(1),
      .title = text(2),
      .summary = text(3),
      .content = text(4),
      .authors = text(5),
      .categories = text(6),
      .enclosures = text(7),
      .published = optional(8),
      .updated = optional(9),
      .article_text = optional(10),
      .article_fetched_at = optional(11),
      .article_error = optional(12),
      .article_canonical_url = optional(13),
      .language = text(14),
  };
}

void bind_columns(SQLite::Statement& statement, const ItemColumns& columns) {
  statement.bind(":link", columns.link);
  bind_optional(statement, ":canonical_link", columns.canonical_link);
  statement.bind(":title", columns.title);
  statement.bind(":summary", columns.summary);
  statement.bind(":content", columns.content);
  statement.bind(":authors", columns.authors);
  statement.bind(":categories", columns.categories);
  statement.bind(":enclosures", columns.enclosures);
  bind_optional(statement, ":published", columns.published);
  bind_optional(statement, ":updated", columns.updated);
  bind_optional(statement, ":article_text", columns.article_text);
  bind_optional(statement, ":article_fetched_at", columns.article_fetched_at);
  bind_optional(statement, ":article_error", columns.article_error);
  bind_optional(statement, ":article_canonical_url", columns.article_canonical_url);
  statement.bind(":language", columns.language);
}

}  // namespace feedsieve::store_detail
