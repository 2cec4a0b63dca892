#pragma once
// Which queued transfer may start next, under a global and a per-host cap.
// Each host has its own FIFO; among hosts with a free slot the oldest request
// goes first, so a busy or slow host never holds back the others.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>

namespace feedsieve::fetch_detail {

class Admission {
 public:
  using Ticket = std::uint64_t;  // ascending in arrival order

  Admission(std::size_t max_total, std::size_t max_per_host);

  void enqueue(Ticket ticket, const std::string& host);
  // The next ticket allowed to start now (counted as running from here on),
  // or nullopt when every queued one is blocked by a cap.
  std::optional<Ticket> next();
  // A running ticket for `host` ended; its slots are free again.
  void finished(const std::string& host);
  void clear();

  std::size_t running() const { return running_; }
  std::size_t queued() const { return queued_; }

 private:
  struct Host {
    std::size_t running = 0;
    std::deque<Ticket> waiting;
  };
  void refresh(const std::string& host, const Host& state);

  std::size_t max_total_;
  std::size_t max_per_host_;
  std::size_t running_ = 0;
  std::size_t queued_ = 0;
  std::map<std::string, Host> hosts_;
  // Hosts that could start their front ticket now, ordered by that ticket.
  std::set<std::pair<Ticket, std::string>> ready_;
};

}  // namespace feedsieve::fetch_detail
