#include "daemon/schedule/host_budget.hpp"

#include <algorithm>
#include <boost/url/parse.hpp>

namespace feedsieve {

HostBudget::Time HostBudget::reserve(const std::string& host, Time now) {
  if (per_minute_ <= 0) return now;
  using std::chrono::milliseconds;
  const milliseconds spacing = milliseconds(60'000) / per_minute_;
  const milliseconds burst = milliseconds(60'000) - spacing;
  Time& tat = theoretical_arrival_.try_emplace(host, now).first->second;
  const Time arrival = std::max(tat, now);
  const Time start = std::max(now, arrival - burst);
  tat = arrival + spacing;
  if (theoretical_arrival_.size() >= sweep_at_) forget_refilled(now);
  return start;
}

// Amortized: a sweep runs only after the map doubled since the last one.
void HostBudget::forget_refilled(Time now) {
  std::erase_if(theoretical_arrival_, [now](const auto& account) { return account.second <= now; });
  sweep_at_ = std::max<std::size_t>(64, 2 * theoretical_arrival_.size());
}

std::string budget_host(std::string_view url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return {};
  std::string host = parsed->host();
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return host;
}

}  // namespace feedsieve
