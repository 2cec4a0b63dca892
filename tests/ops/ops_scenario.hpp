#pragma once
// A config with feeds on the loopback test server, run with the real binary.
#include <string>
#include <vector>

#include "daemon/store/store.hpp"
#include "tests/support/support.hpp"

namespace feedsieve::test {

class OpsScenario {
 public:
  explicit OpsScenario(const boost::json::object& routes) : server_(routes) {}

  // Each feed: name, then extra TOML lines for its [[feeds]] block.
  void write_config(const std::vector<std::pair<std::string, std::string>>& feeds,
                    const std::string& extra_sections = "") const {
    std::string text = preamble(extra_sections);
    for (const auto& [name, lines] : feeds) text += feed_block(name, server_.url("/" + name), lines);
    write_file(dir_ / "feedsieve.toml", text);
  }
  // The [store], [fetch] and [schedule] sections; `extra` goes into [schedule].
  std::string preamble(const std::string& extra = "", const std::string& fetch_extra = "") const {
    return "[store]\npath = \"" + (dir_ / "store.db").string() + "\"\n[fetch]\ntimeout = \"2s\"\n" + fetch_extra +
           "[schedule]\nstartup_spread = \"0s\"\njitter = 0\n" + extra;
  }
  static std::string feed_block(const std::string& name, const std::string& url, const std::string& lines = "") {
    return "[[feeds]]\nname = \"" + name + "\"\nurl = \"" + url + "\"\n" + lines;
  }
  void write_config_text(const std::string& text) const { write_file(dir_ / "feedsieve.toml", text); }

  std::string config() const { return (dir_ / "feedsieve.toml").string(); }
  ProcessResult run_once() const { return run_feedsieve({"run", "--once", "--config", config()}); }
  ProcessResult feedsieve(std::vector<std::string> args) const {
    args.push_back("--config");
    args.push_back(config());
    return run_feedsieve(args);
  }
  FeedRecord feed(const std::string& name) const {
    return Store(dir_ / "store.db", Store::Mode::read_only).feed_by_name(name).value();
  }
  int requests_to(const std::string& path) const {
    int n = 0;
    for (const auto& request : server_.requests())
      if (request.at("path").as_string() == path) ++n;
    return n;
  }
  const HttpServer& server() const { return server_; }
  const TempDir& dir() const { return dir_; }

 private:
  TempDir dir_;
  HttpServer server_;
};

}  // namespace feedsieve::test
