#include "daemon/crawl/polite_queue.hpp"

#include <algorithm>

namespace feedsieve::crawl_detail {

PoliteQueue::PoliteQueue(std::size_t max_per_host, Clock::duration default_gap)
    : max_per_host_(std::max<std::size_t>(1, max_per_host)), default_gap_(default_gap) {}

void PoliteQueue::push(const std::string& host, Ticket ticket, bool first) {
  auto& waiting = hosts_[host].waiting;
  if (first) {
    waiting.push_front(ticket);
  } else {
    waiting.push_back(ticket);
  }
}

void PoliteQueue::set_gap(const std::string& host, Clock::duration gap) { hosts_[host].gap = gap; }

// Hosts are few (those with pages in flight), so a scan per start is cheap
// and keeps no second index in step.
std::optional<PoliteQueue::Ticket> PoliteQueue::pop_ready(Clock::time_point now) {
  if (hosts_.size() >= sweep_at_) forget_idle(now);
  Host* best = nullptr;
  for (auto& [name, host] : hosts_) {
    if (host.waiting.empty() || host.running >= max_per_host_ || now < host.not_before) continue;
    if (best == nullptr || host.waiting.front() < best->waiting.front()) best = &host;
  }
  if (best == nullptr) return std::nullopt;
  const Ticket ticket = best->waiting.front();
  best->waiting.pop_front();
  ++best->running;
  best->not_before = now + gap_of(*best);
  return ticket;
}

void PoliteQueue::forget_idle(Clock::time_point now) {
  std::erase_if(hosts_, [&](const auto& entry) {
    const Host& host = entry.second;
    return host.waiting.empty() && host.running == 0 && host.not_before <= now;
  });
  sweep_at_ = std::max<std::size_t>(64, 2 * hosts_.size());
}

void PoliteQueue::finished(const std::string& host, Clock::time_point now) {
  const auto found = hosts_.find(host);
  if (found == hosts_.end()) return;
  Host& state = found->second;
  if (state.running > 0) --state.running;
  // The gap counts from the end as well: a slow answer is no licence for the next request.
  state.not_before = std::max(state.not_before, now + gap_of(state));
}

std::optional<PoliteQueue::Clock::time_point> PoliteQueue::next_wake() const {
  std::optional<Clock::time_point> wake;
  for (const auto& [name, host] : hosts_) {
    if (host.waiting.empty() || host.running >= max_per_host_) continue;
    if (!wake || host.not_before < *wake) wake = host.not_before;
  }
  return wake;
}

std::vector<PoliteQueue::Ticket> PoliteQueue::clear() {
  std::vector<Ticket> tickets;
  for (auto& [name, host] : hosts_) {
    tickets.insert(tickets.end(), host.waiting.begin(), host.waiting.end());
    host.waiting.clear();
    host.running = 0;  // what ran was cancelled with them
  }
  std::sort(tickets.begin(), tickets.end());
  return tickets;
}

std::size_t PoliteQueue::queued() const {
  std::size_t n = 0;
  for (const auto& [name, host] : hosts_) n += host.waiting.size();
  return n;
}

}  // namespace feedsieve::crawl_detail
