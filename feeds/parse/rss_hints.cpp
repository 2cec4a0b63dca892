// Channel-level scheduling hints: how often the publisher says it updates
// (RSS 1.0 syndication module) and when it says not to poll (RSS 2.0
// skipHours / skipDays). Out-of-range or unreadable values are ignored.
#include <algorithm>
#include <array>
#include <charconv>

#include "feeds/parse/rss_item.hpp"
#include "feeds/parse/xml_tree.hpp"

namespace feedsieve::parse_detail {
namespace {

constexpr std::string_view sy_namespace = "http://purl.org/rss/1.0/modules/syndication/";

std::optional<int> whole_number(const std::string& text) {
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return value;
}

std::optional<std::chrono::seconds> period_length(std::string period) {
  std::transform(period.begin(), period.end(), period.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  constexpr std::int64_t day = 86400;
  if (period == "hourly") return std::chrono::seconds(3600);
  if (period == "daily") return std::chrono::seconds(day);
  if (period == "weekly") return std::chrono::seconds(7 * day);
  if (period == "monthly") return std::chrono::seconds(30 * day);
  if (period == "yearly") return std::chrono::seconds(365 * day);
  return std::nullopt;
}

// "sy:" is the prefix everyone uses; accept it undeclared too.
bool is_sy_element(pugi::xml_node node, std::string_view local, const Context& context) {
  if (node.type() != pugi::node_element || local_name(node) != local) return false;
  const std::string_view name = node.name();
  return context.scopes.namespace_of(node) == sy_namespace || (name.starts_with("sy:") && name.size() == 3 + local.size());
}

std::vector<int> numbers_of(pugi::xml_node list, std::string_view child, int min, int max, const Context& context) {
  std::vector<int> out;
  for (const pugi::xml_node c : list.children()) {
    if (!is_rss_element(c, child, context)) continue;
    const auto value = whole_number(trimmed_text(c));
    // skipHours is 0-23 in the spec, but 24 (meaning midnight) is common.
    if (value && *value >= min && *value <= max) out.push_back(*value % 24 == 0 && max == 24 ? 0 : *value);
  }
  return out;
}

std::vector<int> days_of(pugi::xml_node list, const Context& context) {
  static constexpr std::array<std::string_view, 7> names{"sunday",   "monday", "tuesday", "wednesday",
                                                          "thursday", "friday", "saturday"};
  std::vector<int> out;
  for (const pugi::xml_node c : list.children()) {
    if (!is_rss_element(c, "day", context)) continue;
    std::string name = trimmed_text(c);
    std::transform(name.begin(), name.end(), name.begin(),
                   [](unsigned char ch) { return static_cast<char>(std::tolower(ch)); });
    const auto it = std::find(names.begin(), names.end(), name);
    if (it != names.end()) out.push_back(static_cast<int>(it - names.begin()));
  }
  return out;
}

}  // namespace

void read_channel_hints(pugi::xml_node channel, RssWireChannel& wire, const Context& context) {
  std::optional<std::chrono::seconds> period;
  int frequency = 1;
  for (const pugi::xml_node c : channel.children()) {
    if (is_sy_element(c, "updatePeriod", context)) {
      period = period_length(trimmed_text(c));
    } else if (is_sy_element(c, "updateFrequency", context)) {
      frequency = whole_number(trimmed_text(c)).value_or(1);
    } else if (is_rss_element(c, "skipHours", context)) {
      wire.skip_hours = numbers_of(c, "hour", 0, 24, context);
    } else if (is_rss_element(c, "skipDays", context)) {
      wire.skip_days = days_of(c, context);
    }
  }
  if (period && frequency > 0) wire.update_period = *period / frequency;
}

}  // namespace feedsieve::parse_detail
