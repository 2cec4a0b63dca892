// Microsoft's Channel Definition Format (1997), which the reference parser
// still reads: a <CHANNEL> of <ITEM>s (and of nested CHANNELs), each with its
// address in an HREF attribute and a <TITLE> and an <ABSTRACT> of plain text.
// CDF was written in any case, so names are matched without it; a channel's
// BASE attribute is the base of the HREFs inside it.
#include <string>
#include <utility>
#include <vector>

#include "feeds/date/date.hpp"
#include "feeds/parse/formats.hpp"
#include "feeds/parse/xml_tree.hpp"
#include "feeds/text/ascii.hpp"

namespace feedsieve::parse_detail {
namespace {

std::string_view attribute_named(pugi::xml_node node, std::string_view name) {
  for (const pugi::xml_attribute a : node.attributes()) {
    if (ascii_iequals(a.name(), name)) return a.value();
  }
  return {};
}

pugi::xml_node child_named(pugi::xml_node node, std::string_view name) {
  for (const pugi::xml_node c : node.children()) {
    if (c.type() == pugi::node_element && ascii_iequals(c.name(), name)) return c;
  }
  return {};
}

std::string text_of(pugi::xml_node node, std::string_view name) {
  const pugi::xml_node child = child_named(node, name);
  return child ? plain_text(Text(child)) : std::string();
}

// HREF resolved against `base` (a channel's BASE, itself resolved against the
// base in force there).
std::string address(pugi::xml_node node, const std::string& base, const Context& context) {
  const std::string href = trim_copy(attribute_named(node, "HREF"));
  if (href.empty()) return {};
  return base.empty() ? href : context.bases.get(base).resolve(href);
}

std::string base_of(pugi::xml_node channel, const std::string& outer) {
  const std::string base = trim_copy(attribute_named(channel, "BASE"));
  // A BASE longer than any URL is left out, as an xml:base is: each item copies it.
  if (base.size() > kLongestBase) return outer;
  return nested_base(outer, base);
}

Item read_item(pugi::xml_node node, const std::string& base, const ParsedFeed& feed, const Context& context) {
  Item item;
  item.title = text_of(node, "TITLE");
  item.link = address(node, base, context);
  item.summary = text_of(node, "ABSTRACT");
  const std::string modified = trim_copy(attribute_named(node, "LASTMOD"));
  if (!modified.empty()) {
    item.updated = parse_date(modified);
    if (!item.updated) context.warnings.push_back("unparseable date \"" + modified.substr(0, 64) + "\"");
  }
  item.language = feed.language;
  item.id = fallback_id(item);
  return item;
}

}  // namespace

ParsedFeed parse_cdf(pugi::xml_node root, const Context& context) {
  ParsedFeed feed;
  feed.format = FeedFormat::cdf;
  const std::string root_base = base_of(root, element_base(root, context));
  feed.title = text_of(root, "TITLE");
  feed.description = text_of(root, "ABSTRACT");
  feed.link = address(root, root_base, context);
  feed.language = language_tag(xml_lang(root).value_or(""));
  // The items of nested channels too, in document order, without recursion.
  using Scoped = std::pair<pugi::xml_node, std::string>;  // a node and the base in force there
  std::vector<Scoped> items;
  std::vector<Scoped> pending;
  const auto push_children = [&pending](pugi::xml_node channel, const std::string& base) {
    for (pugi::xml_node c = channel.last_child(); c; c = c.previous_sibling()) {
      if (c.type() == pugi::node_element) pending.emplace_back(c, base);
    }
  };
  push_children(root, root_base);
  while (!pending.empty()) {
    const Scoped next = std::move(pending.back());
    pending.pop_back();
    if (ascii_iequals(next.first.name(), "ITEM")) items.push_back(next);
    else if (ascii_iequals(next.first.name(), "CHANNEL")) push_children(next.first, base_of(next.first, next.second));
  }
  append_items(items, context, feed, [&](const auto& entry) {
    feed.items.push_back(read_item(entry.first, entry.second, feed, context));
  });
  return feed;
}

}  // namespace feedsieve::parse_detail
