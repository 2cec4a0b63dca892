#pragma once
// The JSON form of a parsed feed, as `feedsieve parse` prints it:
// {"format", "title", "link", "description", "items": [{"id", "title", "link",
//  "published", "updated", "authors", "summary", "content", "categories",
//  "enclosures": [{"url", "type", "length"}]}]}; dates are RFC 3339 UTC or null.
#include <boost/json.hpp>

#include "feeds/model.hpp"

namespace feedsieve {

boost::json::value to_json(const ParsedFeed& feed);
boost::json::value to_json(const Item& item);

}  // namespace feedsieve
