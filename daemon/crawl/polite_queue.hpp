#pragma once
// The order in which page fetches may start: per host, at most `max_per_host`
// at a time and a gap after each start and each end (the host's minimum
// interval or its robots.txt Crawl-delay, whichever is longer). Pure: the
// caller passes the time in and runs the timer. A host that must wait never
// holds back another: among hosts free to start, the oldest ticket goes first.
#include <chrono>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace feedsieve::crawl_detail {

class PoliteQueue {
 public:
  using Ticket = std::uint64_t;  // ascending in arrival order
  using Clock = std::chrono::steady_clock;

  PoliteQueue(std::size_t max_per_host, Clock::duration default_gap);

  // `first`: ahead of the host's other tickets (its robots.txt, which they wait for).
  void push(const std::string& host, Ticket ticket, bool first = false);
  // The host's gap from now on (Crawl-delay learned from its robots.txt).
  void set_gap(const std::string& host, Clock::duration gap);
  // The ticket that may start at `now`, counted as running from here on; nullopt when none may.
  std::optional<Ticket> pop_ready(Clock::time_point now);
  // A running request of `host` ended at `now`.
  void finished(const std::string& host, Clock::time_point now);
  // When a host now waiting out its gap may start next; nullopt when no wait would help.
  std::optional<Clock::time_point> next_wake() const;
  // Forgets every queued ticket (and the running ones, cancelled too) and returns the queued, oldest first.
  std::vector<Ticket> clear();

  std::size_t queued() const;
  std::size_t hosts() const { return hosts_.size(); }  // hosts remembered

 private:
  struct Host {
    std::deque<Ticket> waiting;
    std::size_t running = 0;
    Clock::time_point not_before{};
    std::optional<Clock::duration> gap;
  };
  Clock::duration gap_of(const Host& host) const { return host.gap.value_or(default_gap_); }

  std::size_t max_per_host_;
  Clock::duration default_gap_;
  std::map<std::string, Host> hosts_;
  // Idle hosts past their gap are forgotten once the map doubles; their gap
  // comes back from the robots.txt answer when their next page is admitted.
  std::size_t sweep_at_ = 64;
  void forget_idle(Clock::time_point now);
};

}  // namespace feedsieve::crawl_detail
