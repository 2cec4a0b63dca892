#pragma once
// One HTTP exchange as the API's routes see it: plain values, no Beast, so
// only daemon/api/server.cpp compiles the Beast and Asio headers.
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace feedsieve {

struct ApiRequest {
  std::string method;         // "GET", "HEAD", ...
  std::string target;         // origin form: "/api/stories?limit=10"
  std::string authorization;  // the Authorization header, "" when absent
  std::string if_none_match;  // the If-None-Match header, "" when absent
  std::string host;           // the Host header, "" when absent
};

struct ApiResponse {
  int status = 200;
  std::string content_type = "application/json";
  std::string body;
  std::vector<std::pair<std::string, std::string>> headers;  // beyond Content-Type and Content-Length
};

// A request the API refuses: the status (4xx) and what was wrong, for the
// {"error": "..."} body; `headers` go along (WWW-Authenticate, Allow).
class ApiProblem : public std::runtime_error {
 public:
  ApiProblem(int status, const std::string& what, std::vector<std::pair<std::string, std::string>> headers = {})
      : std::runtime_error(what), status_(status), headers_(std::move(headers)) {}
  int status() const { return status_; }
  const std::vector<std::pair<std::string, std::string>>& headers() const { return headers_; }

 private:
  int status_;
  std::vector<std::pair<std::string, std::string>> headers_;
};

// {"error": what} with `status`.
ApiResponse error_response(int status, const std::string& what);

}  // namespace feedsieve
