#include "daemon/crawl/page_fetcher.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/url/parse.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <map>
#include <vector>

#include "daemon/crawl/polite_queue.hpp"
#include "daemon/crawl/robots_cache.hpp"
#include "feeds/text/ascii.hpp"
#include "feeds/version.hpp"

namespace feedsieve {
namespace asio = boost::asio;
using namespace crawl_detail;

namespace {

using Clock = std::chrono::steady_clock;

// Where a URL's robots.txt lives and whose politeness it owes.
struct Address {
  std::string origin;  // "https://host:port", lower-cased: robots.txt is per origin
  std::string host;    // lower-cased: the politeness key (a machine, whatever the port)
  std::string target;  // path and query, as robots.txt rules see them
};

std::optional<Address> address_of(const std::string& url) {
  const auto parsed = boost::urls::parse_absolute_uri(url);
  if (!parsed) return std::nullopt;
  const auto scheme = parsed->scheme_id();
  if (scheme != boost::urls::scheme::http && scheme != boost::urls::scheme::https) return std::nullopt;
  if (parsed->encoded_host().empty()) return std::nullopt;
  Address a;
  a.host = ascii_lower(parsed->encoded_host());
  a.origin = ascii_lower(parsed->scheme()) + "://" + a.host;
  if (parsed->has_port()) a.origin += ":" + std::string(parsed->port());
  a.target = parsed->encoded_path().empty() ? "/" : std::string(parsed->encoded_path());
  if (parsed->has_query()) a.target += "?" + std::string(parsed->encoded_query());
  return a;
}

// The Fetcher's own per-host cap must not be the tighter one.
FetchLimits page_limits(const PageFetchSettings& settings) {
  FetchLimits limits = settings.limits;
  limits.max_per_host = std::clamp<std::size_t>(settings.max_per_host, 1, 2);
  return limits;
}

// Worth asking once more: the server or the path to it was having a bad moment.
bool transient(const FetchResult& result) {
  return result.outcome == FetchOutcome::timeout ||
         (result.outcome == FetchOutcome::http_error && result.http_status >= 500 && result.http_status <= 599);
}

PageResult not_sent(std::string url, FetchOutcome outcome, std::string error, bool disallowed) {
  PageResult result;
  result.fetch.outcome = outcome;
  result.fetch.url = url;
  result.fetch.final_url = std::move(url);
  result.fetch.error = std::move(error);
  result.disallowed = disallowed;
  return result;
}

}  // namespace

struct PageFetcher::Impl {
  Impl(asio::io_context& context, PageFetchSettings page_settings);

  // One request: a page, or an origin's robots.txt that pages wait for.
  struct Job {
    std::string url;
    Address address;
    Callback done;  // empty for a robots.txt job
    bool retried = false;
  };
  // A page waiting out page_retry_delay before its second attempt.
  struct Retry {
    Job job;
    std::unique_ptr<asio::steady_timer> timer;
  };
  using Ticket = PoliteQueue::Ticket;

  void fetch(std::string url, Callback done);
  void admit(Job job);
  void queue(Job job, bool first);
  void pump();
  void start(Ticket ticket);
  void on_fetched(Ticket ticket, FetchResult result);
  void on_robots(const Job& job, FetchResult result);
  bool retry_later(Job& job, const FetchResult& result);
  void deliver(Callback done, PageResult result);
  void cancel_all();
  Clock::duration gap_for(const RobotsAnswer& answer) const;

