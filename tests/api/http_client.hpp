#pragma once
// A small blocking HTTP/1.1 client (Beast) for the API tests: one keep-alive
// connection over TCP or a unix socket.
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace feedsieve::test {

struct HttpReply {
  int status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  bool keep_alive = false;

  std::string header(const std::string& name) const {
    const auto it = headers.find(name);
    return it == headers.end() ? std::string() : it->second;
  }
};

using HeaderList = std::vector<std::pair<std::string, std::string>>;

class HttpClient {
 public:
  // "http://127.0.0.1:PORT" or "unix:/path"; connects at once.
  explicit HttpClient(const std::string& address);
  ~HttpClient();
  HttpClient(const HttpClient&) = delete;
  HttpClient& operator=(const HttpClient&) = delete;

  HttpReply request(const std::string& method, const std::string& target, const HeaderList& headers = {});
  HttpReply get(const std::string& target, const HeaderList& headers = {}) { return request("GET", target, headers); }
  // Writes raw bytes without waiting for an answer.
  void send_raw(const std::string& bytes);
  // True when the server closed the connection (reads until EOF or an error).
  bool closed_by_server();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// One request on a fresh connection.
HttpReply http_get(const std::string& address, const std::string& target, const HeaderList& headers = {});

}  // namespace feedsieve::test
