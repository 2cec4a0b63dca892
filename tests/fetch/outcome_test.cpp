#include "daemon/fetch/outcome.hpp"

#include <catch2/catch.hpp>

using namespace feedsieve;
using feedsieve::fetch_detail::judge;
using feedsieve::fetch_detail::TransferEnd;

namespace {

FetchLimits limits() {
  FetchLimits l;
  l.connect_timeout = std::chrono::milliseconds(1000);
  l.total_timeout = std::chrono::milliseconds(2000);
  l.max_body_bytes = 4096;
  l.max_redirects = 5;
  return l;
}

TransferEnd end_with(CURLcode code, long status = 0) {
  TransferEnd end;
  end.url = "http://x/feed";
  end.code = code;
  end.http_status = status;
  return end;
}

}  // namespace

TEST_CASE("judge maps HTTP statuses to outcomes", "[fetch][outcome]") {
  CHECK(judge(end_with(CURLE_OK, 200), limits()).outcome == FetchOutcome::ok);
  CHECK(judge(end_with(CURLE_OK, 200), limits()).error.empty());
  CHECK(judge(end_with(CURLE_OK, 304), limits()).outcome == FetchOutcome::not_modified);
  auto failed = end_with(CURLE_OK, 500);
  failed.reason = "Internal Server Error";
  const auto verdict = judge(failed, limits());
  CHECK(verdict.outcome == FetchOutcome::http_error);
  CHECK(verdict.error == "http://x/feed: HTTP 500 Internal Server Error");
  CHECK(judge(end_with(CURLE_OK, 404), limits()).error == "http://x/feed: HTTP 404");
}

TEST_CASE("judge names the limit a transfer ran into", "[fetch][outcome]") {
  auto total = end_with(CURLE_OPERATION_TIMEDOUT);
  total.elapsed = std::chrono::milliseconds(2003);
  CHECK(judge(total, limits()).outcome == FetchOutcome::timeout);
  CHECK(judge(total, limits()).error == "http://x/feed: timed out after 2000 ms");
  auto connect = end_with(CURLE_OPERATION_TIMEDOUT);
  connect.elapsed = std::chrono::milliseconds(1001);
  CHECK(judge(connect, limits()).error == "http://x/feed: connect timed out after 1000 ms");
  CHECK(judge(end_with(CURLE_TOO_MANY_REDIRECTS), limits()).error == "http://x/feed: more than 5 redirects");
  auto big = end_with(CURLE_WRITE_ERROR, 200);
  big.body_over_cap = true;
  CHECK(judge(big, limits()).outcome == FetchOutcome::too_large);
  CHECK(judge(big, limits()).error == "http://x/feed: body larger than the 4096-byte limit");
  CHECK(judge(end_with(CURLE_FILESIZE_EXCEEDED, 200), limits()).outcome == FetchOutcome::too_large);
}

TEST_CASE("judge reports other failures as network errors with curl's words", "[fetch][outcome]") {
  auto refused = end_with(CURLE_COULDNT_CONNECT);
  refused.curl_error = "Failed to connect to x port 80";
  CHECK(judge(refused, limits()).outcome == FetchOutcome::network_error);
  CHECK(judge(refused, limits()).error == "http://x/feed: Failed to connect to x port 80");
  CHECK(judge(end_with(CURLE_COULDNT_RESOLVE_HOST), limits()).error ==
        std::string("http://x/feed: ") + curl_easy_strerror(CURLE_COULDNT_RESOLVE_HOST));
}

TEST_CASE("every outcome has a name", "[fetch][outcome]") {
  CHECK(outcome_name(FetchOutcome::ok) == "ok");
  CHECK(outcome_name(FetchOutcome::not_modified) == "not_modified");
  CHECK(outcome_name(FetchOutcome::too_many_redirects) == "too_many_redirects");
  CHECK(outcome_name(FetchOutcome::cancelled) == "cancelled");
}
