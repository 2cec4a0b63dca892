#include "daemon/schedule/poll_hints.hpp"

#include <boost/json.hpp>

namespace feedsieve {
namespace {

using std::chrono::seconds;

void put_seconds(boost::json::object& out, const char* key, const std::optional<seconds>& value) {
  if (value) out[key] = value->count();
}

void put_list(boost::json::object& out, const char* key, const std::vector<int>& values) {
  if (!values.empty()) out[key] = boost::json::value_from(values);
}

std::optional<seconds> get_seconds(const boost::json::object& in, const char* key) {
  const auto* value = in.if_contains(key);
  if (value == nullptr || !value->is_int64() || value->as_int64() <= 0) return std::nullopt;
  return seconds(value->as_int64());
}

std::vector<int> get_list(const boost::json::object& in, const char* key, int below) {
  std::vector<int> out;
  const auto* value = in.if_contains(key);
  if (value == nullptr || !value->is_array()) return out;
  for (const auto& entry : value->as_array())
    if (entry.is_int64() && entry.as_int64() >= 0 && entry.as_int64() < below)
      out.push_back(static_cast<int>(entry.as_int64()));
  return out;
}

}  // namespace

std::string poll_hints_json(const DocumentHints& hints) {
  boost::json::object out;
  put_seconds(out, "ttl", hints.ttl);
  put_seconds(out, "update_period", hints.update_period);
  put_seconds(out, "learned_interval", hints.learned);
  put_list(out, "skip_hours", hints.skip_hours);
  put_list(out, "skip_days", hints.skip_days);
  return boost::json::serialize(out);
}

DocumentHints poll_hints_from_json(std::string_view text) {
  boost::system::error_code error;
  const boost::json::value parsed = boost::json::parse(text, error);
  DocumentHints hints;
  if (error || !parsed.is_object()) return hints;
  const auto& in = parsed.as_object();
  hints.ttl = get_seconds(in, "ttl");
  hints.update_period = get_seconds(in, "update_period");
  hints.learned = get_seconds(in, "learned_interval");
  hints.skip_hours = get_list(in, "skip_hours", 24);
  hints.skip_days = get_list(in, "skip_days", 7);
  return hints;
}

}  // namespace feedsieve
