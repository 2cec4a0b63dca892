#include "daemon/fetch/multi_driver.hpp"

#include "daemon/fetch/curl_handles.hpp"

#include <spdlog/spdlog.h>
#include <sys/socket.h>
#include <unistd.h>

#include <boost/asio/io_context.hpp>
#include <boost/asio/posix/stream_descriptor.hpp>
#include <boost/asio/steady_timer.hpp>
#include <stdexcept>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

namespace feedsieve::fetch_detail {
namespace asio = boost::asio;
using boost::system::error_code;

namespace {

// Asio's view of one socket that libcurl asked us to watch. libcurl owns the
// descriptor: Asio only waits on it and gives it back (release(), never close)
// before curl closes it.
struct Watch {
  explicit Watch(asio::io_context& io) : descriptor(io) {}
  ~Watch() { forget(); }
  Watch(const Watch&) = delete;
  Watch& operator=(const Watch&) = delete;

  void forget() {
    active = false;
    if (descriptor.is_open()) descriptor.release();  // also cancels pending waits
  }

  asio::posix::stream_descriptor descriptor;
  int interest = 0;      // CURL_POLL_IN / OUT / INOUT
  bool reading = false;  // a wait_read is outstanding
  bool writing = false;  // a wait_write is outstanding
  bool active = true;    // false once curl no longer wants this socket
};

// Exceptions must not cross libcurl's C frames; the transfer then runs into
// its timeout instead, which is reported like any other.
template <class Action>
void guarded(const char* where, Action&& action) noexcept {
  try {
    action();
  } catch (const std::exception& e) {
    spdlog::error("fetch: {}: {}", where, e.what());
  }
}

// Our own socket() so that the descriptor is close-on-exec, and the place to
// check the address curl resolved before it connects (every connection,
// redirects included, so no DNS answer slips past a check made earlier).
curl_socket_t open_socket(void*, curlsocktype, curl_sockaddr* address) {
  const int fd = ::socket(address->family, address->socktype | SOCK_CLOEXEC, address->protocol);
  return fd < 0 ? CURL_SOCKET_BAD : fd;
}

curl_socket_t open_checked_socket(void* check, curlsocktype purpose, curl_sockaddr* address) noexcept {
  try {
    if (!(*static_cast<const MultiDriver::ConnectCheck*>(check))(*address)) return CURL_SOCKET_BAD;
  } catch (const std::exception&) {
    return CURL_SOCKET_BAD;
  }
  return open_socket(nullptr, purpose, address);
}

template <class Value>
void set_multi(CURLM* multi, CURLMoption option, Value value) {
  const CURLMcode rc = curl_multi_setopt(multi, option, value);
  if (rc != CURLM_OK) throw std::runtime_error(std::string("curl_multi_setopt: ") + curl_multi_strerror(rc));
}

template <class Value>
void set_easy(CURL* easy, CURLoption option, Value value) {
  const CURLcode rc = curl_easy_setopt(easy, option, value);
  if (rc != CURLE_OK) throw std::runtime_error(std::string("curl_easy_setopt: ") + curl_easy_strerror(rc));
}

}  // namespace

struct MultiDriver::Impl : std::enable_shared_from_this<Impl> {
  Impl(asio::io_context& context, Finished on_finished);
  ~Impl();
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void watch(curl_socket_t fd, int interest);
  void forget(curl_socket_t fd);
  void arm(const std::shared_ptr<Watch>& watch, curl_socket_t fd);
  void on_ready(const std::shared_ptr<Watch>& watch, curl_socket_t fd, int select);
  void set_timer(long timeout_ms);
  void act(curl_socket_t fd, int select);
  void report_finished();

  // libcurl's C callbacks; `user` is the Impl.
  static int on_socket(CURL* easy, curl_socket_t fd, int what, void* user, void* socket_data);
  static int on_timer(CURLM* multi, long timeout_ms, void* user);
  static int close_socket(void* user, curl_socket_t fd);

