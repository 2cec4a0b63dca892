#pragma once
// A per-host request budget: at most `per_minute` requests to one host in any
// minute, spaced evenly once the burst is spent (the generic cell rate
// algorithm). Each host has its own account, so a host with many feeds waits
// for its own budget and never delays another host. Pure: time is passed in.
#include <chrono>
#include <map>
#include <string>

namespace feedsieve {

class HostBudget {
 public:
  using Time = std::chrono::sys_time<std::chrono::milliseconds>;

  // per_minute 0: no limit.
  explicit HostBudget(int per_minute) : per_minute_(per_minute) {}

  // Books one request to `host`; returns when it may start (now, or later
  // when the host's budget is spent). The booking counts from then on, so
  // call it once per request and start the request at the time returned.
  Time reserve(const std::string& host, Time now);

  // Hosts with an account. A host whose budget has refilled is forgotten (it
  // is the same as a host never seen), so a long-running daemon keeps only
  // the hosts polled within the last minute, whatever the feeds were over time.
  std::size_t hosts() const { return theoretical_arrival_.size(); }

 private:
  void forget_refilled(Time now);

  int per_minute_;
  std::map<std::string, Time> theoretical_arrival_;  // per host: when its budget is next fully spent
  std::size_t sweep_at_ = 64;                         // forget_refilled once this many hosts have accounts
};

// The host part of a URL, lower-cased ("" when it has none): the key of a budget.
std::string budget_host(std::string_view url);

}  // namespace feedsieve
