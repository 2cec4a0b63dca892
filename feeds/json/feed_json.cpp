#include "feeds/json/feed_json.hpp"

#include "feeds/date/date.hpp"
#include "feeds/parse/parse.hpp"

namespace feedsieve {
namespace {

boost::json::value date_json(const std::optional<Timestamp>& t) {
  if (!t) return nullptr;
  return boost::json::string(format_rfc3339(*t));
}

boost::json::array strings_json(const std::vector<std::string>& values) {
  boost::json::array out;
  out.reserve(values.size());
  for (const std::string& v : values) out.emplace_back(v);
  return out;
}

}  // namespace

boost::json::value to_json(const Item& item) {
  boost::json::array enclosures;
  for (const Enclosure& e : item.enclosures) {
    enclosures.emplace_back(boost::json::object{{"url", e.url}, {"type", e.type}, {"length", e.length}});
  }
  return boost::json::object{
      {"id", item.id},
      {"title", item.title},
      {"link", item.link},
      {"published", date_json(item.published)},
      {"updated", date_json(item.updated)},
      {"authors", strings_json(item.authors)},
      {"summary", item.summary},
      {"content", item.content},
      {"categories", strings_json(item.categories)},
      {"enclosures", std::move(enclosures)},
      {"language", item.language},
  };
}

boost::json::value to_json(const ParsedFeed& feed) {
  boost::json::array items;
  items.reserve(feed.items.size());
  for (const Item& item : feed.items) items.push_back(to_json(item));
  return boost::json::object{
      {"format", format_name(feed.format)},
      {"title", feed.title},
      {"link", feed.link},
      {"description", feed.description},
      {"language", feed.language},
      {"items", std::move(items)},
  };
}

}  // namespace feedsieve
