#pragma once
// How a finished transfer is judged: libcurl's code and the final HTTP status
// become a FetchOutcome and one human line naming the URL and the reason.
#include "daemon/fetch/fetcher.hpp"

#include <curl/curl.h>

#include <chrono>
#include <string>
#include <string_view>

namespace feedsieve::fetch_detail {

struct TransferEnd {
  std::string_view url;          // as requested
  CURLcode code = CURLE_OK;
  long http_status = 0;          // final response, 0 when none
  std::string_view reason;       // its reason phrase, may be empty
  bool body_over_cap = false;    // the write callback refused more bytes
  std::chrono::milliseconds elapsed{0};  // since the transfer started
  std::string_view curl_error;   // CURLOPT_ERRORBUFFER text, may be empty
};

struct Verdict {
  FetchOutcome outcome = FetchOutcome::network_error;
  std::string error;  // empty for ok / not_modified
};

Verdict judge(const TransferEnd& end, const FetchLimits& limits);

}  // namespace feedsieve::fetch_detail
