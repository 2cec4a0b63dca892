#pragma once
// One reader per feed format: each reads its own wire shape and maps it to
// ParsedFeed. Internal to feeds/parse.
#include <pugixml.hpp>

#include <optional>
#include <string_view>

#include "feeds/model.hpp"
#include "feeds/parse/fields.hpp"

namespace feedsieve::parse_detail {

// The format of an XML document element, or nullopt when it is no feed.
std::optional<FeedFormat> detect_xml_format(pugi::xml_node root);

// True when the text is a JSON object (the caller checks that it is a feed).
bool looks_like_json(std::string_view text);

ParsedFeed parse_rss(pugi::xml_node root, FeedFormat format, const Context& context);
ParsedFeed parse_rdf(pugi::xml_node root, FeedFormat format, const Context& context);
ParsedFeed parse_atom(pugi::xml_node root, FeedFormat format, const Context& context);
ParsedFeed parse_cdf(pugi::xml_node root, const Context& context);
// Throws ParseError when the JSON is not a JSON Feed.
ParsedFeed parse_json_feed(std::string_view text, const Context& context);

}  // namespace feedsieve::parse_detail
