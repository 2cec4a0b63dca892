// Threads: the io_context thread owns the network, the timers, the signals and
// every feed's in-memory state. Parsing runs on a small worker pool; the store
// is written on one strand of that pool, so SQLite has exactly one writer.
// Values cross between them by copy or move, never by shared mutable state.
#include "daemon/run/daemon.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/signal_set.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/strand.hpp>
#include <boost/asio/thread_pool.hpp>
#include <csignal>
#include <cstdio>
#include <map>
#include <memory>
#include <random>
#include <set>

#include "daemon/api/server.hpp"
#include "daemon/log/log.hpp"
#include "daemon/run/article_pass.hpp"
#include "daemon/run/notify.hpp"
#include "daemon/run/poll_result.hpp"
#include "daemon/schedule/host_budget.hpp"
#include "daemon/store/feed_status.hpp"
#include "feeds/date/date.hpp"

namespace feedsieve {
namespace {

namespace asio = boost::asio;
using std::chrono::seconds;

Timestamp now_utc() { return std::chrono::floor<seconds>(std::chrono::system_clock::now()); }

// Retention first runs a while after start, when the first polls are stored.
constexpr std::chrono::minutes first_prune_delay{10};

struct FeedSlot {
  FeedConfig config;
  FeedRecord record;
  std::uint64_t generation = 0;  // bumped when the feed is replaced, so stale completions are ignored
  std::unique_ptr<asio::steady_timer> timer;
};

struct Tally {
  int ok = 0;
  int not_modified = 0;
  int failed = 0;
  int new_items = 0;
  int updated_items = 0;
  int new_stories = 0;
  int not_stored = 0;  // polls the store refused (locked past its timeout, disk full...)

  // A poll the store refused counts as not stored, whatever its fetch gave.
  void count(const PollRecord& record, const PollStored& stored, bool store_failed) {
    if (store_failed) ++not_stored;
    else if (record.status == PollStatus::ok) ++ok;
    else if (record.status == PollStatus::not_modified) ++not_modified;
    else ++failed;
    new_items += stored.new_items;
    updated_items += stored.updated_items;
    new_stories += stored.new_stories;
  }

  std::string line() const {
    return std::to_string(ok + not_modified + failed + not_stored) + " feeds polled: " + std::to_string(ok) +
           " ok, " + std::to_string(not_modified) + " not modified, " + std::to_string(failed) + " failed" +
           (not_stored > 0 ? ", " + std::to_string(not_stored) + " not stored" : std::string()) + "; " +
           std::to_string(new_items) + " new items, " + std::to_string(updated_items) + " updated, " +
           std::to_string(new_stories) + " new stories";
  }
};

// A poll's outcome as it travels back from the store strand to the io thread.
struct PollDone {
  std::string name;
  std::uint64_t generation = 0;
  PollPlan plan;
  PollStored stored;
  std::string store_error;  // set when the store refused the poll
};

class Daemon {
 public:
  Daemon(RunOptions options, Config config, Store store)
      : options_(std::move(options)),
        config_(std::make_shared<const Config>(std::move(config))),
        store_(std::move(store)),
        store_strand_(asio::make_strand(workers_)),
        fetcher_(io_, config_->fetch),
        articles_(io_, workers_, config_->articles.pages),
        signals_(io_, SIGINT, SIGTERM, SIGHUP),
        watchdog_timer_(io_),
        grace_timer_(io_),
        prune_timer_(io_),
        host_budget_(config_->schedule.host_requests_per_minute),
        rng_(std::random_device{}()) {}

  int run() {
    if (!start_api()) return 1;
    wait_for_signal();
    start_watchdog();
    if (!options_.once) schedule_prune(first_prune_delay);
    for (const auto& feed : config_->feeds)
      if (feed.enabled) add_feed(feed, store_.upsert_feed(feed.name, feed.url));
    spdlog::info("feedsieve started: {} feeds, store {}", feeds_.size(), store_.path().string());
    notifier_.ready();
    notifier_.status(status_line());
    if (options_.once && pending_once_.empty()) finish();
    io_.run();
    workers_.join();
    if (api_) api_->stop();
    if (options_.once) std::fprintf(stderr, "feedsieve: %s\n", tally_.line().c_str());
    spdlog::info("feedsieve stopped: {}", tally_.line());
    // A poll that could not be stored is lost: with --once, nobody retries it.
    return options_.once && tally_.not_stored > 0 ? 1 : 0;
  }

