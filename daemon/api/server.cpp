// The only translation unit with Beast and Asio's socket headers. One io
// thread runs the listener and every connection (so their state needs no
// locks); requests go to the handler pool and their responses come back to
// the io thread to be written. Every read and write has a deadline, and a
// response is complete before it is written, so a slow or silent client
// costs one socket, never a thread or a store lock.
#include "daemon/api/server.hpp"

#include <spdlog/spdlog.h>

#include <boost/asio/executor_work_guard.hpp>
#include <boost/asio/io_context.hpp>
#include <boost/asio/ip/tcp.hpp>
#include <boost/asio/local/stream_protocol.hpp>
#include <boost/asio/post.hpp>
#include <boost/asio/steady_timer.hpp>
#include <boost/asio/thread_pool.hpp>
#include <boost/beast/core.hpp>
#include <boost/beast/http.hpp>
#include <functional>
#include <optional>
#include <thread>

#include "daemon/api/handler.hpp"
#include "daemon/api/read_connections.hpp"

namespace feedsieve {
namespace {

namespace asio = boost::asio;
namespace beast = boost::beast;
namespace http = beast::http;

constexpr std::uint32_t header_limit = 16 * 1024;
constexpr std::uint64_t body_limit = 16 * 1024;  // the API only reads; a GET has no body to speak of
constexpr int handler_threads = 2;
constexpr std::chrono::milliseconds accept_retry{100};

// Open connections against the cap; the listener waits here when it is full.
// Used on the io thread only.
class ConnectionGate {
 public:
  explicit ConnectionGate(int cap) : cap_(cap) {}
  bool full() const { return open_ >= cap_; }
  void opened() { ++open_; }
  void closed() {
    --open_;
    if (waiting_) std::exchange(waiting_, nullptr)();
  }
  void wait(std::function<void()> resume) { waiting_ = std::move(resume); }
  void close() { waiting_ = nullptr; }

 private:
  int cap_;
  int open_ = 0;
  std::function<void()> waiting_;
};

// What every connection shares; owned by ApiServer::Impl, which outlives them.
struct Context {
  std::chrono::seconds timeout;
  ApiHandler& handler;
  asio::thread_pool& pool;
  asio::io_context& io;
};

std::string header(const http::request<http::string_body>& request, http::field field) {
  const auto it = request.find(field);
  return it == request.end() ? std::string() : std::string(it->value());
}

template <class Protocol>
class Session : public std::enable_shared_from_this<Session<Protocol>> {
 public:
  Session(typename Protocol::socket socket, const Context& context, std::shared_ptr<ConnectionGate> gate)
      : stream_(std::move(socket)), context_(context), gate_(std::move(gate)) {
    gate_->opened();
  }
  ~Session() { gate_->closed(); }
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  void read() {
    parser_.emplace();
    parser_->header_limit(header_limit);
    parser_->body_limit(body_limit);
    stream_.expires_after(context_.timeout);  // the whole request, so a trickling client is cut off
    http::async_read(stream_, buffer_, *parser_, beast::bind_front_handler(&Session::on_read, this->shared_from_this()));
  }

 private:
  void on_read(beast::error_code ec, std::size_t) {
    if (ec == http::error::end_of_stream) return shut();
    if (ec == http::error::header_limit) return refuse(431, "the request headers are larger than 16 KiB");
    if (ec == http::error::body_limit) return refuse(413, "the request body is larger than 16 KiB");
    if (ec.category() == http::make_error_code(http::error::bad_target).category())
      return refuse(400, "malformed HTTP request: " + ec.message());
    if (ec) return;  // timed out, reset: the socket closes with the session
    const auto& message = parser_->get();
    ApiRequest request{std::string(message.method_string()), std::string(message.target()),
                       header(message, http::field::authorization), header(message, http::field::if_none_match),
                       header(message, http::field::host)};
    keep_alive_ = message.keep_alive();
    head_ = message.method() == http::verb::head;
    version_ = message.version();
    stream_.expires_never();  // no socket operation while the handler works; the write sets a deadline
    // The pool's lambda hands its reference on to the io thread's instead of
    // keeping a copy: the session must never be destroyed on a pool thread,
    // since its destructor releases a slot of the io thread's gate.
    asio::post(context_.pool, [self = this->shared_from_this(), request = std::move(request)]() mutable {
      ApiResponse response = self->context_.handler.handle(request);
      asio::io_context& io = self->context_.io;
      asio::post(io, [self = std::move(self), request = std::move(request), response = std::move(response)]() mutable {
        spdlog::debug("api: {} {} -> {}", request.method, request.target, response.status);
        self->write(std::move(response));
      });
    });
  }

