// RSS 1.0 and 0.90: an rdf:RDF document whose <channel> and <item>s are
// siblings, items identified by rdf:about.
#include "feeds/parse/formats.hpp"
#include "feeds/parse/rss_item.hpp"
#include "feeds/parse/xml_tree.hpp"

namespace feedsieve::parse_detail {

ParsedFeed parse_rdf(pugi::xml_node root, FeedFormat format, const Context& context) {
  ParsedFeed feed;
  feed.format = format;
  std::vector<pugi::xml_node> items;
  for (const pugi::xml_node c : root.children()) {
    if (is_rss_element(c, "channel", context)) {
      apply_channel(read_rss_channel(c, context), feed);
      // Some producers nest the items in the channel.
      for (const pugi::xml_node nested : c.children()) {
        if (is_rss_element(nested, "item", context)) items.push_back(nested);
      }
    } else if (is_rss_element(c, "item", context)) {
      items.push_back(c);
    }
  }
  append_rss_items(items, context, feed);
  return feed;
}

}  // namespace feedsieve::parse_detail
