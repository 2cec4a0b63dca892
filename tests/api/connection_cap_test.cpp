// The API's connection cap and slow clients, over real sockets: at
// max_connections the next connection waits in the listen backlog until one
// closes, and a client that stops reading a large response holds neither a
// handler nor a store lock, so the daemon's writes and checkpoints go on.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <SQLiteCpp/SQLiteCpp.h>

#include <catch2/catch.hpp>
#include <list>

#include "tests/api/api_fixture.hpp"

using namespace feedsieve;

namespace {

// A plain TCP client that reads only when told to.
class RawClient {
 public:
  // receive_buffer: SO_RCVBUF, set before connecting so the window stays small; 0 keeps the default.
  explicit RawClient(const std::string& address, int receive_buffer = 0) {
    fd_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    REQUIRE(fd_ >= 0);
    if (receive_buffer > 0)
      REQUIRE(::setsockopt(fd_, SOL_SOCKET, SO_RCVBUF, &receive_buffer, sizeof receive_buffer) == 0);
    sockaddr_in to{};
    to.sin_family = AF_INET;
    to.sin_port = htons(static_cast<std::uint16_t>(std::stoi(address.substr(address.rfind(':') + 1))));
    to.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    // Completes in the kernel's backlog whether or not the server accepts it yet.
    REQUIRE(::connect(fd_, reinterpret_cast<const sockaddr*>(&to), sizeof to) == 0);
  }
  ~RawClient() { ::close(fd_); }
  RawClient(const RawClient&) = delete;
  RawClient& operator=(const RawClient&) = delete;

  void send(const std::string& bytes) const {
    REQUIRE(::send(fd_, bytes.data(), bytes.size(), MSG_NOSIGNAL) == static_cast<ssize_t>(bytes.size()));
  }
  bool readable_within(std::chrono::milliseconds wait) const {
    pollfd p{fd_, POLLIN, 0};
    return ::poll(&p, 1, static_cast<int>(wait.count())) == 1;
  }
  // Reads until `received` holds at least `size` bytes; fails after 30 s of silence.
  void read_up_to(std::size_t size) {
    while (received.size() < size) {
      REQUIRE(readable_within(std::chrono::seconds(30)));
      char chunk[65536];
      const ssize_t n = ::recv(fd_, chunk, sizeof chunk, 0);
      REQUIRE(n > 0);
      received.append(chunk, static_cast<std::size_t>(n));
    }
  }
  // Reads until the headers are in; returns the Content-Length.
  std::size_t read_headers() {
    while (received.find("\r\n\r\n") == std::string::npos) read_up_to(received.size() + 1);
    const auto at = received.find("Content-Length: ");
    REQUIRE(at != std::string::npos);
    return std::stoul(received.substr(at + 16));
  }

  std::string received;

 private:
  int fd_ = -1;
};

constexpr const char* healthz = "GET /healthz HTTP/1.1\r\nHost: test\r\n\r\n";

}  // namespace

TEST_CASE("at max_connections the next connection waits until one closes", "[api][cap]") {
  test::ApiFixture api;
  auto settings = test::loopback_api();
  settings.max_connections = 3;
  settings.timeout = std::chrono::seconds(60);  // the idle keep-alives outlast the test
  api.start(settings);

  // Each answered once, so each is surely accepted and counted; then idle.
  std::list<test::HttpClient> idle;
  for (int i = 0; i < settings.max_connections; ++i) {
    idle.emplace_back(api.address);
    REQUIRE(idle.back().get("/healthz").status == 200);
  }
  RawClient next(api.address);
  next.send(healthz);
  // The open ones are still served while the next one waits.
  for (auto& client : idle) CHECK(client.get("/healthz").status == 200);
  // Not accepted, so never answered: this wait can only miss a late answer, never invent one.
  CHECK_FALSE(next.readable_within(std::chrono::milliseconds(300)));

  idle.pop_front();  // one closes: the waiting connection is accepted and answered
  next.read_headers();
  CHECK_THAT(next.received, Catch::StartsWith("HTTP/1.1 200"));
}

TEST_CASE("a client that stops reading a large response holds no store lock", "[api][cap]") {
  test::ApiFixture api;
  // 500 stories with long titles: a response of several MB, more than the
  // kernel buffers on both ends of the connection hold.
  std::vector<test::StorySeed> seeds = test::hourly_stories(500);
  for (auto& seed : seeds) seed.title += " " + std::string(8000, 'x');
  test::store_items(api.writer, "alpha", seeds);
  auto settings = test::loopback_api();
  settings.timeout = std::chrono::seconds(60);
  api.start(settings);

  RawClient slow(api.address, 4096);
  slow.send("GET /api/stories?limit=500 HTTP/1.1\r\nHost: test\r\n\r\n");
  const std::size_t length = slow.read_headers();  // the handler is done and the response is on its way
  REQUIRE(length > 5'000'000);

  // The daemon's poll writes while the client sits on the rest of the response...
  CHECK(test::store_items(api.writer, "beta", test::hourly_stories(3, "Beta")).new_items == 3);
  // ...and a checkpoint that must wait for every reader finds none.
  SQLite::Database other(api.path.string(), SQLite::OPEN_READWRITE);
  SQLite::Statement truncate(other, "PRAGMA wal_checkpoint(TRUNCATE)");
  REQUIRE(truncate.executeStep());
  CHECK(truncate.getColumn(0).getInt() == 0);  // not busy
  // The same checkpoint is refused while a reader holds a transaction, so the check above can fail.
  {
    SQLite::Database reader(api.path.string(), SQLite::OPEN_READONLY);
    SQLite::Transaction reading(reader, SQLite::TransactionBehavior::DEFERRED);
    reader.execAndGet("SELECT count(*) FROM items");
    test::store_items(api.writer, "gamma", test::hourly_stories(1, "Gamma"));
    truncate.reset();
    REQUIRE(truncate.executeStep());
    CHECK(truncate.getColumn(0).getInt() == 1);
  }
  // Other clients are served meanwhile.
  api.server->set_feeds({{"alpha", "https://alpha.example/feed.xml", true}});
  const auto feeds = api.get_json("/api/feeds").at("feeds").as_array();
  REQUIRE(feeds.size() == 1);
  CHECK(feeds.at(0).at("items").as_int64() == 500);

  const std::size_t header_end = slow.received.find("\r\n\r\n") + 4;
  slow.read_up_to(header_end + length);  // and the slow client still gets all of it
  const auto page = boost::json::parse(slow.received.substr(header_end, length));
  CHECK(page.at("stories").as_array().size() == 500);
}