  asio::io_context& io;
  const PageFetchSettings settings;
  const std::string user_agent;
  Fetcher fetcher;
  RobotsCache robots;
  PoliteQueue polite;
  asio::steady_timer timer;
  std::map<Ticket, Job> jobs;                               // queued and running
  std::map<std::string, std::vector<Job>> awaiting_robots;  // by origin
  std::map<Ticket, Retry> retries;                          // by the ticket of the failed attempt
  Ticket next_ticket = 1;
  // Fetcher callbacks cancelled at destruction are still posted: they check this first.
  std::shared_ptr<int> alive = std::make_shared<int>(0);
};

PageFetcher::Impl::Impl(asio::io_context& context, PageFetchSettings page_settings)
    : io(context),
      settings(std::move(page_settings)),
      user_agent(settings.limits.user_agent.empty() ? std::string(feedsieve::user_agent) : settings.limits.user_agent),
      fetcher(context, page_limits(settings)),
      robots(settings.robots_ttl, settings.robots_retry),
      polite(std::clamp<std::size_t>(settings.max_per_host, 1, 2), settings.min_interval),
      timer(context) {}

void PageFetcher::Impl::fetch(std::string url, Callback done) {
  auto address = address_of(url);
  if (!address) {
    std::string error = url + ": not an absolute http(s) URL";
    deliver(std::move(done), not_sent(std::move(url), FetchOutcome::network_error, std::move(error), false));
    return;
  }
  admit(Job{std::move(url), std::move(*address), std::move(done)});
  pump();
}

// A page whose origin's robots.txt is known is refused or queued now; else it
// waits for that file, which is fetched ahead of the host's other pages.
void PageFetcher::Impl::admit(Job job) {
  if (const RobotsAnswer* answer = robots.find(job.address.origin, Clock::now())) {
    if (auto refusal = robots_refusal(*answer, job.url, job.address.target)) {
      spdlog::debug("pages: {}", *refusal);
      deliver(std::move(job.done), not_sent(job.url, FetchOutcome::network_error, std::move(*refusal), true));
      return;
    }
    polite.set_gap(job.address.host, gap_for(*answer));  // the queue may have forgotten an idle host
    queue(std::move(job), false);
    return;
  }
  auto& waiting = awaiting_robots[job.address.origin];
  const bool first_waiter = waiting.empty();
  Address address = job.address;
  waiting.push_back(std::move(job));
  if (!first_waiter) return;
  std::string robots_url = address.origin + "/robots.txt";
  address.target = "/robots.txt";
  queue(Job{std::move(robots_url), std::move(address), {}}, true);
}

void PageFetcher::Impl::queue(Job job, bool first) {
  const Ticket ticket = next_ticket++;
  const std::string host = job.address.host;
  jobs.emplace(ticket, std::move(job));
  polite.push(host, ticket, first);
}

void PageFetcher::Impl::pump() {
  const auto now = Clock::now();
  while (const auto ticket = polite.pop_ready(now)) start(*ticket);
  const auto wake = polite.next_wake();
  if (!wake) return;
  timer.expires_at(*wake);
  timer.async_wait([this](const boost::system::error_code& ec) {
    if (!ec) pump();
  });
}

void PageFetcher::Impl::start(Ticket ticket) {
  const Job& job = jobs.at(ticket);
  spdlog::debug("pages: fetching {}", job.url);
  FetchRequest request;
  request.url = job.url;
  request.guarded = true;  // a link from a feed or a page: public addresses only
  fetcher.fetch(std::move(request), [this, ticket, life = std::weak_ptr<int>(alive)](FetchResult result) {
    if (!life.expired()) on_fetched(ticket, std::move(result));
  });
}

void PageFetcher::Impl::on_fetched(Ticket ticket, FetchResult result) {
  const auto found = jobs.find(ticket);
  if (found == jobs.end()) return;  // cancelled meanwhile
  Job job = std::move(found->second);
  jobs.erase(found);
  const std::string host = job.address.host;  // a retried job moves away
  if (job.done) {
    if (!retry_later(job, result)) deliver(std::move(job.done), PageResult{std::move(result), false});
  } else {
    on_robots(job, std::move(result));  // first: its Crawl-delay already spaces the next request
  }
  polite.finished(host, Clock::now());
  pump();
}

// The pages that waited for this robots.txt are refused or queued, in the
// order they came; the host's gap follows its Crawl-delay from now on.
void PageFetcher::Impl::on_robots(const Job& job, FetchResult result) {
  if (result.outcome == FetchOutcome::cancelled) return;
  const RobotsAnswer& answer = robots.store(job.address.origin, robots_answer(result, user_agent), Clock::now());
  if (!answer.unavailable.empty() && !answer.guard_refused)
    spdlog::warn("pages: robots.txt unavailable, pages disallowed for now: {}", answer.unavailable);
  polite.set_gap(job.address.host, gap_for(answer));
  auto waiting = std::move(awaiting_robots[job.address.origin]);
  awaiting_robots.erase(job.address.origin);
  for (Job& page : waiting) admit(std::move(page));
}

// The second attempt is admitted afresh: robots.txt and the host's gap apply
// again. Takes the job (moves it out) when it returns true.
bool PageFetcher::Impl::retry_later(Job& job, const FetchResult& result) {
  if (job.retried || !transient(result)) return false;
  spdlog::debug("pages: {}; asking again in {} ms", result.error, settings.page_retry_delay.count());
  job.retried = true;
  const Ticket key = next_ticket++;
  auto timer_for_retry = std::make_unique<asio::steady_timer>(io, settings.page_retry_delay);
  timer_for_retry->async_wait([this, key, life = std::weak_ptr<int>(alive)](const boost::system::error_code& ec) {
    if (ec || life.expired()) return;
    const auto found = retries.find(key);
    if (found == retries.end()) return;
    Job again = std::move(found->second.job);
    retries.erase(found);
    admit(std::move(again));
    pump();
  });
  retries.emplace(key, Retry{std::move(job), std::move(timer_for_retry)});
  return true;
}

Clock::duration PageFetcher::Impl::gap_for(const RobotsAnswer& answer) const {
  const auto delay = std::min(answer.rules.crawl_delay.value_or(std::chrono::milliseconds(0)), settings.max_crawl_delay);
  return std::max<Clock::duration>(settings.min_interval, delay);
}

void PageFetcher::Impl::deliver(Callback done, PageResult result) {
  asio::post(io, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); });
}

void PageFetcher::Impl::cancel_all() {
  timer.cancel();
  polite.clear();
  auto running = std::exchange(jobs, {});
  auto waiting = std::exchange(awaiting_robots, {});
  auto retrying = std::exchange(retries, {});  // their timers are cancelled as they go
  fetcher.cancel_all();  // their callbacks find no job and do nothing
  const auto cancel = [this](Job& job) {
    if (job.done)
      deliver(std::move(job.done), not_sent(job.url, FetchOutcome::cancelled, job.url + ": cancelled", false));
  };
  for (auto& [ticket, job] : running) cancel(job);
  for (auto& [origin, pages] : waiting)
    for (Job& page : pages) cancel(page);
  for (auto& [key, retry] : retrying) cancel(retry.job);
}

PageFetcher::PageFetcher(asio::io_context& io, PageFetchSettings settings)
    : impl_(std::make_unique<Impl>(io, std::move(settings))) {}

PageFetcher::~PageFetcher() {
  if (impl_) impl_->cancel_all();
}

void PageFetcher::fetch(std::string url, Callback done) { impl_->fetch(std::move(url), std::move(done)); }

void PageFetcher::cancel_all() { impl_->cancel_all(); }

std::size_t PageFetcher::in_flight() const {
  std::size_t n = impl_->jobs.size() + impl_->retries.size();
  for (const auto& [origin, pages] : impl_->awaiting_robots) n += pages.size();
  return n;
}

}  // namespace feedsieve
