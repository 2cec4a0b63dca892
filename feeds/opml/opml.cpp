#include "feeds/opml/opml.hpp"

#include <pugixml.hpp>

#include <map>
#include <sstream>

namespace feedsieve {
namespace {

// Attribute names differ in case between exporters (xmlUrl, xmlurl, XMLURL).
std::string attr(pugi::xml_node node, std::string_view name) {
  for (const pugi::xml_attribute a : node.attributes()) {
    const std::string_view have = a.name();
    if (have.size() == name.size() &&
        std::equal(have.begin(), have.end(), name.begin(), [](char x, char y) {
          return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
        }))
      return a.value();
  }
  return {};
}

std::string trimmed(std::string text) {
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return {};
  return text.substr(first, text.find_last_not_of(" \t\r\n") - first + 1);
}

// OPML 2.0 category: comma-separated slash paths ("/Tech/AI,/News").
void add_categories(const std::string& value, std::vector<std::string>& tags) {
  std::stringstream list(value);
  std::string path;
  while (std::getline(list, path, ',')) {
    std::stringstream parts(path);
    std::string part;
    while (std::getline(parts, part, '/'))
      if (const auto tag = trimmed(part); !tag.empty()) tags.push_back(tag);
  }
}

// Folders of folders nest a few levels in any real feed list; the cap keeps
// a hostile file from exhausting the stack of this recursion.
constexpr std::size_t kMaxFolderDepth = 100;

void collect(pugi::xml_node parent, std::vector<std::string>& folders, std::vector<OpmlFeed>& out,
             std::size_t depth = 0) {
  if (depth > kMaxFolderDepth)
    throw OpmlError("outlines nested deeper than " + std::to_string(kMaxFolderDepth) + " levels");
  for (const pugi::xml_node outline : parent.children("outline")) {
    const std::string label = trimmed(attr(outline, "text").empty() ? attr(outline, "title") : attr(outline, "text"));
    const std::string xml_url = trimmed(attr(outline, "xmlUrl"));
    if (!xml_url.empty()) {
      OpmlFeed feed{label.empty() ? xml_url : label, xml_url, trimmed(attr(outline, "htmlUrl")), folders};
      add_categories(attr(outline, "category"), feed.tags);
      out.push_back(std::move(feed));
      continue;
    }
    if (!label.empty()) folders.push_back(label);
    collect(outline, folders, out, depth + 1);
    if (!label.empty()) folders.pop_back();
  }
}

void add_feed_outline(pugi::xml_node parent, const OpmlFeed& feed) {
  pugi::xml_node outline = parent.append_child("outline");
  outline.append_attribute("type") = "rss";
  outline.append_attribute("text") = feed.title.c_str();
  outline.append_attribute("title") = feed.title.c_str();
  outline.append_attribute("xmlUrl") = feed.xml_url.c_str();
  if (!feed.html_url.empty()) outline.append_attribute("htmlUrl") = feed.html_url.c_str();
}

}  // namespace

std::vector<OpmlFeed> parse_opml(std::string_view document) {
  pugi::xml_document doc;
  // No DOCTYPE processing: pugixml never expands external entities.
  const auto parsed = doc.load_buffer(document.data(), document.size(), pugi::parse_default);
  if (!parsed)
    throw OpmlError(std::string("not well-formed XML at byte ") + std::to_string(parsed.offset) + ": " +
                    parsed.description());
  const pugi::xml_node body = doc.child("opml").child("body");
  if (!body) throw OpmlError("not an OPML document: no <opml><body>");
  std::vector<std::string> folders;
  std::vector<OpmlFeed> feeds;
  collect(body, folders, feeds);
  return feeds;
}

std::string write_opml(const std::vector<OpmlFeed>& feeds, std::string_view title) {
  pugi::xml_document doc;
  pugi::xml_node declaration = doc.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "UTF-8";
  pugi::xml_node opml = doc.append_child("opml");
  opml.append_attribute("version") = "2.0";
  opml.append_child("head").append_child("title").text() = std::string(title).c_str();
  pugi::xml_node body = opml.append_child("body");
  std::map<std::string, pugi::xml_node> folders;
  for (const auto& feed : feeds) {
    if (feed.tags.empty()) {
      add_feed_outline(body, feed);
      continue;
    }
    auto [it, added] = folders.try_emplace(feed.tags.front());
    if (added) {
      it->second = body.append_child("outline");
      it->second.append_attribute("text") = feed.tags.front().c_str();
    }
    add_feed_outline(it->second, feed);
  }
  std::ostringstream out;
  doc.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

}  // namespace feedsieve
