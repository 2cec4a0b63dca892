// [api]: whether the daemon serves the HTTP API, where, and with what token.
#include <fstream>
#include <sstream>

#include "daemon/config/sections.hpp"
#include "daemon/fetch/ip_network.hpp"
#include "daemon/store/store.hpp"  // max_story_limit

namespace feedsieve {
namespace {

constexpr std::size_t max_socket_path = 107;  // sun_path holds 108 bytes with the NUL

std::optional<ListenAddress> parse_listen(std::string_view text) {
  ListenAddress listen;
  if (text.starts_with("unix:")) {
    listen.kind = ListenAddress::Kind::unix_socket;
    listen.path = text.substr(5);
    if (listen.path.empty() || listen.path.size() > max_socket_path) return std::nullopt;
    return listen;
  }
  const auto colon = text.rfind(':');
  if (colon == std::string_view::npos) return std::nullopt;
  std::string_view host = text.substr(0, colon);
  if (host.starts_with('[') && host.ends_with(']')) {
    host = host.substr(1, host.size() - 2);
  } else if (host.find(':') != std::string_view::npos) {
    return std::nullopt;  // an IPv6 address needs brackets: [::1]:8080
  }
  if (!parse_ip_address(host)) return std::nullopt;
  const std::string_view port = text.substr(colon + 1);
  if (port.empty() || port.size() > 5 || port.find_first_not_of("0123456789") != std::string_view::npos)
    return std::nullopt;
  const int number = std::stoi(std::string(port));
  if (number > 65535) return std::nullopt;
  listen.host = host;
  listen.port = static_cast<std::uint16_t>(number);
  return listen;
}

bool loopback(const ListenAddress& listen) {
  if (listen.kind == ListenAddress::Kind::unix_socket) return true;  // file permissions guard it
  const auto address = parse_ip_address(listen.host);
  const auto reason = address ? non_public_reason(*address) : std::nullopt;
  return reason && *reason == "loopback";
}

// The token is the file's first line; a relative path is taken from the config's directory.
std::string read_token_file(const Reader& r, const toml::node& where, const std::string& name) {
  std::filesystem::path path(name);
  if (path.is_relative()) path = r.file().parent_path() / path;
  std::ifstream in(path);
  std::string token;
  if (!in || !std::getline(in, token)) r.fail(where.source(), "'api.token_file': cannot read " + path.string());
  if (!token.empty() && token.back() == '\r') token.pop_back();
  return token;
}

void read_token(const Reader& r, const toml::table& t, ApiSettings& api) {
  const auto token = r.string(t, "token", "api");
  const auto file = r.string(t, "token_file", "api");
  if (token && file) r.fail(t.get("token_file")->source(), "set 'api.token' or 'api.token_file', not both");
  if (token) api.token = *token;
  if (file) api.token = read_token_file(r, *t.get("token_file"), *file);
  const char* key = file ? "token_file" : "token";
  if (api.token && api.token->size() < 16)
    r.fail(t.get(key)->source(), "'api." + std::string(key) + "': the token must be at least 16 characters");
}

void read_limits(const Reader& r, const toml::table& t, ApiSettings& api) {
  if (auto v = r.integer(t, "max_limit", "api", 1, max_story_limit)) api.max_limit = static_cast<int>(*v);
  if (auto v = r.integer(t, "default_limit", "api", 1, max_story_limit)) api.default_limit = static_cast<int>(*v);
  if (auto v = r.integer(t, "feed_limit", "api", 1, max_story_limit)) api.feed_limit = static_cast<int>(*v);
  if (auto v = r.integer(t, "max_connections", "api", 1, 10'000)) api.max_connections = static_cast<int>(*v);
  if (auto v = r.duration(t, "timeout", "api", std::chrono::seconds(1))) api.timeout = *v;
  if (api.default_limit > api.max_limit)
    r.fail(t.get("default_limit") ? t.get("default_limit")->source() : t.source(),
           "'api.default_limit' must not be larger than 'api.max_limit' (" + std::to_string(api.max_limit) + ")");
}

}  // namespace

void read_api(const Reader& r, const toml::table& root, Config& config) {
  const toml::table* t = r.section(root, "api");
  if (t == nullptr) return;
  r.only_keys(*t, "[api]",
              {"enabled", "listen", "token", "token_file", "default_limit", "max_limit", "feed_limit",
               "max_connections", "timeout"});
  ApiSettings& api = config.api;
  if (auto v = r.boolean(*t, "enabled", "api")) api.enabled = *v;
  if (auto text = r.string(*t, "listen", "api")) {
    const auto listen = parse_listen(*text);
    if (!listen)
      r.fail(t->get("listen")->source(), "'api.listen': '" + *text +
                                             "' is neither an address such as \"127.0.0.1:8080\" or \"[::1]:8080\" "
                                             "nor \"unix:/path/to/socket\"");
    api.listen = *listen;
  }
  read_token(r, *t, api);
  read_limits(r, *t, api);
  if (!loopback(api.listen) && !api.token)
    r.fail(t->get("listen")->source(), "'api.listen' is not a loopback address, so [api] needs a 'token' or "
                                       "'token_file' (or listen on 127.0.0.1 or a unix socket)");
}

}  // namespace feedsieve
