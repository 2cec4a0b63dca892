#pragma once
// HTTP fetching: one libcurl multi handle driven by an Asio io_context
// (curl_multi_socket_action; sockets and timers watched by Asio), so every
// transfer shares the io_context's thread.
#include <chrono>
#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "daemon/fetch/ip_network.hpp"

namespace boost::asio {
class io_context;
}

namespace feedsieve {

struct FetchLimits {
  std::chrono::milliseconds connect_timeout{10'000};
  std::chrono::milliseconds total_timeout{30'000};
  std::size_t max_body_bytes = 16 * 1024 * 1024;  // decoded bytes
  int max_redirects = 5;
  std::size_t max_concurrent = 32;    // transfers in flight, all hosts
  std::size_t max_per_host = 2;       // transfers in flight per host (the URL's host, lower-cased; not the port)
  std::string user_agent;             // empty: feedsieve/VERSION
  // Networks a guarded request may reach although they are not public (tests: 127.0.0.0/8).
  std::vector<IpNetwork> allow_networks;
};

struct FetchRequest {
  std::string url;
  std::optional<std::string> etag{};           // sent as If-None-Match
  std::optional<std::string> last_modified{};  // sent as If-Modified-Since
  // A link taken from a feed or a page, not from the config: every address it
  // (or a redirect) resolves to must be public or in allow_networks.
  bool guarded = false;
};

enum class FetchOutcome {
  ok,                 // 2xx with a body
  not_modified,       // 304
  http_error,         // a final status outside 2xx/304
  too_large,          // body over max_body_bytes
  timeout,            // connect or total timeout
  too_many_redirects,
  network_error,      // DNS, refused, TLS, reset...
  cancelled,          // abandoned by cancel_all()
};

struct FetchResult {
  FetchOutcome outcome = FetchOutcome::network_error;
  std::string url;        // as requested
  std::string final_url;  // after redirects
  long http_status = 0;   // of the final response, 0 when none arrived
  // Set when every redirect on the way was permanent (301/308): the feed moved.
  std::optional<std::string> permanent_redirect;
  std::string content_type;
  std::optional<std::string> etag;
  std::optional<std::string> last_modified;
  std::optional<std::string> retry_after;    // raw header value
  std::optional<std::string> cache_control;  // raw header value
  std::optional<std::string> expires;        // raw header value
  std::string body;       // decompressed
  std::string error;      // one human line when outcome is not ok/not_modified
  bool guard_refused = false;  // a guarded request found no address it may reach (error says which)
  std::chrono::milliseconds elapsed{0};

  bool succeeded() const { return outcome == FetchOutcome::ok || outcome == FetchOutcome::not_modified; }
};

std::string_view outcome_name(FetchOutcome outcome);

// Owns the curl multi handle and every easy handle in flight. Not thread-safe:
// call it, and receive callbacks, on the io_context's thread only. The
// io_context must outlive it. Callbacks are always posted to the io_context,
// never run inside fetch() or cancel_all(), so they may call either again.
class Fetcher {
 public:
  using Callback = std::function<void(FetchResult)>;

  Fetcher(boost::asio::io_context& io, FetchLimits limits);
  // Like cancel_all(): what is still queued or running completes, posted, as cancelled.
  ~Fetcher();
  Fetcher(const Fetcher&) = delete;
  Fetcher& operator=(const Fetcher&) = delete;

  // Queues a transfer; it starts when the global and per-host caps allow
  // (first come, first served per host; a full host never blocks another).
  // `done` runs exactly once on the io_context's thread (also on cancel_all()).
  // An unparsable URL completes with network_error.
  void fetch(FetchRequest request, Callback done);

  // Completes every queued and running transfer with FetchOutcome::cancelled.
  void cancel_all();

  std::size_t in_flight() const;  // running + queued

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace feedsieve
