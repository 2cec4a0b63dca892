#include "daemon/fetch/outcome.hpp"

namespace feedsieve {

std::string_view outcome_name(FetchOutcome outcome) {
  switch (outcome) {
    case FetchOutcome::ok: return "ok";
    case FetchOutcome::not_modified: return "not_modified";
    case FetchOutcome::http_error: return "http_error";
    case FetchOutcome::too_large: return "too_large";
    case FetchOutcome::timeout: return "timeout";
    case FetchOutcome::too_many_redirects: return "too_many_redirects";
    case FetchOutcome::network_error: return "network_error";
    case FetchOutcome::cancelled: return "cancelled";
  }
  return "unknown";
}

namespace fetch_detail {
namespace {

std::string with_url(std::string_view url, const std::string& what) { return std::string(url) + ": " + what; }

Verdict judge_status(const TransferEnd& end) {
  if (end.http_status == 304) return {FetchOutcome::not_modified, {}};
  if (end.http_status >= 200 && end.http_status < 300) return {FetchOutcome::ok, {}};
  std::string what = "HTTP " + std::to_string(end.http_status);
  if (!end.reason.empty()) what += " " + std::string(end.reason);
  return {FetchOutcome::http_error, with_url(end.url, what)};
}

std::string timeout_message(const TransferEnd& end, const FetchLimits& limits) {
  // Both timeouts end in CURLE_OPERATION_TIMEDOUT; only the total one can
  // have used up the total time.
  if (end.elapsed < limits.total_timeout) return "connect timed out after " + std::to_string(limits.connect_timeout.count()) + " ms";
  return "timed out after " + std::to_string(limits.total_timeout.count()) + " ms";
}

}  // namespace

Verdict judge(const TransferEnd& end, const FetchLimits& limits) {
  // The write callback's refusal surfaces as CURLE_WRITE_ERROR; a declared
  // Content-Length over the cap as CURLE_FILESIZE_EXCEEDED.
  if (end.body_over_cap || end.code == CURLE_FILESIZE_EXCEEDED)
    return {FetchOutcome::too_large,
            with_url(end.url, "body larger than the " + std::to_string(limits.max_body_bytes) + "-byte limit")};
  switch (end.code) {
    case CURLE_OK: return judge_status(end);
    case CURLE_OPERATION_TIMEDOUT: return {FetchOutcome::timeout, with_url(end.url, timeout_message(end, limits))};
    case CURLE_TOO_MANY_REDIRECTS:
      return {FetchOutcome::too_many_redirects,
              with_url(end.url, "more than " + std::to_string(limits.max_redirects) + " redirects")};
    default: break;
  }
  const std::string detail = end.curl_error.empty() ? curl_easy_strerror(end.code) : std::string(end.curl_error);
  return {FetchOutcome::network_error, with_url(end.url, detail)};
}

}  // namespace fetch_detail
}  // namespace feedsieve
