// Routing, authentication and the small routes: health, readiness, metrics, feeds.
#include "daemon/api/handler.hpp"

#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <boost/url/parse.hpp>
#include <boost/url/url_view.hpp>
#include <filesystem>
#include <optional>
#include <system_error>

#include "daemon/api/routes.hpp"
#include "feeds/json/json_text.hpp"

namespace feedsieve {

using api_detail::Params;

ApiResponse error_response(int status, const std::string& what) {
  ApiResponse response = api_detail::json_response(boost::json::object{{"error", what}});
  response.status = status;
  return response;
}

namespace api_detail {

ApiResponse json_response(const boost::json::value& value) {
  ApiResponse response;
  response.body = json_text(value);
  response.body += '\n';
  return response;
}

void only_params(const Params& params, const std::vector<std::string_view>& known) {
  for (const auto& [name, value] : params) {
    if (std::find(known.begin(), known.end(), name) != known.end()) continue;
    std::string list;
    for (const auto& k : known) list += (list.empty() ? "" : ", ") + std::string(k);
    throw ApiProblem(400, "unknown parameter '" + name + "'" + (known.empty() ? "" : " (known: " + list + ")"));
  }
}

}  // namespace api_detail

namespace {

using std::chrono::seconds;

struct Target {
  std::string path;
  Params params;
};

Target parse_target(const std::string& target) {
  const auto parsed = boost::urls::parse_origin_form(target);
  if (!parsed) throw ApiProblem(400, "the request target '" + target + "' is not a valid path and query");
  Target out;
  out.path = parsed->path();
  for (const auto& param : parsed->params()) {
    if (!out.params.emplace(param.key, param.value).second)
      throw ApiProblem(400, "parameter '" + param.key + "' is given more than once");
  }
  return out;
}

// Compares in time independent of where the first difference is.
bool same_secret(std::string_view given, std::string_view expected) {
  unsigned char difference = given.size() == expected.size() ? 0 : 1;
  for (std::size_t i = 0; i < given.size(); ++i)
    difference |= static_cast<unsigned char>(given[i] ^ expected[i % std::max<std::size_t>(1, expected.size())]);
  return difference == 0;
}

void authenticate(const ApiSettings& settings, const std::string& authorization) {
  if (!settings.token) return;
  constexpr std::string_view scheme = "bearer ";
  const bool bearer = authorization.size() > scheme.size() &&
                      std::equal(scheme.begin(), scheme.end(), authorization.begin(),
                                 [](char a, char b) { return a == std::tolower(static_cast<unsigned char>(b)); });
  if (!bearer)
    throw ApiProblem(401, "this API needs 'Authorization: Bearer TOKEN'",
                     {{"WWW-Authenticate", "Bearer realm=\"feedsieve\""}});
  if (!same_secret(std::string_view(authorization).substr(scheme.size()), *settings.token))
    throw ApiProblem(401, "the bearer token is not valid",
                     {{"WWW-Authenticate", "Bearer realm=\"feedsieve\", error=\"invalid_token\""}});
}

std::uint64_t store_bytes(const std::filesystem::path& path) {
  std::uint64_t total = 0;
  for (const auto& file : {path, std::filesystem::path(path.string() + "-wal")}) {
    std::error_code error;
    const auto size = std::filesystem::file_size(file, error);
    if (!error) total += size;
  }
  return total;
}

Timestamp now_utc() { return std::chrono::floor<seconds>(std::chrono::system_clock::now()); }

ApiResponse text_response(std::string body, std::string content_type) {
  ApiResponse response;
  response.body = std::move(body);
  response.content_type = std::move(content_type);
  return response;
}

constexpr std::string_view story_prefix = "/api/stories/";

}  // namespace

ApiHandler::ApiHandler(ApiSettings settings, ReadConnections& connections, Metrics& metrics)
    : settings_(std::move(settings)),
      connections_(connections),
      metrics_(metrics),
      feeds_(std::make_shared<const std::vector<ConfiguredFeed>>()) {}

void ApiHandler::set_feeds(std::vector<ConfiguredFeed> feeds) {
  auto fresh = std::make_shared<const std::vector<ConfiguredFeed>>(std::move(feeds));
  const std::lock_guard lock(feeds_mutex_);
  feeds_ = std::move(fresh);
}

std::shared_ptr<const std::vector<ConfiguredFeed>> ApiHandler::feeds() const {
  const std::lock_guard lock(feeds_mutex_);
  return feeds_;
}

ApiResponse ApiHandler::handle(const ApiRequest& request) const {
  ApiResponse response;
  try {
    response = route(request);
  } catch (const ApiProblem& problem) {
    response = error_response(problem.status(), problem.what());
    response.headers = problem.headers();
  } catch (const StoreError& e) {
    spdlog::warn("api: {} {}: {}", request.method, request.target, e.what());
    response = error_response(503, e.what());
  } catch (const std::exception& e) {
    spdlog::error("api: {} {}: {}", request.method, request.target, e.what());
    response = error_response(500, std::string("internal error: ") + e.what());
  }
  metrics_.answered(response.status);
  return response;
}

ApiResponse ApiHandler::route(const ApiRequest& request) const {
  const Target target = parse_target(request.target);
  const std::string& path = target.path;
  const bool open = path == "/healthz" || path == "/readyz";
  if (!open) authenticate(settings_, request.authorization);
  const bool known = open || path == "/metrics" || path == "/api/stories" || path == "/api/events" ||
                     path == "/api/feeds" || path == "/feed.atom" || path == "/feed.json" ||
                     (path.size() > story_prefix.size() && path.starts_with(story_prefix));
  if (!known) throw ApiProblem(404, "no route " + path);
  if (request.method != "GET" && request.method != "HEAD")
    throw ApiProblem(405, "method " + request.method + " is not allowed on " + path + "; use GET",
                     {{"Allow", "GET, HEAD"}});

  if (path == "/healthz") {
    api_detail::only_params(target.params, {});
    return api_detail::json_response(boost::json::object{{"status", "ok"}});
  }
  if (path == "/metrics") {
    api_detail::only_params(target.params, {});
    return text_response(metrics_.render(store_bytes(connections_.path())), "text/plain; version=0.0.4; charset=utf-8");
  }
  auto store = connections_.acquire();
  try {
    if (path == "/readyz") {
      api_detail::only_params(target.params, {});
      store->check_readable();
      return api_detail::json_response(boost::json::object{{"status", "ready"}});
    }
    if (path == "/api/stories") return api_detail::list_stories(*store, settings_, target.params);
    if (path == "/api/events") return api_detail::list_events(*store, settings_, target.params);
    if (path == "/api/feeds") {
      api_detail::only_params(target.params, {});
      const auto statuses = configured_statuses(*feeds(), *store, now_utc());
      return api_detail::json_response(status_report_json(statuses, summarize(statuses, std::chrono::hours(24))));
    }
    if (path == "/feed.atom" || path == "/feed.json") {
      api_detail::only_params(target.params, {});
      const auto format = path == "/feed.atom" ? api_detail::SyndicationFormat::atom : api_detail::SyndicationFormat::json;
      return api_detail::syndication_feed(*store, settings_, format, request);
    }
    api_detail::only_params(target.params, {});
    return api_detail::show_story(*store, std::string_view(path).substr(story_prefix.size()));
  } catch (const StoreError&) {
    store.discard();  // reopened on the next request, which is how /readyz recovers
    throw;
  }
}

}  // namespace feedsieve
