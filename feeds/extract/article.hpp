#pragma once
// A page's article: its metadata and main text, from the page's bytes.
#include <optional>
#include <string>
#include <string_view>

#include "feeds/model.hpp"

namespace feedsieve {

struct Article {
  std::string url;            // the page's URL as given
  std::string canonical_url;
  std::string title;
  std::string byline;
  std::optional<Timestamp> published;
  std::string text;           // paragraphs separated by blank lines
};

// `content_type`: the HTTP Content-Type header, "" when unknown (a file).
Article extract_article(std::string_view bytes, std::string_view content_type, std::string_view page_url);

}  // namespace feedsieve
