#include "daemon/fetch/admission.hpp"

#include <algorithm>

namespace feedsieve::fetch_detail {

Admission::Admission(std::size_t max_total, std::size_t max_per_host)
    : max_total_(std::max<std::size_t>(max_total, 1)), max_per_host_(std::max<std::size_t>(max_per_host, 1)) {}

void Admission::enqueue(Ticket ticket, const std::string& host) {
  Host& state = hosts_[host];
  state.waiting.push_back(ticket);
  ++queued_;
  if (state.waiting.size() == 1) refresh(host, state);
}

std::optional<Admission::Ticket> Admission::next() {
  if (running_ >= max_total_ || ready_.empty()) return std::nullopt;
  const auto [ticket, host] = *ready_.begin();
  ready_.erase(ready_.begin());
  Host& state = hosts_.at(host);
  state.waiting.pop_front();
  ++state.running;
  --queued_;
  ++running_;
  refresh(host, state);
  return ticket;
}

void Admission::finished(const std::string& host) {
  const auto found = hosts_.find(host);
  if (found == hosts_.end() || found->second.running == 0) return;
  --found->second.running;
  --running_;
  if (found->second.running == 0 && found->second.waiting.empty()) {
    hosts_.erase(found);  // idle hosts cost nothing
    return;
  }
  refresh(host, found->second);
}

void Admission::clear() {
  hosts_.clear();
  ready_.clear();
  running_ = 0;
  queued_ = 0;
}

// Keeps `ready_` in step with one host: listed under its front ticket exactly
// when it has a ticket waiting and a free per-host slot.
void Admission::refresh(const std::string& host, const Host& state) {
  if (state.waiting.empty()) return;  // its old entry, if any, was erased by next()
  const std::pair<Ticket, std::string> entry{state.waiting.front(), host};
  if (state.running < max_per_host_)
    ready_.insert(entry);
  else
    ready_.erase(entry);
}

}  // namespace feedsieve::fetch_detail
