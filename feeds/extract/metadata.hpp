#pragma once
// What a page says about itself: JSON-LD (schema.org Article and its kinds),
// OpenGraph and article:* properties, classic meta tags, rel=canonical, <title>.
#include <optional>
#include <string>
#include <string_view>

#include "feeds/html/document.hpp"
#include "feeds/model.hpp"

namespace feedsieve {

struct PageMetadata {
  std::string title;
  std::string byline;           // authors, ", "-joined
  std::optional<Timestamp> published;
  std::string canonical_url;    // absolute; the page URL when the page names none
};

// `page_url` resolves relative canonical links; it may be empty.
PageMetadata read_metadata(const HtmlDocument& document, std::string_view page_url);

}  // namespace feedsieve
