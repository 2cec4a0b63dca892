// RSS 0.91 to 2.0: <rss><channel> with <item>s inside the channel (or, in
// some 0.9x feeds, beside it).
#include "feeds/parse/formats.hpp"
#include "feeds/parse/rss_item.hpp"
#include "feeds/parse/xml_tree.hpp"
#include "feeds/text/ascii.hpp"

namespace feedsieve::parse_detail {
namespace {

// The items of a channel, or of an <rss> that has them beside its channel;
// an <items> wrapper some generators write around them is looked into.
void collect_items(pugi::xml_node parent, std::vector<pugi::xml_node>& items, const Context& context) {
  for (const pugi::xml_node c : parent.children()) {
    if (is_rss_element(c, "item", context)) {
      items.push_back(c);
    } else if (is_rss_element(c, "items", context)) {
      for (const pugi::xml_node wrapped : c.children()) {
        if (is_rss_element(wrapped, "item", context)) items.push_back(wrapped);
      }
    }
  }
}

// <rss xmlns="http://www.w3.org/2005/Atom">: RSS's elements are in no
// namespace, and a module's URI declared as the default one (Atom's, most
// often, meant for atom:link) would make each of them that module's. The
// declaration is dropped from <rss> and from its <channel>, where it is
// seen too, before any name is looked up: the scopes keep what they read.
void drop_module_default_namespace(pugi::xml_node element, const Context& context) {
  const pugi::xml_attribute declaration = element.attribute("xmlns");
  if (!declaration || !is_module_namespace(known_namespace(declaration.value()))) return;
  context.warnings.push_back("default namespace " + std::string(declaration.value()) + " on <" + element.name() +
                             "> ignored: RSS elements are in none");
  element.remove_attribute(declaration);
}

void drop_module_default_namespaces(pugi::xml_node root, const Context& context) {
  drop_module_default_namespace(root, context);
  for (const pugi::xml_node c : root.children()) {
    if (c.type() == pugi::node_element && ascii_iequals(local_name(c), "channel")) {
      drop_module_default_namespace(c, context);
    }
  }
}

}  // namespace

ParsedFeed parse_rss(pugi::xml_node root, FeedFormat format, const Context& context) {
  ParsedFeed feed;
  feed.format = format;
  drop_module_default_namespaces(root, context);
  pugi::xml_node channel = root;
  if (!ascii_iequals(local_name(root), "channel")) {
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
