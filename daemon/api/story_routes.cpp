// GET /api/stories, /api/stories/{id} and /api/events: parameters in, the
// JSON of `query --format json` out (daemon/store/story_json.hpp).
#include <boost/json.hpp>
#include <charconv>

#include "daemon/api/cursor.hpp"
#include "daemon/api/routes.hpp"
#include "daemon/config/units.hpp"
#include "daemon/store/fts_query.hpp"
#include "daemon/store/story_json.hpp"
#include "feeds/date/date.hpp"

namespace feedsieve::api_detail {
namespace {

const std::string* find(const Params& params, std::string_view name) {
  const auto it = params.find(name);
  return it == params.end() ? nullptr : &it->second;
}

// An RFC 3339 time, or a duration ("24h", "7d") meaning that long ago.
std::optional<Timestamp> time_param(const Params& params, std::string_view name) {
  const std::string* text = find(params, name);
  if (text == nullptr) return std::nullopt;
  if (const auto ago = parse_duration(*text))
    return std::chrono::floor<std::chrono::seconds>(std::chrono::system_clock::now()) - *ago;
  if (const auto time = parse_rfc3339(*text)) return time;
  throw ApiProblem(400, "parameter '" + std::string(name) + "': '" + *text +
                            "' is neither an RFC 3339 time such as 2024-05-01T00:00:00Z nor a duration such as 24h");
}

int limit_param(const Params& params, const ApiSettings& settings) {
  const std::string* text = find(params, "limit");
  if (text == nullptr) return settings.default_limit;
  int limit = 0;
  const auto [end, error] = std::from_chars(text->data(), text->data() + text->size(), limit);
  if (error != std::errc() || end != text->data() + text->size() || limit < 1 || limit > settings.max_limit)
    throw ApiProblem(400, "parameter 'limit': '" + *text + "' is not a whole number from 1 to " +
                              std::to_string(settings.max_limit));
  return limit;
}

// on_topic=true (the default), false (only the stories the topic filter rejected) or any.
void on_topic_param(const Params& params, StoryQuery& query) {
  const std::string* text = find(params, "on_topic");
  if (text == nullptr || *text == "true" || *text == "1") return;
  if (*text == "false" || *text == "0") {
    query.only_off_topic = true;
  } else if (*text == "any") {
    query.include_off_topic = true;
  } else {
    throw ApiProblem(400, "parameter 'on_topic': '" + *text + "' is not true, false or any");
  }
}

// order=rank (the default: best bm25 match first when q is given) or newest.
bool ranked_order(const Params& params) {
  const std::string* text = find(params, "order");
  if (text == nullptr || *text == "rank") return true;
  if (*text == "newest") return false;
  throw ApiProblem(400, "parameter 'order': '" + *text + "' is not rank or newest");
}

StoryQuery filters(const Params& params, const ApiSettings& settings) {
  StoryQuery query;
  query.since = time_param(params, "since");
  query.until = time_param(params, "until");
  if (const std::string* q = find(params, "q")) query.search = *q;
  query.ranked = !store_detail::fts_match_expression(query.search).empty() && ranked_order(params);
  query.limit = limit_param(params, settings);
  on_topic_param(params, query);
  return query;
}

// What a cursor is bound to: the filters as the client wrote them.
std::string listing_of(const Params& params) {
  std::string listing;
  for (const char* name : {"since", "until", "q", "on_topic", "order"}) {
    const std::string* value = find(params, name);
    listing += std::string(name) + "=" + (value ? *value : "") + "\n";
  }
  return listing;
}

}  // namespace

ApiResponse list_stories(const Store& store, const ApiSettings& settings, const Params& params) {
  only_params(params, {"since", "until", "q", "on_topic", "order", "limit", "cursor"});
  StoryQuery query = filters(params, settings);
  const std::string listing = listing_of(params);
  if (const std::string* cursor = find(params, "cursor")) {
    query.after = decode_cursor(*cursor, query.ranked, listing);
    if (!query.after)
      throw ApiProblem(400, "parameter 'cursor' is not a cursor of this listing (pass next_cursor back "
                            "unchanged, with the same since, until, q, on_topic and order)");
  }
  const StoryPage page = store.story_page(query);
  boost::json::array stories;
  for (const auto& story : page.stories) stories.push_back(to_json(story));
  boost::json::value next = nullptr;
  if (page.next) next = boost::json::string(encode_cursor(*page.next, query.ranked, listing));
  return json_response(boost::json::object{{"stories", std::move(stories)}, {"next_cursor", std::move(next)}});
}

ApiResponse show_story(const Store& store, std::string_view story_id) {
  const auto story = store.story(story_id);
  if (!story) throw ApiProblem(404, "no story '" + std::string(story_id) + "'");
  return json_response(to_json(*story));
}

ApiResponse list_events(const Store& store, const ApiSettings& settings, const Params& params) {
  only_params(params, {"since", "until", "on_topic", "limit"});
  const StoryQuery query = filters(params, settings);
  boost::json::array events;
  for (const auto& event : store.events(query)) events.push_back(to_json(event));
  return json_response(boost::json::object{{"events", std::move(events)}});
}

}  // namespace feedsieve::api_detail
