#pragma once
// What each site's robots.txt says, per origin (scheme, host and port, as
// RFC 9309 scopes it), and for how long that answer holds. Pure: the caller
// fetches the file and passes the time in.
//
// An answer (2xx) is parsed and kept for `ttl`; 4xx (the file is not
// there, or not for us; 429 aside) allows everything for `ttl`; a 5xx, a
// 429, a timeout or an unreachable server disallows everything for `retry`,
// after which the file is fetched again. Redirects are followed by the
// fetcher (up to its max_redirects, 5 as RFC 9309 asks); more than that is
// taken as "no robots.txt".
#include <chrono>
#include <map>
#include <optional>
#include <string>

#include "daemon/fetch/fetcher.hpp"
#include "feeds/robots/robots.hpp"

namespace feedsieve::crawl_detail {

struct RobotsAnswer {
  RobotsRules rules;
  std::string unavailable;  // non-empty: robots.txt could not be read (why); everything is disallowed
  bool guard_refused = false;  // it could not, because the forgery guard refused the site's address
};

// What one fetch of ORIGIN/robots.txt means for `user_agent`'s product token.
RobotsAnswer robots_answer(const FetchResult& fetch, std::string_view user_agent);

class RobotsCache {
 public:
  using Clock = std::chrono::steady_clock;

  RobotsCache(Clock::duration ttl, Clock::duration retry) : ttl_(ttl), retry_(retry) {}

  // The answer for `origin` that still holds at `now`, or nullptr.
  const RobotsAnswer* find(const std::string& origin, Clock::time_point now) const;
  const RobotsAnswer& store(const std::string& origin, RobotsAnswer answer, Clock::time_point now);
  std::size_t size() const { return entries_.size(); }

 private:
  struct Entry {
    RobotsAnswer answer;
    Clock::time_point expires;
  };
  Clock::duration ttl_;
  Clock::duration retry_;
  std::map<std::string, Entry> entries_;
  std::size_t sweep_at_ = 64;  // a daemon meets new sites for months: expired answers go once the map doubles
};

// Why `target` (path and query) may not be fetched under `answer`, naming
// `url` and the deciding rule; nullopt when it may.
std::optional<std::string> robots_refusal(const RobotsAnswer& answer, const std::string& url, std::string_view target);

}  // namespace feedsieve::crawl_detail
