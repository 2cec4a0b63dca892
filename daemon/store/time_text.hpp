#pragma once
// Times in the store are RFC 3339 UTC text ("2024-05-01T12:00:00Z"): these
// wrappers bind and read them, NULL standing for "no time".
#include <SQLiteCpp/Column.h>
#include <SQLiteCpp/Statement.h>

#include <optional>
#include <string>
#include <string_view>

#include "feeds/date/date.hpp"
#include "feeds/model.hpp"

namespace feedsieve::store_detail {

inline std::optional<std::string> time_text(const std::optional<Timestamp>& time) {
  if (!time) return std::nullopt;
  return format_rfc3339(*time);
}

inline void bind_time(SQLite::Statement& statement, const char* name, const std::optional<Timestamp>& time) {
  if (time) {
    statement.bind(name, format_rfc3339(*time));
  } else {
    statement.bind(name);
  }
}

// NULL, and text that is not a time (written by hand by someone), read as no time.
inline std::optional<Timestamp> column_time(const SQLite::Column& column) {
  if (column.isNull()) return std::nullopt;
  // Parsed in place (getBytes after getText, as SQLite asks): no std::string per time.
  const char* text = column.getText();
  return parse_rfc3339(std::string_view(text, static_cast<std::size_t>(column.getBytes())));
}

}  // namespace feedsieve::store_detail
