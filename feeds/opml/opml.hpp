#pragma once
// OPML 1.0/2.0 subscription lists, as Miniflux, newsboat, FreshRSS and Feedly
// export them: outlines with an xmlUrl are feeds; the outlines around them
// (folders, categories) become the feed's tags. Pure: text in, values out.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace feedsieve {

struct OpmlFeed {
  std::string title;     // text, else title, else the URL
  std::string xml_url;   // the feed
  std::string html_url;  // the site; may be empty
  std::vector<std::string> tags;  // enclosing folders, outermost first, plus a `category` attribute's entries
};

// what() names the problem and, for XML errors, the byte offset.
class OpmlError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

std::vector<OpmlFeed> parse_opml(std::string_view document);

// An OPML 2.0 document; feeds that share a first tag go in that folder.
std::string write_opml(const std::vector<OpmlFeed>& feeds, std::string_view title);

}  // namespace feedsieve