 private:
  double random() { return std::uniform_real_distribution<double>(0.0, 1.0)(rng_); }

  std::string status_line() const {
    return "polling " + std::to_string(feeds_.size()) + " feeds; " + tally_.line() + " since start";
  }

  void add_feed(const FeedConfig& feed, FeedRecord record) {
    const Timestamp now = now_utc();
    const Timestamp first =
        options_.once ? now : first_poll(now, record.next_poll, config_->schedule.startup_spread, random());
    FeedSlot& slot = feeds_[feed.name];
    slot.config = feed;
    slot.record = std::move(record);
    slot.generation = next_generation_++;
    slot.timer = std::make_unique<asio::steady_timer>(io_);
    if (is_gone(slot.record)) {
      spdlog::warn("feed '{}': not polled: the server answered 410 Gone; change its url or remove it", feed.name);
      return;
    }
    if (options_.once) pending_once_.insert(feed.name);
    // Says whether a restart resumed the stored schedule or found the feed due.
    spdlog::debug("feed '{}': first poll at {}", feed.name, format_rfc3339(first));
    arm(feed.name, first);
  }

  // `booked`: the host budget already granted this poll its start time.
  template <class Time>
  void arm(const std::string& name, Time when, bool booked = false) {
    FeedSlot& slot = feeds_.at(name);
    const auto delay = std::max(std::chrono::system_clock::duration::zero(), when - std::chrono::system_clock::now());
    slot.timer->expires_after(std::chrono::duration_cast<std::chrono::steady_clock::duration>(delay));
    slot.timer->async_wait([this, name, generation = slot.generation, booked](const boost::system::error_code& ec) {
      if (!ec) poll(name, generation, booked);
    });
  }

  // A host whose budget is spent delays its own feeds only: each waits on its own timer.
  bool wait_for_budget(const std::string& name, const std::string& url) {
    const auto now = std::chrono::floor<std::chrono::milliseconds>(std::chrono::system_clock::now());
    const auto start = host_budget_.reserve(budget_host(url), now);
    if (start <= now) return false;
    spdlog::debug("feed '{}': host budget spent, polling at {}", name, format_rfc3339(std::chrono::floor<seconds>(start)));
    arm(name, start, true);
    return true;
  }

  FeedSlot* find(const std::string& name, std::uint64_t generation) {
    const auto it = feeds_.find(name);
    return it != feeds_.end() && it->second.generation == generation ? &it->second : nullptr;
  }

  void poll(const std::string& name, std::uint64_t generation, bool booked) {
    const FeedSlot* slot = find(name, generation);
    if (slot == nullptr || stopping_) return;
    FetchRequest request;
    request.url = slot->record.moved_to.value_or(slot->config.url);
    if (!booked && wait_for_budget(name, request.url)) return;
    request.etag = slot->record.etag;
    request.last_modified = slot->record.last_modified;
    metrics_.set_polls_in_flight(++in_flight_);
    spdlog::debug("feed '{}': fetching {}", name, request.url);
    fetcher_.fetch(std::move(request), [this, name, generation, record = slot->record,
                                        feed = slot->config](FetchResult result) mutable {
      on_fetched(name, generation, std::move(record), std::move(feed), std::move(result));
    });
  }

