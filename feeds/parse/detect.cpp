#include <string>

#include "feeds/parse/formats.hpp"
#include "feeds/parse/xml_tree.hpp"
#include "feeds/text/ascii.hpp"

namespace feedsieve::parse_detail {
namespace {

FeedFormat rss_version(std::string_view version) {
  if (version == "0.90") return FeedFormat::rss090;
  if (version == "0.91") return FeedFormat::rss091;
  if (version == "0.92") return FeedFormat::rss092;
  if (version == "0.93") return FeedFormat::rss093;
  if (version == "0.94") return FeedFormat::rss094;
  return FeedFormat::rss20;  // 2.0, 2.01, and feeds that say nothing
}

bool declares_namespace(pugi::xml_node node, std::string_view uri) {
  for (const pugi::xml_attribute a : node.attributes()) {
    const std::string_view name = a.name();
    if ((name == "xmlns" || name.starts_with("xmlns:")) && a.value() == uri) return true;
  }
  return false;
}

}  // namespace

std::optional<FeedFormat> detect_xml_format(pugi::xml_node root) {
  if (root.type() != pugi::node_element) return std::nullopt;
  const std::string_view name = local_name(root);
  const std::string_view uri = namespace_of(root);
  if (ascii_iequals(name, "rss")) return rss_version(attribute(root, "", "version"));
  if (name == "channel" && uri != ns::rdf) return FeedFormat::rss20;  // RSS without its <rss> wrapper
  // Microsoft's CDF: a <CHANNEL> in capitals (or any case but RSS's own).
  if (uri.empty() && ascii_iequals(name, "channel")) return FeedFormat::cdf;
  if (name == "RDF") {
    for (const pugi::xml_node child : root.children()) {
      if (local_name(child) == "channel" || local_name(child) == "item") {
        return namespace_of(child) == ns::rss090 ? FeedFormat::rss090 : FeedFormat::rss10;
      }
    }
    // No channel yet: the namespace the root declares says which RSS it is.
    return declares_namespace(root, ns::rss090) ? FeedFormat::rss090 : FeedFormat::rss10;
  }
  if (name == "feed") {
    if (uri == ns::atom10) return FeedFormat::atom10;
    if (uri == ns::atom03) return FeedFormat::atom03;
    // No namespace (or a wrong one): the version attribute only exists in Atom 0.3.
    return attribute(root, "", "version").empty() ? FeedFormat::atom10 : FeedFormat::atom03;
  }
  return std::nullopt;
}

bool looks_like_json(std::string_view text) {
  const std::size_t start = text.find_first_not_of(" \t\r\n");
  return start != std::string_view::npos && text[start] == '{';
}

}  // namespace feedsieve::parse_detail
