#include "tests/support/support.hpp"

#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <random>
#include <sstream>
#include <stdexcept>
#include <system_error>

extern char** environ;

namespace feedsieve::test {
namespace {

std::vector<std::string> merged_environment(const std::vector<std::string>& extra) {
  std::vector<std::string> env;
  for (char** e = environ; *e != nullptr; ++e) env.emplace_back(*e);
  env.insert(env.end(), extra.begin(), extra.end());
  return env;
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

int decode_status(int status) {
  if (WIFEXITED(status)) return WEXITSTATUS(status);
  if (WIFSIGNALED(status)) return 128 + WTERMSIG(status);
  return -1;
}

// Spawns the child with stdout and stderr on fresh pipes; stdin is /dev/null.
pid_t spawn(const std::string& program, const std::vector<std::string>& args,
            const std::vector<std::string>& extra_env, int& out_fd, int& err_fd) {
  std::array<int, 2> out_pipe{}, err_pipe{};
  if (pipe2(out_pipe.data(), O_CLOEXEC) != 0 || pipe2(err_pipe.data(), O_CLOEXEC) != 0)
    throw std::system_error(errno, std::generic_category(), "pipe2");
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], 1);
  posix_spawn_file_actions_adddup2(&actions, err_pipe[1], 2);
  std::vector<std::string> argv_strings{program};
  argv_strings.insert(argv_strings.end(), args.begin(), args.end());
  auto env_strings = merged_environment(extra_env);
  auto argv = c_strings(argv_strings);
  auto envp = c_strings(env_strings);
  pid_t pid = -1;
  const int rc = posix_spawn(&pid, program.c_str(), &actions, nullptr, argv.data(), envp.data());
  posix_spawn_file_actions_destroy(&actions);
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (rc != 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    throw std::system_error(rc, std::generic_category(), "posix_spawn " + program);
  }
  out_fd = out_pipe[0];
  err_fd = err_pipe[0];
  return pid;
}

// Reads whatever is available on the open fds into their strings; closes an fd at EOF.
void drain(std::vector<std::pair<int*, std::string*>> streams, int timeout_ms) {
  std::vector<pollfd> fds;
  for (auto& [fd, _] : streams)
    if (*fd >= 0) fds.push_back({*fd, POLLIN, 0});
  if (fds.empty()) return;
  if (poll(fds.data(), fds.size(), timeout_ms) <= 0) return;
  for (auto& [fd, text] : streams) {
    if (*fd < 0) continue;
    for (const auto& p : fds) {
      if (p.fd != *fd || p.revents == 0) continue;
      std::array<char, 65536> buffer{};
      const ssize_t n = read(*fd, buffer.data(), buffer.size());
      if (n > 0) {
        text->append(buffer.data(), static_cast<std::size_t>(n));
      } else if (n == 0 || errno != EINTR) {
        close(*fd);
        *fd = -1;
      }
    }
  }
}

}  // namespace

TempDir::TempDir() {
  std::random_device seed;
  const auto base = std::filesystem::temp_directory_path();
  for (int attempt = 0; attempt < 100; ++attempt) {
    auto candidate = base / ("feedsieve-test-" + std::to_string(seed()));
    if (std::filesystem::create_directory(candidate)) {
      path_ = candidate;
      return;
    }
  }
  throw std::runtime_error("cannot create a temporary directory under " + base.string());
}

TempDir::~TempDir() {
  std::error_code ignored;
  std::filesystem::remove_all(path_, ignored);
}

void write_file(const std::filesystem::path& path, const std::string& text) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  if (!out) throw std::runtime_error("cannot write " + path.string());
}

std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) throw std::runtime_error("cannot read " + path.string());
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

std::filesystem::path source_path(const std::string& relative) {
  return std::filesystem::path(FEEDSIEVE_SOURCE_DIR) / relative;
}

std::string feed_fixture(const std::string& name) { return read_file(source_path("tests/fixtures/feeds/" + name)); }

ProcessResult run_process(const std::string& program, const std::vector<std::string>& args,
                          const std::vector<std::string>& env) {
  BackgroundProcess child(program, args, env);
  ProcessResult result;
  result.exit_code = child.wait();
  result.out = std::move(child.out());
  result.err = child.err();
  return result;
}

ProcessResult run_feedsieve(const std::vector<std::string>& args, const std::vector<std::string>& env) {
  return run_process(FEEDSIEVE_BINARY, args, env);
}

BackgroundProcess::BackgroundProcess(const std::string& program, const std::vector<std::string>& args,
                                     const std::vector<std::string>& env) {
  // In the body, not the initializer list: the fd members' default
  // initializers (-1) run after pid_'s and would overwrite what spawn() set.
  pid_ = spawn(program, args, env, stdout_fd_, stderr_fd_);
}

BackgroundProcess::~BackgroundProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    int status = 0;
    waitpid(pid_, &status, 0);
  }
  if (stdout_fd_ >= 0) close(stdout_fd_);
  if (stderr_fd_ >= 0) close(stderr_fd_);
}

std::string BackgroundProcess::read_line_starting_with(const std::string& prefix) {
  std::size_t scanned = 0;
  while (true) {
    for (std::size_t nl; (nl = out_.find('\n', scanned)) != std::string::npos; scanned = nl + 1) {
      if (out_.compare(scanned, prefix.size(), prefix) == 0) {
        std::string line = out_.substr(scanned, nl - scanned);
        out_.erase(0, nl + 1);
        return line;
      }
    }
    if (stdout_fd_ < 0) throw std::runtime_error("process ended before printing '" + prefix + "'; stderr: " + err_);
    drain({{&stdout_fd_, &out_}, {&stderr_fd_, &err_}}, 1000);
  }
}

bool BackgroundProcess::wait_for_stderr(const std::string& needle) {
  while (true) {
    if (const auto at = err_.find(needle, err_matched_); at != std::string::npos) {
      err_matched_ = at + needle.size();
      return true;
    }
    if (stderr_fd_ < 0) return false;
    drain({{&stdout_fd_, &out_}, {&stderr_fd_, &err_}}, 1000);
  }
}

void BackgroundProcess::signal(int signo) const { kill(pid_, signo); }

int BackgroundProcess::wait() {
  while (stdout_fd_ >= 0 || stderr_fd_ >= 0) drain({{&stdout_fd_, &out_}, {&stderr_fd_, &err_}}, 1000);
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  return decode_status(status);
}

HttpServer::HttpServer(const boost::json::object& routes)
    : dir_(),
      process_((set_routes(routes), std::string(FEEDSIEVE_PYTHON)),
               {source_path("tests/support/http_server.py").string(), (dir_ / "routes.json").string(),
                (dir_ / "requests.jsonl").string()}) {
  const std::string line = process_.read_line_starting_with("PORT ");
  port_ = std::stoi(line.substr(5));
}

void HttpServer::set_routes(const boost::json::object& routes) {
  // Written to a side file and renamed, so the server never reads half a file.
  const auto tmp = dir_ / "routes.json.tmp";
  write_file(tmp, boost::json::serialize(routes));
  std::filesystem::rename(tmp, dir_ / "routes.json");
}

std::string HttpServer::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

std::vector<boost::json::object> HttpServer::requests() const {
  std::vector<boost::json::object> out;
  const auto log = dir_ / "requests.jsonl";
  if (!std::filesystem::exists(log)) return out;
  std::istringstream lines(read_file(log));
  for (std::string line; std::getline(lines, line);)
    if (!line.empty()) out.push_back(boost::json::parse(line).as_object());
  return out;
}

}  // namespace feedsieve::test
