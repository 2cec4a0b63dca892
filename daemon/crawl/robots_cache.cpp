#include "daemon/crawl/robots_cache.hpp"

namespace feedsieve::crawl_detail {
namespace {

RobotsAnswer unavailable(std::string why) {
  return {RobotsRules{{RobotsRule{"/", false}}, std::nullopt}, std::move(why)};
}

}  // namespace

RobotsAnswer robots_answer(const FetchResult& fetch, std::string_view user_agent) {
  const std::string where = fetch.url + ": ";
  switch (fetch.outcome) {
    case FetchOutcome::ok:
      return {parse_robots(fetch.body, user_agent), {}};
    case FetchOutcome::too_many_redirects:
      return {};  // RFC 9309 2.3.1.2: past five redirects, as if there were no file
    case FetchOutcome::http_error:
      if (fetch.http_status >= 400 && fetch.http_status < 500 && fetch.http_status != 429) return {};
      return unavailable(where + "HTTP " + std::to_string(fetch.http_status));
    default: {
      RobotsAnswer answer = unavailable(fetch.error.empty() ? where + std::string(outcome_name(fetch.outcome)) : fetch.error);
      answer.guard_refused = fetch.guard_refused;
      return answer;
    }
  }
}

const RobotsAnswer* RobotsCache::find(const std::string& origin, Clock::time_point now) const {
  const auto found = entries_.find(origin);
  if (found == entries_.end() || now >= found->second.expires) return nullptr;
  return &found->second.answer;
}

const RobotsAnswer& RobotsCache::store(const std::string& origin, RobotsAnswer answer, Clock::time_point now) {
  const Clock::time_point expires = now + (answer.unavailable.empty() ? ttl_ : retry_);
  if (entries_.size() >= sweep_at_) {
    std::erase_if(entries_, [&](const auto& kept) { return now >= kept.second.expires; });
    sweep_at_ = std::max<std::size_t>(64, 2 * entries_.size());
  }
  Entry& entry = entries_[origin];
  entry = Entry{std::move(answer), expires};
  return entry.answer;
}

std::optional<std::string> robots_refusal(const RobotsAnswer& answer, const std::string& url, std::string_view target) {
  if (answer.guard_refused) {
    // The page is on the same site: say what stopped it, not that robots.txt did.
    const auto reason = answer.unavailable.find(": refused");
    return url + ": not fetched" + answer.unavailable.substr(reason == std::string::npos ? 0 : reason);
  }
  if (!answer.unavailable.empty())
    return url + ": not fetched: robots.txt could not be read (" + answer.unavailable + ")";
  if (answer.rules.allows(target)) return std::nullopt;
  const auto rule = answer.rules.deciding_rule(target);
  return url + ": not fetched: robots.txt disallows it (Disallow: " + (rule ? rule->pattern : "/") + ")";
}

}  // namespace feedsieve::crawl_detail
