#pragma once
// The item and channel shape shared by RSS 0.9x/2.0 and RSS 1.0 (RDF): the
// same element names, in no namespace or the RSS 1.0 / 0.90 one, with modules.
#include <pugixml.hpp>

#include <optional>
#include <string>
#include <vector>

#include "feeds/model.hpp"
#include "feeds/parse/fields.hpp"

namespace feedsieve::parse_detail {

// True for an element named `local` in RSS's own vocabulary: no namespace, or
// any namespace that is not one of the known modules (RSS 1.0, 0.90, userland...).
// `local` is lower-case: RSS's names are matched in any case.
bool is_rss_element(pugi::xml_node node, std::string_view local, const Context& context);

// The URI of a module the readers know (Dublin Core, content, Media RSS, Atom, iTunes...).
bool is_module_namespace(std::string_view uri);

// One item as written, before mapping.
struct RssWireItem {
  Text title;
  std::string link;
  std::string guid;
  bool guid_is_permalink = true;
  std::string about;  // rdf:about
  Text description;
  Text content;
  std::vector<std::string> authors;
  std::vector<std::string> categories;
  std::vector<Enclosure> enclosures;
  std::optional<Timestamp> published;
  std::optional<Timestamp> updated;
  std::optional<std::string> language;  // dc:language, else the item's own xml:lang; nullopt: the channel's
};

struct RssWireChannel {
  Text title;
  std::string link;
  Text description;
  std::string language;  // <language> or dc:language, else the xml:lang in force at the channel
  std::optional<int> ttl;
  std::optional<std::chrono::seconds> update_period;  // sy:updatePeriod / sy:updateFrequency
  std::vector<int> skip_hours;
  std::vector<int> skip_days;
};

// The channel's scheduling hints besides <ttl>: sy:updatePeriod and
// sy:updateFrequency, <skipHours> and <skipDays> (feeds/parse/rss_hints.cpp).
void read_channel_hints(pugi::xml_node channel, RssWireChannel& wire, const Context& context);

RssWireItem read_rss_item(pugi::xml_node item, const Context& context);
RssWireChannel read_rss_channel(pugi::xml_node channel, const Context& context);

// Consumes the wire item: its strings and lists move into the Item. An item
// that names no language has its channel's.
Item to_item(RssWireItem&& wire, std::string_view channel_language, const Context& context);
void apply_channel(const RssWireChannel& wire, ParsedFeed& feed);

// Reads `items` into feed.items, up to the max_items option (a warning says when it cut).
void append_rss_items(const std::vector<pugi::xml_node>& items, const Context& context, ParsedFeed& feed);

}  // namespace feedsieve::parse_detail