  void on_fetched(std::string name, std::uint64_t generation, FeedRecord record, FeedConfig feed,
                  FetchResult result) {
    if (result.outcome == FetchOutcome::cancelled) {
      spdlog::warn("feed '{}': poll abandoned at shutdown", name);
      metrics_.set_polls_in_flight(--in_flight_);
      maybe_finish();
      return;
    }
    metrics_.fetched(result.http_status, result.body.size(), result.elapsed);
    PollDone done{std::move(name), generation, {}, {}, {}};
    asio::post(workers_, [this, done = std::move(done), record = std::move(record), feed = std::move(feed),
                          config = config_, result = std::move(result), now = now_utc(), r = random()]() mutable {
      try {
        const auto started = std::chrono::steady_clock::now();
        done.plan = plan_poll(record, feed, *config, result, now, r);
        if (result.outcome == FetchOutcome::ok) metrics_.parsed(std::chrono::steady_clock::now() - started);
      } catch (const std::exception& e) {
        // A bug or an exhausted resource must cost this poll, not the daemon.
        FetchResult failed;
        failed.error = result.url + ": cannot process the response: " + e.what();
        done.plan = plan_poll(record, feed, *config, failed, now, r);
      }
      if (wants_articles(*config, feed, done.plan.record)) {
        asio::post(store_strand_, [this, done = std::move(done), feed = std::move(feed), config]() mutable {
          enrich_then_store(std::move(done), std::move(feed), std::move(config));
        });
        return;
      }
      asio::post(store_strand_, [this, done = std::move(done)]() mutable { store_poll(std::move(done)); });
    });
  }

  // Runs on the store strand: which items are new, then their article pages
  // (article_pass.hpp), then the poll is stored with them.
  void enrich_then_store(PollDone done, FeedConfig feed, std::shared_ptr<const Config> config) {
    std::vector<ItemSighting> sightings;
    try {
      sightings = store_.item_sightings(done.plan.record.feed_id, done.plan.record.items);
    } catch (const StoreError& e) {
      spdlog::error("feed '{}': articles not fetched: {}", done.name, e.what());
      return store_poll(std::move(done));
    }
    asio::post(io_, [this, done = std::move(done), feed = std::move(feed), config = std::move(config),
                     sightings = std::move(sightings)]() mutable {
      auto items = std::move(done.plan.record.items);
      articles_.run(std::move(config), std::move(feed), std::move(items), std::move(sightings),
                    [this, done = std::move(done)](std::vector<NormalizedItem> enriched) mutable {
                      done.plan.record.items = std::move(enriched);
                      asio::post(store_strand_, [this, done = std::move(done)]() mutable { store_poll(std::move(done)); });
                    });
    });
  }

  // Runs on the store strand only.
  void store_poll(PollDone done) {
    try {
      done.stored = store_.record_poll(done.plan.record);
    } catch (const std::exception& e) {
      done.store_error = e.what();
    }
    done.plan.record.items.clear();  // stored; the io thread needs only the feed state
    asio::post(io_, [this, done = std::move(done)]() mutable { on_stored(std::move(done)); });
  }

  void on_stored(PollDone done) {
    metrics_.set_polls_in_flight(--in_flight_);
    const PollRecord& record = done.plan.record;
    const bool store_failed = !done.store_error.empty();
    if (!store_failed && !done.stored.discarded) metrics_.stored(record.status, done.stored);  // before the log line
    log_poll(done);
    if (!done.stored.discarded) tally_.count(record, done.stored, store_failed);
    notifier_.status(status_line());
    if (FeedSlot* slot = find(done.name, done.generation)) {
      Timestamp next = record.next_poll;
      if (done.store_error.empty()) {
        remember(slot->record, record);
      } else {
        next = now_utc() + config_->schedule.backoff_base;  // the poll is lost; retry it soon
      }
      if (!stopping_ && !options_.once && !is_gone(slot->record)) arm(done.name, next);
    }
    pending_once_.erase(done.name);
    maybe_finish();
  }

  static void remember(FeedRecord& feed, const PollRecord& poll) {
    feed.last_attempt = poll.attempted_at;
    feed.last_status = poll.http_status;
    feed.last_error = poll.error;
    feed.error_count = poll.error_count;
    feed.next_poll = poll.next_poll;
    if (poll.status != PollStatus::failed) {
      feed.last_success = poll.attempted_at;
      feed.etag = poll.etag;
      feed.last_modified = poll.last_modified;
    }
    if (poll.moved_to) feed.moved_to = poll.moved_to;
  }

