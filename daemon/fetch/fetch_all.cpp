#include "daemon/fetch/fetch_all.hpp"

#include <boost/asio/io_context.hpp>

namespace feedsieve {

std::vector<FetchResult> fetch_all(std::vector<FetchRequest> requests, const FetchLimits& limits) {
  boost::asio::io_context io;
  std::vector<FetchResult> results(requests.size());
  Fetcher fetcher(io, limits);
  for (std::size_t i = 0; i < requests.size(); ++i)
    fetcher.fetch(std::move(requests[i]), [&results, i](FetchResult result) { results[i] = std::move(result); });
  io.run();
  return results;
}

}  // namespace feedsieve
