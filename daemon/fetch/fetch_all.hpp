#pragma once
// Blocking fetches for one-shot verbs (discover, extract URL): a private
// io_context and Fetcher, run until every request has completed.
#include <vector>

#include "daemon/fetch/fetcher.hpp"

namespace feedsieve {

// Results in the order of `requests`.
std::vector<FetchResult> fetch_all(std::vector<FetchRequest> requests, const FetchLimits& limits);

}  // namespace feedsieve
