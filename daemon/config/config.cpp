// Each [section] has its reader; every reader rejects keys it does not know,
// so a typo is an error at its line instead of a setting silently ignored.
#include "daemon/config/config.hpp"

#include <boost/url/parse.hpp>
#include <cstdlib>
#include <set>
#include <sstream>
#include <toml++/toml.h>

#include "daemon/config/units.hpp"
#include "daemon/log/log.hpp"

namespace feedsieve {
namespace {

using std::chrono::seconds;

std::string join(const std::vector<std::string_view>& words) {
  std::string out;
  for (const auto& w : words) out += (out.empty() ? "" : ", ") + std::string(w);
  return out;
}

class Reader {
 public:
  explicit Reader(std::filesystem::path file) : file_(std::move(file)) {}

  [[noreturn]] void fail(const toml::source_region& where, const std::string& what) const {
    std::ostringstream out;
    out << file_.string();
    if (where.begin.line > 0) out << ':' << where.begin.line << ':' << where.begin.column;
    out << ": error: " << what;
    throw ConfigError(out.str());
  }

  void only_keys(const toml::table& table, std::string_view section, const std::vector<std::string_view>& known) const {
    for (const auto& [key, value] : table) {
      bool ok = false;
      for (const auto& k : known) ok = ok || key.str() == k;
      if (!ok)
        fail(key.source(), "unknown key '" + std::string(key.str()) + "' in " + std::string(section) +
                               " (known keys: " + join(known) + ")");
    }
  }

  const toml::table* section(const toml::table& root, std::string_view name) const {
    const toml::node* node = root.get(name);
    if (node == nullptr) return nullptr;
    if (!node->is_table()) fail(node->source(), "'" + std::string(name) + "' must be a table: [" + std::string(name) + "]");
    return node->as_table();
  }

  std::optional<std::string> string(const toml::table& t, std::string_view key, std::string_view where) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_string()) fail(node->source(), name(where, key) + " must be a string in quotes");
    return node->value<std::string>();
  }

  std::optional<bool> boolean(const toml::table& t, std::string_view key, std::string_view where) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return std::nullopt;
    if (!node->is_boolean()) fail(node->source(), name(where, key) + " must be true or false");
    return node->value<bool>();
  }

  std::optional<std::int64_t> integer(const toml::table& t, std::string_view key, std::string_view where,
                                      std::int64_t min, std::int64_t max) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return std::nullopt;
    const auto value = node->is_integer() ? node->value<std::int64_t>() : std::nullopt;
    if (!value || *value < min || *value > max)
      fail(node->source(), name(where, key) + " must be a whole number from " + std::to_string(min) + " to " +
                               std::to_string(max));
    return value;
  }

  std::optional<double> fraction(const toml::table& t, std::string_view key, std::string_view where, double min,
                                 double max) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return std::nullopt;
    const auto value = (node->is_floating_point() || node->is_integer()) ? node->value<double>() : std::nullopt;
    if (!value || *value < min || *value > max) {
      std::ostringstream range;
      range << min << " to " << max;
      fail(node->source(), name(where, key) + " must be a number from " + range.str());
    }
    return value;
  }

  // A duration is "30s", "5m", "2h", "7d" (or a number of seconds).
  std::optional<seconds> duration(const toml::table& t, std::string_view key, std::string_view where,
                                  seconds min) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<seconds> value;
    if (node->is_integer()) value = seconds(*node->value<std::int64_t>());
    if (node->is_string()) value = parse_duration(*node->value<std::string>());
    if (!value) fail(node->source(), name(where, key) + " must be a duration such as \"90s\", \"30m\", \"2h\" or \"7d\"");
    if (*value < min)
      fail(node->source(), name(where, key) + " must be at least " + std::to_string(min.count()) + " seconds");
    return value;
  }

  std::optional<std::uint64_t> size(const toml::table& t, std::string_view key, std::string_view where) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return std::nullopt;
    std::optional<std::uint64_t> value;
    if (node->is_integer() && *node->value<std::int64_t>() > 0) value = *node->value<std::int64_t>();
    if (node->is_string()) value = parse_size(*node->value<std::string>());
    if (!value || *value == 0) fail(node->source(), name(where, key) + " must be a size such as \"512KiB\" or \"16MiB\"");
    return value;
  }

  std::optional<std::vector<std::string>> strings(const toml::table& t, std::string_view key,
                                                  std::string_view where) const {
    const toml::node* node = t.get(key);
    if (node == nullptr) return std::nullopt;
    const toml::array* array = node->as_array();
    if (array == nullptr) fail(node->source(), name(where, key) + " must be a list of strings: [\"a\", \"b\"]");
    std::vector<std::string> out;
    for (const auto& element : *array) {
      if (!element.is_string()) fail(element.source(), name(where, key) + " must hold only strings");
      out.push_back(*element.value<std::string>());
    }
    return out;
  }

 private:
  static std::string name(std::string_view where, std::string_view key) {
    return "'" + std::string(where) + (where.empty() ? "" : ".") + std::string(key) + "'";
  }

  std::filesystem::path file_;
};

