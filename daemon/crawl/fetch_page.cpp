#include "daemon/crawl/fetch_page.hpp"

#include <boost/asio/io_context.hpp>

namespace feedsieve {

PageResult fetch_page(std::string url, const PageFetchSettings& settings) {
  boost::asio::io_context io;
  PageResult result;
  PageFetcher pages(io, settings);
  pages.fetch(std::move(url), [&result](PageResult page) { result = std::move(page); });
  io.run();
  return result;
}

}  // namespace feedsieve