  void log_poll(const PollDone& done) const {
    const PollRecord& record = done.plan.record;
    if (!done.store_error.empty()) {
      spdlog::error("feed '{}': poll not stored: {}", done.name, done.store_error);
    } else if (done.stored.discarded) {
      spdlog::info("feed '{}': poll of its previous URL {} discarded", done.name, record.feed_url);
    } else if (record.status == PollStatus::failed) {
      spdlog::warn("feed '{}': {}", done.name, done.plan.summary);
    } else {
      spdlog::info("feed '{}': {}; {} new, {} updated", done.name, done.plan.summary, done.stored.new_items,
                   done.stored.updated_items);
    }
    if (record.moved_to) spdlog::warn("feed '{}': moved permanently to {}", done.name, *record.moved_to);
  }

  void wait_for_signal() {
    signals_.async_wait([this](const boost::system::error_code& ec, int signo) {
      if (ec) return;
      if (signo == SIGHUP) {
        reload();
      } else if (!stopping_) {
        spdlog::info("received {}: stopping", signo == SIGTERM ? "SIGTERM" : "SIGINT");
        begin_shutdown();
      } else {
        spdlog::warn("second stop signal: abandoning {} polls in flight", in_flight_);
        fetcher_.cancel_all();
        articles_.cancel_all();
      }
      wait_for_signal();
    });
  }

  void reload() {
    notifier_.reloading();
    try {
      apply(load_config(options_.config_path));
    } catch (const ConfigError& e) {
      spdlog::error("config reload refused, the running config stays in force: {}", e.what());
    }
    notifier_.ready();
    notifier_.status(status_line());
  }

  void apply(Config fresh) {
    if (resolve_store_path(fresh.store_path) != resolve_store_path(config_->store_path))
      spdlog::warn("config reload: a new store path takes effect only after a restart");
    if (fresh.fetch.max_concurrent != config_->fetch.max_concurrent ||
        fresh.fetch.max_per_host != config_->fetch.max_per_host)
      spdlog::warn("config reload: new [fetch] concurrency limits take effect only after a restart");
    log::set_level(fresh.log_level);
    if (fresh.api != config_->api) spdlog::warn("config reload: a new [api] section takes effect only after a restart");
    if (api_) api_->set_feeds(as_configured(fresh.feeds));
    std::map<std::string, const FeedConfig*> wanted;
    for (const auto& feed : fresh.feeds)
      if (feed.enabled) wanted[feed.name] = &feed;
    for (auto it = feeds_.begin(); it != feeds_.end();) {
      const auto keep = wanted.find(it->first);
      if (keep != wanted.end() && keep->second->url == it->second.config.url) {
        it->second.config = *keep->second;  // a new interval applies from the next poll on
        wanted.erase(keep);
        ++it;
      } else {
        spdlog::info("config reload: feed '{}' {}", it->first, keep == wanted.end() ? "removed" : "changed its url");
        pending_once_.erase(it->first);
        it = feeds_.erase(it);  // destroying the timer cancels its wait
      }
    }
    config_ = std::make_shared<const Config>(std::move(fresh));
    for (const auto& [name, feed] : wanted) start_added(*feed);
    spdlog::info("config reloaded: {} feeds", feeds_.size() + wanted.size());
  }

  // The feed row is created on the store strand; the feed starts once it exists.
  void start_added(FeedConfig feed) {
    asio::post(store_strand_, [this, feed = std::move(feed)]() mutable {
      try {
        FeedRecord record = store_.upsert_feed(feed.name, feed.url);
        asio::post(io_, [this, feed = std::move(feed), record = std::move(record)]() mutable {
          if (stopping_ || feeds_.count(feed.name) != 0) return;
          spdlog::info("config reload: feed '{}' added", feed.name);
          add_feed(feed, std::move(record));
        });
      } catch (const StoreError& e) {
        spdlog::error("config reload: feed '{}' not started: {}", feed.name, e.what());
      }
    });
  }

