// [store], [log], [fetch], [schedule], [canonical]: how feedsieve itself runs.
#include "daemon/config/sections.hpp"
#include "daemon/log/log.hpp"

namespace feedsieve {

using std::chrono::seconds;

void read_store(const Reader& r, const toml::table& root, Config& config) {
  const toml::table* t = r.section(root, "store");
  if (t == nullptr) return;
  r.only_keys(*t, "[store]", {"path", "keep_days", "keep_days_on_topic", "max_items_per_feed"});
  if (auto v = r.integer(*t, "keep_days", "store", 1, 100'000)) config.retention.keep_days = std::chrono::days(*v);
  if (auto v = r.integer(*t, "keep_days_on_topic", "store", 1, 100'000))
    config.retention.keep_days_on_topic = std::chrono::days(*v);
  if (auto v = r.integer(*t, "max_items_per_feed", "store", 1, 10'000'000))
    config.retention.max_items_per_feed = static_cast<int>(*v);
  if (auto path = r.string(*t, "path", "store")) {
    if (path->empty()) r.fail(t->get("path")->source(), "'store.path' must not be empty");
    config.store_path = *path;
  }
}

void read_log(const Reader& r, const toml::table& root, Config& config) {
  const toml::table* t = r.section(root, "log");
  if (t == nullptr) return;
  r.only_keys(*t, "[log]", {"level"});
  if (auto level = r.string(*t, "level", "log")) {
    if (!log::level_from_name(*level))
      r.fail(t->get("level")->source(), "'log.level' must be one of trace, debug, info, warn, error, critical, off");
    config.log_level = *level;
  }
}

void read_fetch(const Reader& r, const toml::table& root, Config& config) {
  const toml::table* t = r.section(root, "fetch");
  if (t == nullptr) return;
  r.only_keys(*t, "[fetch]",
              {"connect_timeout", "timeout", "max_body", "max_redirects", "max_concurrent", "max_per_host", "user_agent",
               "allow_networks"});
  FetchLimits& f = config.fetch;
  if (auto v = r.duration(*t, "connect_timeout", "fetch", seconds(1))) f.connect_timeout = *v;
  if (auto v = r.duration(*t, "timeout", "fetch", seconds(1))) f.total_timeout = *v;
  if (auto v = r.size(*t, "max_body", "fetch")) f.max_body_bytes = *v;
  if (auto v = r.integer(*t, "max_redirects", "fetch", 0, 20)) f.max_redirects = static_cast<int>(*v);
  if (auto v = r.integer(*t, "max_concurrent", "fetch", 1, 10'000)) f.max_concurrent = static_cast<std::size_t>(*v);
  if (auto v = r.integer(*t, "max_per_host", "fetch", 1, 100)) f.max_per_host = static_cast<std::size_t>(*v);
  if (auto v = r.string(*t, "user_agent", "fetch")) f.user_agent = *v;
  for (const std::string& text : r.strings(*t, "allow_networks", "fetch").value_or(std::vector<std::string>{})) {
    const auto network = parse_ip_network(text);
    if (!network)
      r.fail(t->get("allow_networks")->source(),
             "'fetch.allow_networks': '" + text + "' is not a network such as 127.0.0.0/8 or fd00::/8");
    f.allow_networks.push_back(*network);
  }
}

void read_schedule(const Reader& r, const toml::table& root, Config& config) {
  const toml::table* t = r.section(root, "schedule");
  if (t == nullptr) return;
  r.only_keys(*t, "[schedule]",
              {"interval", "jitter", "backoff_base", "backoff_max", "startup_spread", "shutdown_grace", "max_interval",
               "host_requests_per_minute"});
  ScheduleSettings& s = config.schedule;
  if (auto v = r.duration(*t, "interval", "schedule", seconds(1))) s.interval = *v;
  if (auto v = r.fraction(*t, "jitter", "schedule", 0.0, 0.5)) s.jitter = *v;
  if (auto v = r.duration(*t, "backoff_base", "schedule", seconds(1))) s.backoff_base = *v;
  if (auto v = r.duration(*t, "backoff_max", "schedule", seconds(1))) s.backoff_max = *v;
  if (auto v = r.duration(*t, "startup_spread", "schedule", seconds(0))) s.startup_spread = *v;
  if (auto v = r.duration(*t, "shutdown_grace", "schedule", seconds(0))) s.shutdown_grace = *v;
  if (auto v = r.duration(*t, "max_interval", "schedule", seconds(1))) s.max_interval = *v;
  if (auto v = r.integer(*t, "host_requests_per_minute", "schedule", 0, 60'000))
    s.host_requests_per_minute = static_cast<int>(*v);
  if (s.backoff_max < s.backoff_base)
    r.fail(t->source(), "'schedule.backoff_max' must not be shorter than 'schedule.backoff_base'");
}

void read_canonical(const Reader& r, const toml::table& root, Config& config) {
  const toml::table* t = r.section(root, "canonical");
  if (t == nullptr) return;
  r.only_keys(*t, "[canonical]", {"tracking_parameters", "extra_tracking_parameters"});
  if (auto v = r.strings(*t, "tracking_parameters", "canonical")) config.canonical.tracking_parameters = *v;
  if (auto v = r.strings(*t, "extra_tracking_parameters", "canonical"))
    config.canonical.tracking_parameters.insert(config.canonical.tracking_parameters.end(), v->begin(), v->end());
}

}  // namespace feedsieve
