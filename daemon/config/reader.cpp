#include "daemon/config/reader.hpp"

#include <sstream>

#include "daemon/config/units.hpp"

namespace feedsieve {
namespace {

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

std::string name(std::string_view where, std::string_view key) {
  return "'" + std::string(where) + (where.empty() ? "" : ".") + std::string(key) + "'";
}

}  // namespace

void Reader::fail(const toml::source_region& where, const std::string& what) const {
  std::ostringstream out;
  out << file_.string();
  if (where.begin.line > 0) out << ':' << where.begin.line << ':' << where.begin.column;
  out << ": error: " << what;
  throw ConfigError(out.str());
}

void Reader::only_keys(const toml::table& table, std::string_view section, const std::vector<std::string_view>& known) const {
  for (const auto& [key, value] : table) {
    bool ok = false;
    for (const auto& k : known) ok = ok || key.str() == k;
    if (!ok)
      fail(key.source(), "unknown key '" + std::string(key.str()) + "' in " + std::string(section) +
                             " (known keys: " + join(known) + ")");
  }
}

const toml::table* Reader::section(const toml::table& root, std::string_view name) const {
  const toml::node* node = root.get(name);
  if (node == nullptr) return nullptr;
  if (!node->is_table()) fail(node->source(), "'" + std::string(name) + "' must be a table: [" + std::string(name) + "]");
  return node->as_table();
}

std::optional<std::string> Reader::string(const toml::table& t, std::string_view key, std::string_view where) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_string()) fail(node->source(), name(where, key) + " must be a string in quotes");
  return node->value<std::string>();
}

std::optional<bool> Reader::boolean(const toml::table& t, std::string_view key, std::string_view where) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  if (!node->is_boolean()) fail(node->source(), name(where, key) + " must be true or false");
  return node->value<bool>();
}

std::optional<std::int64_t> Reader::integer(const toml::table& t, std::string_view key, std::string_view where,
                                    std::int64_t min, std::int64_t max) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  const auto value = node->is_integer() ? node->value<std::int64_t>() : std::nullopt;
  if (!value || *value < min || *value > max)
    fail(node->source(), name(where, key) + " must be a whole number from " + std::to_string(min) + " to " +
                             std::to_string(max));
  return value;
}

std::optional<double> Reader::fraction(const toml::table& t, std::string_view key, std::string_view where, double min,
                               double max) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  const auto value = (node->is_floating_point() || node->is_integer()) ? node->value<double>() : std::nullopt;
  if (!value || *value < min || *value > max) {
    std::ostringstream range;
    range << min << " to " << max;
    fail(node->source(), name(where, key) + " must be a number from " + range.str());
  }
  return value;
}

namespace {
constexpr std::chrono::seconds max_duration = std::chrono::days(36'500);
}  // namespace

std::optional<std::chrono::seconds> Reader::duration(const toml::table& t, std::string_view key, std::string_view where,
                                                     std::chrono::seconds min) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  std::optional<std::chrono::seconds> value;
  if (node->is_integer()) value = std::chrono::seconds(*node->value<std::int64_t>());
  if (node->is_string()) value = parse_duration(*node->value<std::string>());
  if (!value) fail(node->source(), name(where, key) + " must be a duration such as \"90s\", \"30m\", \"2h\" or \"7d\"");
  if (*value < min)
    fail(node->source(), name(where, key) + " must be at least " + std::to_string(min.count()) + " seconds");
  // Every duration is added to clock times in nanoseconds somewhere, which
  // overflow near 292 years: "20000w" wrapped to a poll in a hot loop.
  if (*value > max_duration) fail(node->source(), name(where, key) + " must be at most 100 years (\"36500d\")");
  return value;
}

std::optional<std::uint64_t> Reader::size(const toml::table& t, std::string_view key, std::string_view where) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  std::optional<std::uint64_t> value;
  if (node->is_integer() && *node->value<std::int64_t>() > 0) value = *node->value<std::int64_t>();
  if (node->is_string()) value = parse_size(*node->value<std::string>());
  if (!value || *value == 0) fail(node->source(), name(where, key) + " must be a size such as \"512KiB\" or \"16MiB\"");
  return value;
}

std::optional<std::vector<std::string>> Reader::strings(const toml::table& t, std::string_view key,
                                                std::string_view where) const {
  const toml::node* node = t.get(key);
  if (node == nullptr) return std::nullopt;
  const toml::array* array = node->as_array();
  if (array == nullptr) fail(node->source(), name(where, key) + " must be a list of strings: [\"a\", \"b\"]");
  std::vector<std::string> out;
  for (const auto& element : *array) {
    if (!element.is_string()) fail(element.source(), name(where, key) + " must hold only strings");
    out.push_back(*element.value<std::string>());
  }
  return out;
}

}  // namespace feedsieve
