// The long-running daemon: systemd notifications on a real AF_UNIX datagram
// socket given as NOTIFY_SOCKET, SIGHUP reloads, SIGTERM shutdown.
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <algorithm>
#include <cstring>

#include "tests/support/feed_text.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

// The receiving end of the sd_notify protocol.
class NotifySocket {
 public:
  explicit NotifySocket(std::filesystem::path path) : path_(std::move(path)) {
    fd_ = ::socket(AF_UNIX, SOCK_DGRAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd_ >= 0);
    sockaddr_un address{};
    address.sun_family = AF_UNIX;
    REQUIRE(path_.string().size() < sizeof(address.sun_path));
    std::strcpy(address.sun_path, path_.c_str());
    REQUIRE(::bind(fd_, reinterpret_cast<const sockaddr*>(&address), sizeof(address)) == 0);
  }
  ~NotifySocket() { ::close(fd_); }
  NotifySocket(const NotifySocket&) = delete;
  NotifySocket& operator=(const NotifySocket&) = delete;

  std::string env() const { return "NOTIFY_SOCKET=" + path_.string(); }

  // Receives messages until one contains `needle`; fails after 30 s of silence.
  std::string wait_for(const std::string& needle) {
    while (true) {
      pollfd p{fd_, POLLIN, 0};
      REQUIRE(::poll(&p, 1, 30'000) == 1);
      char buffer[4096];
      const ssize_t n = ::recv(fd_, buffer, sizeof buffer, 0);
      REQUIRE(n > 0);
      std::string message(buffer, static_cast<std::size_t>(n));
      received_.push_back(message);
      if (message.find(needle) != std::string::npos) return message;
    }
  }
  const std::vector<std::string>& received() const { return received_; }

 private:
  std::filesystem::path path_;
  int fd_ = -1;
  std::vector<std::string> received_;
};

std::string feed_block(const std::string& name, const std::string& url) {
  return "[[feeds]]\nname = \"" + name + "\"\nurl = \"" + url + "\"\n";
}

}  // namespace

TEST_CASE("the daemon speaks sd_notify, reloads on SIGHUP and stops on SIGTERM", "[e2e][daemon]") {
  test::TempDir dir;
  test::HttpServer server({
      {"/one.xml",
       {{"body", test::rss_document("One", {{"1", "Llama 4 weights", "https://x.example/1", "Wed, 01 May 2024 10:00:00 GMT"}})}}},
      {"/two.xml",
       {{"body", test::rss_document("Two", {{"2", "Qwen 3 weights", "https://x.example/2", "Wed, 01 May 2024 11:00:00 GMT"}})}}},
  });
  const std::string head = "[store]\npath = \"" + (dir / "store.db").string() +
                           "\"\n[schedule]\nstartup_spread = \"0s\"\ninterval = \"1h\"\n";
  const auto config = dir / "feedsieve.toml";
  test::write_file(config, head + feed_block("one", server.url("/one.xml")));

  NotifySocket notify(dir / "notify.sock");
  test::BackgroundProcess daemon(FEEDSIEVE_BINARY, {"run", "--config", config.string()},
                                 {notify.env(), "WATCHDOG_USEC=200000"});
  notify.wait_for("READY=1");
  // Opening the store, which may upgrade its schema for minutes, asks for time first.
  const std::vector<std::string> starting = notify.received();
  CHECK(std::any_of(starting.begin(), starting.end() - 1,
                    [](const std::string& m) { return m == "EXTEND_TIMEOUT_USEC=1800000000"; }));
  CHECK_THAT(notify.wait_for("1 feeds polled"), Catch::StartsWith("STATUS=") && Catch::Contains("1 ok"));
  notify.wait_for("WATCHDOG=1");

  SECTION("an added feed starts on reload, a removed one stops") {
    test::write_file(config, head + feed_block("two", server.url("/two.xml")));
    daemon.signal(SIGHUP);
    notify.wait_for("RELOADING=1");
    notify.wait_for("READY=1");
    notify.wait_for("2 feeds polled");
    REQUIRE(daemon.wait_for_stderr("feed 'one' removed"));
    REQUIRE(daemon.wait_for_stderr("feed 'two' added"));
    const auto stories = test::run_feedsieve({"query", "--config", config.string(), "--format", "json"});
    CHECK(boost::json::parse(stories.out).as_array().size() == 2);
  }

  SECTION("a broken config is refused and the old one keeps running") {
    test::write_file(config, head + "[[feeds]]\nurl = 42\n");
    daemon.signal(SIGHUP);
    notify.wait_for("RELOADING=1");
    notify.wait_for("READY=1");
    REQUIRE(daemon.wait_for_stderr("config reload refused"));
    REQUIRE(daemon.wait_for_stderr(config.string() + ":7:7: error:"));
    const auto check = test::run_feedsieve({"check-config", "--config", config.string()});
    CHECK(check.exit_code == 1);
  }

  daemon.signal(SIGTERM);
  notify.wait_for("STOPPING=1");
  CHECK(daemon.wait() == 0);
  CHECK_THAT(daemon.err(), Catch::Contains("feedsieve stopped"));
}

TEST_CASE("SIGTERM abandons a hung poll within the shutdown grace", "[e2e][daemon]") {
  test::TempDir dir;
  test::HttpServer server({{"/hang.xml", {{"delay", 60}, {"body", "<rss/>"}}}});
  const auto config = dir / "feedsieve.toml";
  test::write_file(config, "[store]\npath = \"" + (dir / "store.db").string() +
                               "\"\n[log]\nlevel = \"debug\"\n[fetch]\ntimeout = \"5m\"\n"
                               "[schedule]\nstartup_spread = \"0s\"\nshutdown_grace = \"1s\"\n" +
                               feed_block("hang", server.url("/hang.xml")));
  test::BackgroundProcess daemon(FEEDSIEVE_BINARY, {"run", "--config", config.string()});
  REQUIRE(daemon.wait_for_stderr("fetching " + server.url("/hang.xml")));
  const auto start = std::chrono::steady_clock::now();
  daemon.signal(SIGTERM);
  CHECK(daemon.wait() == 0);
  // Generous bound: the grace is 1 s; the hung request alone would take 60 s.
  CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(20));
  CHECK_THAT(daemon.err(), Catch::Contains("abandon"));
}
