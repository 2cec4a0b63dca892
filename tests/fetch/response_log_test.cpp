#include "daemon/fetch/response_log.hpp"

#include <catch2/catch.hpp>

#include <string>
#include <vector>

using feedsieve::fetch_detail::ResponseLog;

namespace {

ResponseLog feed(const std::vector<std::string>& lines) {
  ResponseLog log;
  for (const auto& line : lines) log.on_header_line(line + "\r\n");
  return log;
}

}  // namespace

TEST_CASE("response log keeps only the final response's headers", "[fetch][headers]") {
  const auto log = feed({"HTTP/1.1 301 Moved Permanently", "Location: /b", "ETag: \"old\"", "Cache-Control: no-store",
                         "", "HTTP/1.1 200 OK", "content-type: application/atom+xml", "Last-Modified: Wed, 01 May 2024",
                         "Retry-After:  120 ", ""});
  CHECK(log.statuses() == std::vector<int>{301, 200});
  CHECK(log.reason() == "OK");
  CHECK(log.content_type() == "application/atom+xml");
  CHECK_FALSE(log.etag().has_value());
  CHECK_FALSE(log.cache_control().has_value());
  CHECK(log.last_modified() == "Wed, 01 May 2024");
  CHECK(log.retry_after() == "120");
}

TEST_CASE("response log tells an all-permanent redirect chain from a mixed one", "[fetch][headers]") {
  CHECK(feed({"HTTP/1.1 301 Moved", "", "HTTP/1.1 308 Permanent Redirect", "", "HTTP/2 200", ""})
            .only_permanent_redirects());
  CHECK_FALSE(feed({"HTTP/1.1 301 Moved", "", "HTTP/1.1 302 Found", "", "HTTP/1.1 200 OK", ""})
                  .only_permanent_redirects());
  CHECK_FALSE(feed({"HTTP/1.1 200 OK", ""}).only_permanent_redirects());
}

TEST_CASE("response log skips interim 1xx responses and joins repeated Cache-Control", "[fetch][headers]") {
  const auto log = feed({"HTTP/1.1 100 Continue", "", "HTTP/1.1 503 Service Unavailable", "Cache-Control: max-age=60",
                         "cache-control: public", ""});
  CHECK(log.statuses() == std::vector<int>{503});
  CHECK(log.reason() == "Service Unavailable");
  CHECK(log.cache_control() == "max-age=60, public");
}

TEST_CASE("response log reads an HTTP/2 status line without a reason", "[fetch][headers]") {
  const auto log = feed({"HTTP/2 404", "ETag: W/\"x\"", ""});
  CHECK(log.statuses() == std::vector<int>{404});
  CHECK(log.reason().empty());
  CHECK(log.etag() == "W/\"x\"");
}
