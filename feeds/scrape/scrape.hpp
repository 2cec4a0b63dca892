#pragma once
// A web page without a feed, read as one: the items an XPath selector finds,
// each with its title, link, date and summary. Pure: bytes in, the same
// ParsedFeed the feed parser returns out.
#include <stdexcept>
#include <string>
#include <string_view>

#include "feeds/model.hpp"
#include "feeds/scrape/selectors.hpp"

namespace feedsieve {

struct ScrapeOptions {
  std::string url;           // the page's own URL: the base for relative links (<base href> overrides it)
  std::string content_type;  // the HTTP Content-Type header, if any (its charset takes part in decoding)
  PageSelectors selectors;
};

// Thrown when the selectors do not compile or find no item on the page: a
// layout change must show as a failed poll, not as a feed that went quiet.
class ScrapeError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Items in page order, one per distinct link (the link is the item's id; an
// item without a link is identified by its title). ParsedFeed::format is not
// meaningful for a page. Throws ScrapeError.
ParsedFeed scrape_page(std::string_view bytes, const ScrapeOptions& options);

}  // namespace feedsieve