void read_store(const Reader& r, const toml::table& root, Config& config) {
  const toml::table* t = r.section(root, "store");
  if (t == nullptr) return;
  r.only_keys(*t, "[store]", {"path"});
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
              {"connect_timeout", "timeout", "max_body", "max_redirects", "max_concurrent", "max_per_host", "user_agent"});
  FetchLimits& f = config.fetch;
  if (auto v = r.duration(*t, "connect_timeout", "fetch", seconds(1))) f.connect_timeout = *v;
  if (auto v = r.duration(*t, "timeout", "fetch", seconds(1))) f.total_timeout = *v;
  if (auto v = r.size(*t, "max_body", "fetch")) f.max_body_bytes = *v;
  if (auto v = r.integer(*t, "max_redirects", "fetch", 0, 20)) f.max_redirects = static_cast<int>(*v);
  if (auto v = r.integer(*t, "max_concurrent", "fetch", 1, 10'000)) f.max_concurrent = static_cast<std::size_t>(*v);
  if (auto v = r.integer(*t, "max_per_host", "fetch", 1, 100)) f.max_per_host = static_cast<std::size_t>(*v);
  if (auto v = r.string(*t, "user_agent", "fetch")) f.user_agent = *v;
}

void read_schedule(const Reader& r, const toml::table& root, Config& config) {
  const toml::table* t = r.section(root, "schedule");
  if (t == nullptr) return;
  r.only_keys(*t, "[schedule]",
              {"interval", "jitter", "backoff_base", "backoff_max", "startup_spread", "shutdown_grace"});
  ScheduleSettings& s = config.schedule;
  if (auto v = r.duration(*t, "interval", "schedule", seconds(1))) s.interval = *v;
  if (auto v = r.fraction(*t, "jitter", "schedule", 0.0, 0.5)) s.jitter = *v;
  if (auto v = r.duration(*t, "backoff_base", "schedule", seconds(1))) s.backoff_base = *v;
  if (auto v = r.duration(*t, "backoff_max", "schedule", seconds(1))) s.backoff_max = *v;
  if (auto v = r.duration(*t, "startup_spread", "schedule", seconds(0))) s.startup_spread = *v;
  if (auto v = r.duration(*t, "shutdown_grace", "schedule", seconds(0))) s.shutdown_grace = *v;
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

bool is_http_url(const std::string& text) {
  const auto url = boost::urls::parse_absolute_uri(text);
  if (!url) return false;
  const auto scheme = url->scheme_id();
  return (scheme == boost::urls::scheme::http || scheme == boost::urls::scheme::https) && !url->host().empty();
}

FeedConfig read_feed(const Reader& r, const toml::table& t, const std::string& where) {
  r.only_keys(t, where, {"name", "url", "interval", "enabled", "tags"});
  FeedConfig feed;
  const auto url = r.string(t, "url", "feeds");
  if (!url) r.fail(t.source(), where + " has no 'url': add url = \"https://example.com/feed.xml\"");
  if (!is_http_url(*url))
    r.fail(t.get("url")->source(), "'feeds.url' must be an absolute http:// or https:// URL, got \"" + *url + "\"");
  feed.url = *url;
  feed.name = r.string(t, "name", "feeds").value_or(feed.url);
  if (feed.name.empty()) r.fail(t.get("name")->source(), "'feeds.name' must not be empty");
  feed.interval = r.duration(t, "interval", "feeds", seconds(1));
  feed.enabled = r.boolean(t, "enabled", "feeds").value_or(true);
  feed.tags = r.strings(t, "tags", "feeds").value_or(std::vector<std::string>{});
  return feed;
}

void read_feeds(const Reader& r, const toml::table& root, Config& config) {
  const toml::node* node = root.get("feeds");
  if (node == nullptr) return;
  const toml::array* feeds = node->as_array();
  if (feeds == nullptr) r.fail(node->source(), "'feeds' must be an array of tables: write each feed as [[feeds]]");
  std::set<std::string> names;
  for (std::size_t i = 0; i < feeds->size(); ++i) {
    const toml::node& entry = *feeds->get(i);
    if (!entry.is_table()) r.fail(entry.source(), "each entry of 'feeds' must be a table: write it as [[feeds]]");
    FeedConfig feed = read_feed(r, *entry.as_table(), "[[feeds]] #" + std::to_string(i + 1));
    if (!names.insert(feed.name).second)
      r.fail(entry.source(), "two feeds are named \"" + feed.name + "\": give each a unique 'name'");
    config.feeds.push_back(std::move(feed));
  }
}

}  // namespace

Config load_config(const std::filesystem::path& path) {
  const Reader reader(path);
  toml::table root;
  try {
    root = toml::parse_file(path.string());
  } catch (const toml::parse_error& e) {
    if (e.source().begin.line == 0 && !std::filesystem::exists(path))
      throw ConfigError(path.string() + ": error: cannot read the config file (does it exist?)");
    reader.fail(e.source(), std::string(e.description()));
  }
  reader.only_keys(root, "the top level", {"store", "log", "fetch", "schedule", "canonical", "feeds"});
  Config config;
  config.source = path;
  config.store_path = "feedsieve.db";
  read_store(reader, root, config);
  read_log(reader, root, config);
  read_fetch(reader, root, config);
  read_schedule(reader, root, config);
  read_canonical(reader, root, config);
  read_feeds(reader, root, config);
  return config;
}

std::filesystem::path find_config(const std::optional<std::filesystem::path>& cli_path) {
  if (cli_path) {
    if (!std::filesystem::exists(*cli_path)) throw ConfigError(cli_path->string() + ": error: no such config file");
    return *cli_path;
  }
  if (const char* env = std::getenv("FEEDSIEVE_CONFIG"); env != nullptr && *env != '\0') {
    if (!std::filesystem::exists(env))
      throw ConfigError(std::string(env) + ": error: no such config file (named by $FEEDSIEVE_CONFIG)");
    return env;
  }
  for (const std::filesystem::path candidate : {"/etc/feedsieve/feedsieve.toml", "config/feedsieve.toml"})
    if (std::filesystem::exists(candidate)) return candidate;
  throw ConfigError(
      "error: no config file found: pass --config FILE, set $FEEDSIEVE_CONFIG, or create "
      "/etc/feedsieve/feedsieve.toml");
}

std::filesystem::path resolve_store_path(const std::filesystem::path& configured) {
  if (configured.is_absolute()) return configured;
  if (const char* state = std::getenv("STATE_DIRECTORY"); state != nullptr && *state != '\0') {
    // systemd may list several directories separated by ':'; the first is ours.
    const std::string first = std::string(state).substr(0, std::string(state).find(':'));
    return std::filesystem::path(first) / configured;
  }
  return configured;
}

}  // namespace feedsieve
