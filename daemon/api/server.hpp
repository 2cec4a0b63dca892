#pragma once
// The HTTP API server (Boost.Beast, HTTP/1.1 with keep-alive) that the daemon
// runs beside its poller. It has its own io thread for sockets and timers and
// a small pool of handler threads that read the store through their own
// read-only connections, so neither a client nor a query ever waits on, or
// holds up, the daemon's io thread or its store writer.
#include <filesystem>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "daemon/api/metrics.hpp"
#include "daemon/api/settings.hpp"
#include "daemon/store/feed_status.hpp"

namespace feedsieve {

// The API cannot listen: what() names the address and the reason.
class ApiError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class ApiServer {
 public:
  ApiServer(ApiSettings settings, std::filesystem::path store_path, Metrics& metrics);
  ~ApiServer();  // stops
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds, listens and starts serving on its own threads. Throws ApiError.
  void start();
  // Closes the listener and every connection and joins the threads. Idempotent.
  void stop();
  // Where it listens, e.g. "http://127.0.0.1:8080" or "unix:/run/feedsieve/api.sock".
  std::string address() const;
  void set_feeds(std::vector<ConfiguredFeed> feeds);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace feedsieve