  // Retention runs on the store strand, like every write; a policy changed by
  // a reload applies from the next run.
  void schedule_prune(std::chrono::steady_clock::duration delay) {
    prune_timer_.expires_after(delay);
    prune_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec || stopping_) return;
      asio::post(store_strand_, [this, policy = config_->retention] {
        if (!policy.any()) return;
        try {
          const PruneReport report = store_.prune(policy, now_utc());
          spdlog::info("retention: removed {} items and {} stories", report.items, report.stories);
        } catch (const StoreError& e) {
          spdlog::error("retention: {}", e.what());
        }
      });
      schedule_prune(std::chrono::hours(24));
    });
  }

  // The API serves on its own threads from its own read-only connections; a
  // --once run ends too soon to serve anything.
  bool start_api() {
    if (!config_->api.enabled || options_.once) return true;
    try {
      api_ = std::make_unique<ApiServer>(config_->api, store_.path(), metrics_);
      api_->set_feeds(as_configured(config_->feeds));
      api_->start();
      return true;
    } catch (const ApiError& e) {
      spdlog::critical("{}", e.what());
      return false;
    }
  }

  void start_watchdog() {
    const auto period = notifier_.watchdog_period();
    if (!period) return;
    watchdog_timer_.expires_after(*period);
    watchdog_timer_.async_wait([this](const boost::system::error_code& ec) {
      if (ec) return;
      notifier_.watchdog();
      start_watchdog();
    });
  }

  void begin_shutdown() {
    stopping_ = true;
    notifier_.stopping();
    for (auto& [name, slot] : feeds_) slot.timer->cancel();
    if (in_flight_ > 0) {
      spdlog::info("waiting up to {}s for {} polls in flight", config_->schedule.shutdown_grace.count(), in_flight_);
      grace_timer_.expires_after(config_->schedule.shutdown_grace);
      grace_timer_.async_wait([this](const boost::system::error_code& ec) {
        if (ec) return;
        spdlog::warn("shutdown grace over: abandoning {} polls in flight", in_flight_);
        fetcher_.cancel_all();
        articles_.cancel_all();
      });
    }
    maybe_finish();
  }

  void maybe_finish() {
    const bool once_done = options_.once && pending_once_.empty();
    if (in_flight_ == 0 && (stopping_ || once_done)) finish();
  }

  void finish() {
    if (finished_) return;
    finished_ = true;
    if (!stopping_) notifier_.stopping();
    signals_.cancel();
    watchdog_timer_.cancel();
    grace_timer_.cancel();
    prune_timer_.cancel();
    feeds_.clear();
    io_.stop();
  }

  RunOptions options_;
  std::shared_ptr<const Config> config_;
  Metrics metrics_;  // before everything that updates it; read by api_
  asio::io_context io_;
  Store store_;  // after run() begins, used on store_strand_ only
  asio::thread_pool workers_{2};
  asio::strand<asio::thread_pool::executor_type> store_strand_;
  Fetcher fetcher_;
  ArticlePass articles_;  // page fetches for fetch_article; io thread only
  asio::signal_set signals_;
  asio::steady_timer watchdog_timer_;
  asio::steady_timer grace_timer_;
  asio::steady_timer prune_timer_;
  HostBudget host_budget_;  // on the io thread only; its rate is fixed at start
  Notifier notifier_;
  std::map<std::string, FeedSlot> feeds_;
  std::set<std::string> pending_once_;
  std::uint64_t next_generation_ = 1;
  int in_flight_ = 0;  // fetched, parsing or storing
  bool stopping_ = false;
  bool finished_ = false;
  Tally tally_;
  std::mt19937_64 rng_;
  std::unique_ptr<ApiServer> api_;  // when [api] is enabled
};

}  // namespace

int run_daemon(const RunOptions& options, Config config, Store store) {
  Daemon daemon(options, std::move(config), std::move(store));
  return daemon.run();
}

}  // namespace feedsieve
