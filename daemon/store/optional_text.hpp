#pragma once
// Optional text columns: std::nullopt is SQL NULL, both ways.
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>

namespace feedsieve::store_detail {

inline void bind_optional(SQLite::Statement& statement, const char* name, const std::optional<std::string>& text) {
  if (text) {
    statement.bind(name, *text);
  } else {
    statement.bind(name);
  }
}

inline std::optional<std::string> column_optional(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  return column.getString();
}

}  // namespace feedsieve::store_detail
