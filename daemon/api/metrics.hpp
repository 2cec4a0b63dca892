#pragma once
// What the daemon counts for GET /metrics. The daemon owns one Metrics and
// updates it from its io thread, worker pool and store strand; the API reads
// it from its own threads. Everything is a relaxed atomic: a scrape sees each
// counter exact, though not all counters at one instant.
#include <array>
#include <atomic>
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>

#include "daemon/store/store.hpp"

namespace feedsieve {

// A Prometheus histogram over fixed bucket bounds in seconds (5 ms to 60 s).
class DurationHistogram {
 public:
  static constexpr std::array<double, 13> bounds{0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5,
                                                 1.0,   2.5,  5.0,   10.0, 30.0, 60.0};

  void observe(std::chrono::duration<double> elapsed);
  // "NAME_bucket{le=...} N" lines (cumulative), then NAME_sum and NAME_count.
  void render(std::string& out, const std::string& name) const;

 private:
  std::array<std::atomic<std::uint64_t>, bounds.size() + 1> buckets_{};  // the last is +Inf
  std::atomic<std::uint64_t> count_{0};
  std::atomic<std::uint64_t> sum_micros_{0};
};

// Counts per HTTP status code (0: no response); codes outside 0-599 count as 0.
class StatusCounts {
 public:
  void count(long status);
  // NAME{code="200"} N for every code seen.
  void render(std::string& out, const std::string& name) const;

 private:
  std::array<std::atomic<std::uint64_t>, 600> counts_{};
};

class Metrics {
 public:
  // A fetch completed (any outcome but cancelled): its status, body size and time.
  void fetched(long http_status, std::size_t body_bytes, std::chrono::milliseconds elapsed);
  // A fetched body was parsed and planned into a poll record.
  void parsed(std::chrono::duration<double> elapsed);
  // A poll was stored: its result and what it created. Every new item either
  // founds a story or merges into one, so merges = new items - new stories.
  void stored(PollStatus status, const PollStored& stored);
  void set_polls_in_flight(int polls);
  void answered(int http_status);  // an API response went out

  // The Prometheus text exposition (version 0.0.4); `store_bytes` is the
  // store's size on disk at the time of the scrape.
  std::string render(std::uint64_t store_bytes) const;

 private:
  std::atomic<std::uint64_t> polls_ok_{0};
  std::atomic<std::uint64_t> polls_not_modified_{0};
  std::atomic<std::uint64_t> polls_failed_{0};
  std::atomic<std::uint64_t> bytes_fetched_{0};
  std::atomic<std::uint64_t> items_created_{0};
  std::atomic<std::uint64_t> items_updated_{0};
  std::atomic<std::uint64_t> stories_created_{0};
  std::atomic<std::uint64_t> dedup_merges_{0};
  std::atomic<int> polls_in_flight_{0};
  StatusCounts fetch_statuses_;
  StatusCounts api_statuses_;
  DurationHistogram fetch_seconds_;
  DurationHistogram parse_seconds_;
};

}  // namespace feedsieve