  // A request that cannot be parsed gets an answer and the connection closes.
  void refuse(int status, const std::string& why) {
    keep_alive_ = false;
    head_ = false;
    write(error_response(status, why));
  }

  void write(ApiResponse answer) {
    response_ = {static_cast<http::status>(answer.status), version_};
    response_.set(http::field::server, "feedsieve");
    response_.set(http::field::content_type, answer.content_type);
    for (const auto& [name, value] : answer.headers) response_.set(name, value);
    response_.keep_alive(keep_alive_);
    if (head_) {
      response_.content_length(answer.body.size());
    } else {
      response_.body() = std::move(answer.body);
      response_.prepare_payload();
    }
    stream_.expires_after(context_.timeout);  // a client that does not read is dropped
    http::async_write(stream_, response_, beast::bind_front_handler(&Session::on_write, this->shared_from_this()));
  }

  void on_write(beast::error_code ec, std::size_t) {
    if (ec) return;
    if (!keep_alive_) return shut();
    read();
  }

  void shut() {
    beast::error_code ignored;
    stream_.socket().shutdown(asio::socket_base::shutdown_send, ignored);
  }

  beast::basic_stream<Protocol> stream_;
  const Context& context_;
  std::shared_ptr<ConnectionGate> gate_;
  beast::flat_buffer buffer_;
  std::optional<http::request_parser<http::string_body>> parser_;
  http::response<http::string_body> response_;
  bool keep_alive_ = false;
  bool head_ = false;
  unsigned version_ = 11;
};

class Listener {
 public:
  virtual ~Listener() = default;
  virtual void accept() = 0;
  virtual std::string address() const = 0;
};

template <class Protocol>
class SocketListener : public Listener {
 public:
  SocketListener(const Context& context, std::shared_ptr<ConnectionGate> gate, const typename Protocol::endpoint& at,
                 bool reuse_address)
      : context_(context), gate_(std::move(gate)), acceptor_(context.io), retry_(context.io) {
    acceptor_.open(at.protocol());
    if (reuse_address) acceptor_.set_option(asio::socket_base::reuse_address(true));
    acceptor_.bind(at);
    acceptor_.listen(asio::socket_base::max_listen_connections);
  }

  // At the cap, new connections wait in the kernel's backlog until one closes.
  void accept() override {
    if (gate_->full()) return gate_->wait([this] { accept(); });
    acceptor_.async_accept([this](const beast::error_code& ec, typename Protocol::socket socket) {
      if (ec == asio::error::operation_aborted) return;
      if (ec) {
        spdlog::warn("api: accepting a connection: {}", ec.message());  // e.g. out of descriptors: try again soon
        retry_.expires_after(accept_retry);
        retry_.async_wait([this](const beast::error_code& wait) {
          if (!wait) accept();
        });
        return;
      }
      std::make_shared<Session<Protocol>>(std::move(socket), context_, gate_)->read();
      accept();
    });
  }

  typename Protocol::endpoint local_endpoint() const { return acceptor_.local_endpoint(); }
  std::string address() const override;

