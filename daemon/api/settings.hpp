#pragma once
// [api]: the HTTP API the daemon serves. Plain values, read by the config
// (daemon/config/api_section.cpp) and used by the server (daemon/api/server.hpp).
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>

namespace feedsieve {

// Where the API listens: a TCP address (an IP literal and a port; port 0
// picks a free one) or a unix socket path.
struct ListenAddress {
  enum class Kind { tcp, unix_socket };
  Kind kind = Kind::tcp;
  std::string host = "127.0.0.1";  // IP literal, without brackets for IPv6
  std::uint16_t port = 8080;
  std::string path;  // the socket file, for unix_socket

  bool operator==(const ListenAddress&) const = default;
};

struct ApiSettings {
  bool enabled = false;
  ListenAddress listen;
  std::optional<std::string> token;   // bearer token; required on a non-loopback address
  int default_limit = 50;             // stories per page when the request gives no limit
  int max_limit = 500;                // the largest limit a request may ask for
  int feed_limit = 50;                // stories in /feed.atom and /feed.json
  int max_connections = 64;           // more wait in the listen backlog
  std::chrono::seconds timeout{10};   // to receive one request, to send one response, and idle keep-alive

  bool operator==(const ApiSettings&) const = default;
};

}  // namespace feedsieve
