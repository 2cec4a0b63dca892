#pragma once
// Real parts for tests: a temporary directory, the real binary as a
// subprocess, and the scriptable HTTP server (http_server.py) on 127.0.0.1.
#include <boost/json.hpp>
#include <filesystem>
#include <string>
#include <sys/types.h>
#include <vector>

namespace feedsieve::test {

// A fresh directory under $TMPDIR, removed with everything in it on destruction.
class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path operator/(const std::string& name) const { return path_ / name; }

 private:
  std::filesystem::path path_;
};

void write_file(const std::filesystem::path& path, const std::string& text);
std::string read_file(const std::filesystem::path& path);
std::filesystem::path source_path(const std::string& relative);  // inside the checkout
// The bytes of tests/fixtures/feeds/<name>.
std::string feed_fixture(const std::string& name);

struct ProcessResult {
  int exit_code = -1;  // 128+N when killed by signal N
  std::string out;
  std::string err;
};

// Runs `program args...` to completion, capturing stdout and stderr.
// `env` entries ("NAME=value") are added to the inherited environment.
ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::vector<std::string>& env = {});

// Runs build/feedsieve with the given arguments.
ProcessResult run_feedsieve(const std::vector<std::string>& args, const std::vector<std::string>& env = {});

// A child process running in the background; killed (SIGKILL) and reaped on destruction.
class BackgroundProcess {
 public:
  BackgroundProcess(const std::string& program, const std::vector<std::string>& args,
                    const std::vector<std::string>& env = {});
  ~BackgroundProcess();
  BackgroundProcess(const BackgroundProcess&) = delete;
  BackgroundProcess& operator=(const BackgroundProcess&) = delete;

  pid_t pid() const { return pid_; }
  int stdout_fd() const { return stdout_fd_; }
  // Reads stdout until a line starting with `prefix` arrives; returns that line.
  std::string read_line_starting_with(const std::string& prefix);
  // Reads stderr until it contains `needle` past everything matched before; false when the process ended first.
  bool wait_for_stderr(const std::string& needle);
  void signal(int signo) const;
  // Waits for exit; returns the exit code (128+N for signal N); stderr is collected.
  int wait();
  const std::string& err() const { return err_; }
  std::string& out() { return out_; }

 private:
  pid_t pid_ = -1;
  int stdout_fd_ = -1;
  int stderr_fd_ = -1;
  std::string out_;
  std::string err_;
  std::size_t err_matched_ = 0;
};

// The scriptable HTTP server. Routes are a JSON object (see http_server.py);
// set_routes() rewrites them at any time, and the next request sees the change.
class HttpServer {
 public:
  explicit HttpServer(const boost::json::object& routes = {});
  void set_routes(const boost::json::object& routes);
  int port() const { return port_; }
  std::string url(const std::string& path) const;
  // The requests served so far, oldest first: {"path": ..., "headers": {...}}.
  std::vector<boost::json::object> requests() const;

 private:
  TempDir dir_;
  int port_ = 0;
  BackgroundProcess process_;
};

}  // namespace feedsieve::test
