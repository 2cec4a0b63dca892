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
    "link, canonical_link, title, summary, content, authors, categories, enclosures, published, updated";

ItemColumns to_columns(const NormalizedItem& normalized) {
  const Item& item = normalized.item;
  return ItemColumns{
      .link = item.link,
      .canonical_link = usable_canonical_link(normalized),
      .title = item.title,
      .summary = item.summary,
      .content = item.content,
      .authors = json_strings(item.authors),
      .categories = json_strings(item.categories),
      .enclosures = json_enclosures(item.enclosures),
      .published = time_text(item.published),
      .updated = time_text(item.updated),
  };
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
}

}  // namespace feedsieve::store_detail
