// RSS 0.91 to 2.0: <rss><channel> with <item>s inside the channel (or, in
// some 0.9x feeds, beside it).
#include "feeds/parse/formats.hpp"
#include "feeds/parse/rss_item.hpp"
#include "feeds/parse/xml_tree.hpp"

namespace feedsieve::parse_detail {
namespace {

void collect_items(pugi::xml_node parent, std::vector<pugi::xml_node>& items, const Context& context) {
  for (const pugi::xml_node c : parent.children()) {
    if (is_rss_element(c, "item", context)) items.push_back(c);
  }
}

}  // namespace

ParsedFeed parse_rss(pugi::xml_node root, FeedFormat format, const Context& context) {
  ParsedFeed feed;
  feed.format = format;
  pugi::xml_node channel = root;
  if (local_name(root) != "channel") {
    for (const pugi::xml_node c : root.children()) {
      if (is_rss_element(c, "channel", context)) {
        channel = c;
        break;
      }
    }
  }
  apply_channel(read_rss_channel(channel, context), feed);
  std::vector<pugi::xml_node> items;
  collect_items(channel, items, context);
  if (channel != root) collect_items(root, items, context);
  append_rss_items(items, context, feed);
  return feed;
}

}  // namespace feedsieve::parse_detail
