#pragma once
// The API's routes: turns one ApiRequest into one ApiResponse. Runs on the
// API's handler threads (never the daemon's io thread or store strand); each
// request reads the store through a leased read-only connection, and its
// whole response is built before anything is sent, so a slow client never
// holds a read transaction.
#include <memory>
#include <mutex>
#include <vector>

#include "daemon/api/exchange.hpp"
#include "daemon/api/metrics.hpp"
#include "daemon/api/read_connections.hpp"
#include "daemon/api/settings.hpp"
#include "daemon/store/feed_status.hpp"

namespace feedsieve {

class ApiHandler {
 public:
  ApiHandler(ApiSettings settings, ReadConnections& connections, Metrics& metrics);

  // Thread-safe. Never throws: refusals and store failures become 4xx/5xx responses.
  ApiResponse handle(const ApiRequest& request) const;
  // The configured feeds GET /api/feeds reports on; replaced on a config reload.
  void set_feeds(std::vector<ConfiguredFeed> feeds);

 private:
  ApiResponse route(const ApiRequest& request) const;
  std::shared_ptr<const std::vector<ConfiguredFeed>> feeds() const;

  ApiSettings settings_;
  ReadConnections& connections_;
  Metrics& metrics_;  // counts the responses; the daemon counts the rest
  mutable std::mutex feeds_mutex_;
  std::shared_ptr<const std::vector<ConfiguredFeed>> feeds_;
};

}  // namespace feedsieve