 private:
  const Context& context_;
  std::shared_ptr<ConnectionGate> gate_;
  typename Protocol::acceptor acceptor_;
  asio::steady_timer retry_;
};

template <>
std::string SocketListener<asio::ip::tcp>::address() const {
  const auto at = acceptor_.local_endpoint();
  const std::string host = at.address().is_v6() ? "[" + at.address().to_string() + "]" : at.address().to_string();
  return "http://" + host + ":" + std::to_string(at.port());
}

template <>
std::string SocketListener<asio::local::stream_protocol>::address() const {
  return "unix:" + acceptor_.local_endpoint().path();
}

// A socket file left by a daemon that did not stop cleanly would make bind fail.
void remove_stale_socket(const std::string& path) {
  std::error_code error;
  if (std::filesystem::is_socket(path, error)) std::filesystem::remove(path, error);
}

std::string describe(const ListenAddress& listen) {
  if (listen.kind == ListenAddress::Kind::unix_socket) return "unix:" + listen.path;
  const bool v6 = listen.host.find(':') != std::string::npos;
  return (v6 ? "[" + listen.host + "]" : listen.host) + ":" + std::to_string(listen.port);
}

}  // namespace

struct ApiServer::Impl {
  Impl(ApiSettings api, std::filesystem::path store_path, Metrics& metrics)
      : settings(std::move(api)),
        connections(std::move(store_path)),
        handler(settings, connections, metrics),
        work(io.get_executor()),
        gate(std::make_shared<ConnectionGate>(settings.max_connections)),
        context{settings.timeout, handler, pool, io} {}

  std::unique_ptr<Listener> listen() {
    const ListenAddress& at = settings.listen;
    if (at.kind == ListenAddress::Kind::unix_socket) {
      remove_stale_socket(at.path);
      return std::make_unique<SocketListener<asio::local::stream_protocol>>(
          context, gate, asio::local::stream_protocol::endpoint(at.path), false);
    }
    const asio::ip::tcp::endpoint endpoint(asio::ip::make_address(at.host), at.port);
    return std::make_unique<SocketListener<asio::ip::tcp>>(context, gate, endpoint, true);
  }

  // Members in dependency order: the pool's queued work and the io_context's
  // pending operations hold sessions, whose destructors use the gate and the
  // io_context, so those are destroyed after the pool and before nothing they need.
  ApiSettings settings;
  ReadConnections connections;
  ApiHandler handler;
  asio::io_context io;
  asio::executor_work_guard<asio::io_context::executor_type> work;
  std::shared_ptr<ConnectionGate> gate;
  asio::thread_pool pool{handler_threads};
  Context context;
  std::unique_ptr<Listener> listener;
  std::thread thread;
  std::string address;
};

ApiServer::ApiServer(ApiSettings settings, std::filesystem::path store_path, Metrics& metrics)
    : impl_(std::make_unique<Impl>(std::move(settings), std::move(store_path), metrics)) {}

ApiServer::~ApiServer() { stop(); }

void ApiServer::start() {
  if (impl_->listener) return;
  try {
    impl_->listener = impl_->listen();
  } catch (const std::exception& e) {
    throw ApiError("api: cannot listen on " + describe(impl_->settings.listen) + ": " + e.what());
  }
  impl_->address = impl_->listener->address();
  impl_->listener->accept();
  impl_->thread = std::thread([this] { impl_->io.run(); });
  spdlog::info("api: listening on {}", impl_->address);
}

void ApiServer::stop() {
  if (!impl_->thread.joinable()) return;
  impl_->io.stop();
  impl_->thread.join();
  // The io thread is gone: from here on, everything is this thread's.
  impl_->gate->close();
  impl_->listener.reset();
  impl_->pool.join();
  if (impl_->settings.listen.kind == ListenAddress::Kind::unix_socket) remove_stale_socket(impl_->settings.listen.path);
  spdlog::info("api: stopped");
}

std::string ApiServer::address() const { return impl_->address; }

void ApiServer::set_feeds(std::vector<ConfiguredFeed> feeds) { impl_->handler.set_feeds(std::move(feeds)); }

}  // namespace feedsieve
