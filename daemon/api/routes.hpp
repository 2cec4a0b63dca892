#pragma once
// The routes behind ApiHandler, one file per group. Internal to daemon/api.
#include <boost/json/value.hpp>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "daemon/api/exchange.hpp"
#include "daemon/api/settings.hpp"
#include "daemon/store/store.hpp"

namespace feedsieve::api_detail {

// Decoded query parameters by name.
using Params = std::map<std::string, std::string, std::less<>>;

// Throws ApiProblem 400 naming the first parameter not in `known`.
void only_params(const Params& params, const std::vector<std::string_view>& known);
ApiResponse json_response(const boost::json::value& value);

// GET /api/stories: {"stories": [...], "next_cursor": "..." or null}.
ApiResponse list_stories(const Store& store, const ApiSettings& settings, const Params& params);
// GET /api/stories/{id}: the story with all its sources; 404 when unknown.
ApiResponse show_story(const Store& store, std::string_view story_id);
// GET /api/events: {"events": [{"event_id", "stories"}]}.
ApiResponse list_events(const Store& store, const ApiSettings& settings, const Params& params);

enum class SyndicationFormat { atom, json };
// GET /feed.atom, /feed.json: the newest on-topic stories, with an ETag
// (the body's hash) and 304 when If-None-Match names it.
ApiResponse syndication_feed(const Store& store, const ApiSettings& settings, SyndicationFormat format,
                             const ApiRequest& request);

}  // namespace feedsieve::api_detail