  asio::io_context& io;
  Finished finished;
  asio::steady_timer timer;
  std::unordered_map<curl_socket_t, std::shared_ptr<Watch>> watches;
  // Declared last, so it is cleaned up first: curl_multi_cleanup() still
  // calls the socket callbacks, which use the members above.
  MultiHandle multi;
};

int MultiDriver::Impl::on_socket(CURL*, curl_socket_t fd, int what, void* user, void*) {
  auto& self = *static_cast<Impl*>(user);
  guarded("socket callback", [&] {
    if (what == CURL_POLL_REMOVE)
      self.forget(fd);
    else
      self.watch(fd, what);
  });
  return 0;
}

int MultiDriver::Impl::on_timer(CURLM*, long timeout_ms, void* user) {
  guarded("timer callback", [&] { static_cast<Impl*>(user)->set_timer(timeout_ms); });
  return 0;
}

// Drops Asio's interest before the descriptor goes away, whether or not curl
// said CURL_POLL_REMOVE first, so a reused descriptor number never meets a
// stale registration.
int MultiDriver::Impl::close_socket(void* user, curl_socket_t fd) {
  guarded("close callback", [&] { static_cast<Impl*>(user)->forget(fd); });
  return ::close(fd);
}

MultiDriver::Impl::Impl(asio::io_context& context, Finished on_finished)
    : io(context), finished(std::move(on_finished)), timer(context), multi(curl_multi_init()) {
  if (!multi) throw std::runtime_error("curl_multi_init failed");
  set_multi(multi.get(), CURLMOPT_SOCKETFUNCTION, &Impl::on_socket);
  set_multi(multi.get(), CURLMOPT_SOCKETDATA, static_cast<void*>(this));
  set_multi(multi.get(), CURLMOPT_TIMERFUNCTION, &Impl::on_timer);
  set_multi(multi.get(), CURLMOPT_TIMERDATA, static_cast<void*>(this));
}

MultiDriver::Impl::~Impl() {
  multi.reset();  // explicit: the callbacks it makes need `watches` and `timer`
  watches.clear();
}

void MultiDriver::Impl::watch(curl_socket_t fd, int interest) {
  auto& slot = watches[fd];
  if (!slot) {
    auto fresh = std::make_shared<Watch>(io);
    error_code ec;
    fresh->descriptor.assign(fd, ec);
    if (ec) {
      watches.erase(fd);
      throw std::runtime_error("cannot watch socket " + std::to_string(fd) + ": " + ec.message());
    }
    slot = std::move(fresh);
  }
  slot->interest = interest;
  arm(slot, fd);
}

void MultiDriver::Impl::forget(curl_socket_t fd) {
  const auto found = watches.find(fd);
  if (found == watches.end()) return;
  found->second->forget();
  watches.erase(found);
}

// Starts the waits curl wants and that are not already outstanding. A wait
// for a direction curl has since lost interest in ends harmlessly: its
// handler sees the interest gone and does not call curl.
void MultiDriver::Impl::arm(const std::shared_ptr<Watch>& watch, curl_socket_t fd) {
  if (!watch->active) return;
  if ((watch->interest & CURL_POLL_IN) && !watch->reading) {
    watch->reading = true;
    watch->descriptor.async_wait(asio::posix::descriptor_base::wait_read,
                                 [weak = weak_from_this(), watch, fd](const error_code& ec) {
                                   watch->reading = false;
                                   const auto self = weak.lock();
                                   if (self && !ec) self->on_ready(watch, fd, CURL_CSELECT_IN);
                                 });
  }
  if ((watch->interest & CURL_POLL_OUT) && !watch->writing) {
    watch->writing = true;
    watch->descriptor.async_wait(asio::posix::descriptor_base::wait_write,
                                 [weak = weak_from_this(), watch, fd](const error_code& ec) {
                                   watch->writing = false;
                                   const auto self = weak.lock();
                                   if (self && !ec) self->on_ready(watch, fd, CURL_CSELECT_OUT);
                                 });
  }
}

void MultiDriver::Impl::on_ready(const std::shared_ptr<Watch>& watch, curl_socket_t fd, int select) {
  const int wanted = select == CURL_CSELECT_IN ? CURL_POLL_IN : CURL_POLL_OUT;
  if (!watch->active || !(watch->interest & wanted)) return;
  act(fd, select);
  arm(watch, fd);  // curl's interest persists until it says otherwise
}

void MultiDriver::Impl::set_timer(long timeout_ms) {
  if (timeout_ms < 0) {
    timer.cancel();
    return;
  }
  // Never act from inside the timer callback itself: curl forbids re-entry.
  timer.expires_after(std::chrono::milliseconds(timeout_ms));
  timer.async_wait([weak = weak_from_this()](const error_code& ec) {
    const auto self = weak.lock();
    if (self && !ec) self->act(CURL_SOCKET_TIMEOUT, 0);
  });
}

void MultiDriver::Impl::act(curl_socket_t fd, int select) {
  int running = 0;
  const CURLMcode rc = curl_multi_socket_action(multi.get(), fd, select, &running);
  if (rc != CURLM_OK) spdlog::error("fetch: curl_multi_socket_action: {}", curl_multi_strerror(rc));
  report_finished();
}

// Collects every finished transfer first and reports them afterwards, so the
// reports may add and remove handles without disturbing curl's message queue.
void MultiDriver::Impl::report_finished() {
  std::vector<std::pair<CURL*, CURLcode>> done;
  int left = 0;
  while (const CURLMsg* message = curl_multi_info_read(multi.get(), &left))
    if (message->msg == CURLMSG_DONE) done.emplace_back(message->easy_handle, message->data.result);
  for (const auto& [easy, code] : done) finished(easy, code);
}

MultiDriver::MultiDriver(asio::io_context& io, Finished finished)
    : impl_(std::make_shared<Impl>(io, std::move(finished))) {}

MultiDriver::~MultiDriver() = default;

MultiDriver::Running MultiDriver::start(CURL* easy, const ConnectCheck* check) {
  void* const self = impl_.get();
  if (check != nullptr) {
    set_easy(easy, CURLOPT_OPENSOCKETFUNCTION, &open_checked_socket);
    set_easy(easy, CURLOPT_OPENSOCKETDATA, const_cast<ConnectCheck*>(check));  // libcurl's void*; only read
  } else {
    set_easy(easy, CURLOPT_OPENSOCKETFUNCTION, &open_socket);
    set_easy(easy, CURLOPT_OPENSOCKETDATA, self);
  }
  set_easy(easy, CURLOPT_CLOSESOCKETFUNCTION, &Impl::close_socket);
  set_easy(easy, CURLOPT_CLOSESOCKETDATA, self);
  const CURLMcode rc = curl_multi_add_handle(impl_->multi.get(), easy);
  if (rc != CURLM_OK) throw std::runtime_error(std::string("curl_multi_add_handle: ") + curl_multi_strerror(rc));
  return Running(impl_.get(), easy);
}

MultiDriver::Running::Running(Running&& other) noexcept
    : driver_(std::exchange(other.driver_, nullptr)), easy_(std::exchange(other.easy_, nullptr)) {}

MultiDriver::Running& MultiDriver::Running::operator=(Running&& other) noexcept {
  if (this != &other) {
    reset();
    driver_ = std::exchange(other.driver_, nullptr);
    easy_ = std::exchange(other.easy_, nullptr);
  }
  return *this;
}

MultiDriver::Running::~Running() { reset(); }

void MultiDriver::Running::reset() {
  if (driver_ != nullptr) curl_multi_remove_handle(driver_->multi.get(), easy_);
  driver_ = nullptr;
  easy_ = nullptr;
}

}  // namespace feedsieve::fetch_detail
