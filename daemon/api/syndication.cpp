// /feed.atom (RFC 4287) and /feed.json (JSON Feed 1.1): feedsieve's own
// output as feeds any reader can subscribe to. The documents depend only on
// the stories (no "now" in them), so the ETag (a hash of the body) changes
// exactly when the content does, and a reader's If-None-Match gets a 304.
#include <pugixml.hpp>

#include <boost/json.hpp>
#include <cstdio>
#include <sstream>

#include "daemon/api/routes.hpp"
#include "daemon/store/story_json.hpp"
#include "feeds/date/date.hpp"
#include "feeds/json/json_text.hpp"
#include "feeds/stable_hash.hpp"

namespace feedsieve::api_detail {
namespace {

constexpr const char* feed_title = "feedsieve";
constexpr const char* no_date = "1970-01-01T00:00:00Z";

// The newest story date, so the feed's own date changes only with its content.
std::string feed_updated(const std::vector<StoryView>& stories) {
  std::optional<Timestamp> newest;
  for (const auto& story : stories)
    if (story.published && (!newest || *story.published > *newest)) newest = story.published;
  return newest ? format_rfc3339(*newest) : no_date;
}

std::string sources_line(const StoryView& story) {
  std::string line = "Sources:";
  for (std::size_t i = 0; i < story.sources.size(); ++i)
    line += (i == 0 ? " " : ", ") + story.sources[i].feed;
  return line;
}

// The self link from the Host header; empty when the request named no host.
std::string self_url(const ApiRequest& request, std::string_view path) {
  return request.host.empty() ? std::string() : "http://" + request.host + std::string(path);
}

void add_text(pugi::xml_node parent, const char* name, const std::string& text) {
  parent.append_child(name).text().set(text.c_str());
}

void add_link(pugi::xml_node parent, const char* rel, const std::string& href, const std::string& title = "") {
  pugi::xml_node link = parent.append_child("link");
  if (rel != nullptr) link.append_attribute("rel") = rel;
  link.append_attribute("href") = href.c_str();
  if (!title.empty()) link.append_attribute("title") = title.c_str();
}

void add_entry(pugi::xml_node feed, const StoryView& story, const std::string& fallback_date) {
  pugi::xml_node entry = feed.append_child("entry");
  add_text(entry, "id", "urn:feedsieve:story:" + story.story_id);
  add_text(entry, "title", story.title);
  if (!story.url.empty()) add_link(entry, "alternate", story.url);
  for (const auto& source : story.sources)
    if (!source.url.empty() && source.url != story.url) add_link(entry, "via", source.url, source.feed);
  const std::string date = story.published ? format_rfc3339(*story.published) : fallback_date;
  add_text(entry, "published", date);
  add_text(entry, "updated", date);
  add_text(entry, "summary", sources_line(story));
}

std::string atom_document(const std::vector<StoryView>& stories, const ApiRequest& request) {
  pugi::xml_document document;
  pugi::xml_node declaration = document.append_child(pugi::node_declaration);
  declaration.append_attribute("version") = "1.0";
  declaration.append_attribute("encoding") = "utf-8";
  pugi::xml_node feed = document.append_child("feed");
  feed.append_attribute("xmlns") = "http://www.w3.org/2005/Atom";
  add_text(feed, "id", "urn:feedsieve:feed");
  add_text(feed, "title", feed_title);
  const std::string updated = feed_updated(stories);
  add_text(feed, "updated", updated);
  add_text(feed.append_child("author"), "name", feed_title);
  add_text(feed, "generator", feed_title);
  if (const std::string self = self_url(request, "/feed.atom"); !self.empty()) add_link(feed, "self", self);
  for (const auto& story : stories) add_entry(feed, story, updated);
  std::ostringstream out;
  document.save(out, "  ", pugi::format_default, pugi::encoding_utf8);
  return out.str();
}

std::string json_feed_document(const std::vector<StoryView>& stories, const ApiRequest& request) {
  const std::string updated = feed_updated(stories);
  boost::json::array items;
  for (const auto& story : stories) {
    boost::json::value shaped = to_json(story);
    boost::json::object item{{"id", story.story_id},
                             {"title", story.title},
                             {"content_text", sources_line(story)},
                             {"date_published", story.published ? format_rfc3339(*story.published) : updated},
                             {"_feedsieve", std::move(shaped)}};
    if (!story.url.empty()) item["url"] = story.url;
    items.push_back(std::move(item));
  }
  boost::json::object feed{{"version", "https://jsonfeed.org/version/1.1"},
                           {"title", feed_title},
                           {"items", std::move(items)}};
  if (const std::string self = self_url(request, "/feed.json"); !self.empty()) feed["feed_url"] = self;
  return json_text(feed) + "\n";
}

std::string entity_tag(const std::string& body) {
  std::array<char, 24> tag{};
  std::snprintf(tag.data(), tag.size(), "\"%016llx\"",
                static_cast<unsigned long long>(stable_hash(body)));
  return tag.data();
}

// If-None-Match is "*" or a list of tags, each possibly weak (W/"..."); the
// quotes around ours delimit it, so finding it is matching it.
bool matches(const std::string& if_none_match, const std::string& tag) {
  return if_none_match.find('*') != std::string::npos || if_none_match.find(tag) != std::string::npos;
}

}  // namespace

ApiResponse syndication_feed(const Store& store, const ApiSettings& settings, SyndicationFormat format,
                             const ApiRequest& request) {
  StoryQuery query;
  query.limit = settings.feed_limit;
  const std::vector<StoryView> stories = store.stories(query);
  ApiResponse response;
  if (format == SyndicationFormat::atom) {
    response.body = atom_document(stories, request);
    response.content_type = "application/atom+xml; charset=utf-8";
  } else {
    response.body = json_feed_document(stories, request);
    response.content_type = "application/feed+json; charset=utf-8";
  }
  const std::string tag = entity_tag(response.body);
  response.headers.emplace_back("ETag", tag);
  response.headers.emplace_back("Cache-Control", "no-cache");
  if (!request.if_none_match.empty() && matches(request.if_none_match, tag)) {
    response.status = 304;
    response.body.clear();
  }
  return response;
}

}  // namespace feedsieve::api_detail
