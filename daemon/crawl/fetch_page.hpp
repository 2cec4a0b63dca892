#pragma once
// A blocking page fetch for one-shot verbs (extract URL): a private
// io_context and PageFetcher, run until the page (and its robots.txt) is in.
#include <string>

#include "daemon/crawl/page_fetcher.hpp"

namespace feedsieve {

PageResult fetch_page(std::string url, const PageFetchSettings& settings);

}  // namespace feedsieve
