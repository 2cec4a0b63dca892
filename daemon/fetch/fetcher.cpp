#include "daemon/fetch/fetcher.hpp"

#include "daemon/fetch/admission.hpp"
#include "daemon/fetch/curl_global.hpp"
#include "daemon/fetch/curl_handles.hpp"
#include "daemon/fetch/multi_driver.hpp"
#include "daemon/fetch/outcome.hpp"
#include "daemon/fetch/response_log.hpp"
#include "feeds/version.hpp"

#include <boost/asio/io_context.hpp>
#include <boost/asio/post.hpp>
#include <boost/url/parse.hpp>
#include <spdlog/spdlog.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <map>
#include <stdexcept>
#include <utility>

namespace feedsieve {
namespace asio = boost::asio;
using namespace fetch_detail;

namespace {

using Clock = std::chrono::steady_clock;

// One request from fetch() to its callback: queued, then running. Owns its
// easy handle and everything libcurl points into while it runs.
struct Transfer {
  Transfer(Admission::Ticket id, FetchRequest req, Fetcher::Callback callback, std::string key, std::size_t cap)
      : ticket(id), request(std::move(req)), done(std::move(callback)), host(std::move(key)), max_body(cap) {}

  Admission::Ticket ticket;
  FetchRequest request;
  Fetcher::Callback done;
  std::string host;  // the per-host cap's key
  std::size_t max_body;
  bool admitted = false;  // counted as running by the Admission
  Clock::time_point started{};

  EasyHandle easy;
  HeaderList request_headers;
  std::array<char, CURL_ERROR_SIZE> curl_error{};
  ResponseLog response;
  std::string body;
  bool body_over_cap = false;
  MultiDriver::ConnectCheck connect_check;  // guarded requests only
  std::optional<std::string> refused;       // the address the guard refused, and why
  // Last, so it is destroyed first: the handle leaves the multi handle before
  // `easy` is cleaned up and the buffers curl writes into are freed.
  MultiDriver::Running running;
};

// The per-host cap's key: the URL's host, lower-cased (ports do not make a
// different server: politeness is owed to the machine).
std::optional<std::string> host_of(const std::string& url) {
  const auto parsed = boost::urls::parse_uri(url);
  if (!parsed) return std::nullopt;
  std::string host = parsed->host();
  std::transform(host.begin(), host.end(), host.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return host;
}

// libcurl's callbacks run inside C frames: nothing may throw out of them.
std::size_t on_body(char* data, std::size_t size, std::size_t count, void* user) noexcept {
  auto& transfer = *static_cast<Transfer*>(user);
  const std::size_t bytes = size * count;
  // Decoded bytes, so a small compressed body cannot inflate past the cap.
  if (bytes > transfer.max_body - transfer.body.size()) {
    transfer.body_over_cap = true;
    return 0;  // aborts the transfer with CURLE_WRITE_ERROR
  }
  try {
    transfer.body.append(data, bytes);
  } catch (const std::bad_alloc&) {
    return 0;
  }
  return bytes;
}

std::size_t on_header(char* data, std::size_t size, std::size_t count, void* user) noexcept {
  const std::size_t bytes = size * count;
  try {
    static_cast<Transfer*>(user)->response.on_header_line({data, bytes});
  } catch (const std::exception&) {
    return 0;
  }
  return bytes;
}

template <class Value>
void set(CURL* easy, CURLoption option, Value value) {
  const CURLcode rc = curl_easy_setopt(easy, option, value);
  if (rc != CURLE_OK)
    throw std::runtime_error("cannot set curl option " + std::to_string(option) + ": " + curl_easy_strerror(rc));
}

HeaderList conditional_headers(const FetchRequest& request) {
  HeaderList list;
  const auto append = [&list](const std::string& line) {
    curl_slist* const grown = curl_slist_append(list.get(), line.c_str());
    if (grown == nullptr) throw std::runtime_error("out of memory building request headers");
    (void)list.release();  // `grown` now heads the same list
    list.reset(grown);
  };
  if (request.etag) append("If-None-Match: " + *request.etag);
  if (request.last_modified) append("If-Modified-Since: " + *request.last_modified);
  return list;
}

void configure(Transfer& t, const FetchLimits& limits, const std::string& user_agent) {
  t.easy.reset(curl_easy_init());
  if (!t.easy) throw std::runtime_error("curl_easy_init failed");
  CURL* const e = t.easy.get();
  void* const self = &t;
  set(e, CURLOPT_URL, t.request.url.c_str());
  set(e, CURLOPT_PRIVATE, self);
  set(e, CURLOPT_WRITEFUNCTION, &on_body);
  set(e, CURLOPT_WRITEDATA, self);
  set(e, CURLOPT_HEADERFUNCTION, &on_header);
  set(e, CURLOPT_HEADERDATA, self);
  set(e, CURLOPT_ERRORBUFFER, t.curl_error.data());
  set(e, CURLOPT_NOSIGNAL, 1L);  // no SIGALRM-based DNS timeouts in a threaded daemon
  set(e, CURLOPT_CONNECTTIMEOUT_MS, static_cast<long>(limits.connect_timeout.count()));
  set(e, CURLOPT_TIMEOUT_MS, static_cast<long>(limits.total_timeout.count()));
  set(e, CURLOPT_FOLLOWLOCATION, 1L);
  set(e, CURLOPT_MAXREDIRS, static_cast<long>(limits.max_redirects));
  // A feed URL or a redirect must never reach file://, gopher:// and the like.
  set(e, CURLOPT_PROTOCOLS_STR, "http,https");
  set(e, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
  set(e, CURLOPT_ACCEPT_ENCODING, "");  // every encoding this libcurl can decode
  set(e, CURLOPT_MAXFILESIZE_LARGE, static_cast<curl_off_t>(limits.max_body_bytes));
  set(e, CURLOPT_USERAGENT, user_agent.c_str());
  t.request_headers = conditional_headers(t.request);
  if (t.request_headers) set(e, CURLOPT_HTTPHEADER, t.request_headers.get());
}

// The request-forgery guard, asked by libcurl before every connect.
MultiDriver::ConnectCheck guard_for(Transfer& t, const std::vector<IpNetwork>& allowed) {
  return [&t, &allowed](const curl_sockaddr& socket_address) {
    const auto address = address_of(&socket_address.addr);
    if (!address) {
      t.refused = "an address that is not IPv4 or IPv6";
      return false;
    }
    if (may_connect(*address, allowed)) return true;
    t.refused = address->to_string() + " (" + std::string(non_public_reason(*address).value_or("not public")) + ")";
    return false;
  };
}

FetchResult unstarted(const FetchRequest& request, FetchOutcome outcome, std::string error) {
  FetchResult result;
  result.outcome = outcome;
  result.url = request.url;
  result.final_url = request.url;
  result.error = std::move(error);
  return result;
}

template <class Value>
Value info(CURL* easy, CURLINFO what, Value fallback) {
  Value value = fallback;
  if (curl_easy_getinfo(easy, what, &value) != CURLE_OK) return fallback;
  return value;
}

}  // namespace

struct Fetcher::Impl {
  Impl(asio::io_context& context, FetchLimits fetch_limits);
  ~Impl() { cancel_all(); }
  Impl(const Impl&) = delete;
  Impl& operator=(const Impl&) = delete;

  void fetch(FetchRequest request, Callback done);
  void cancel_all();
  void start_ready();
  void on_finished(CURL* easy, CURLcode code);
  FetchResult result_of(Transfer& t, CURLcode code) const;
  void complete(Admission::Ticket ticket, FetchResult result);
  void deliver(Callback done, FetchResult result);

  asio::io_context& io;
  const FetchLimits limits;
  const std::string user_agent;
  CurlGlobal curl_global;  // first: outlives every curl handle below
  MultiDriver driver;
  Admission admission;
  std::map<Admission::Ticket, std::unique_ptr<Transfer>> transfers;  // queued and running
  Admission::Ticket next_ticket = 1;
};

Fetcher::Impl::Impl(asio::io_context& context, FetchLimits fetch_limits)
    : io(context),
      limits(std::move(fetch_limits)),
      user_agent(limits.user_agent.empty() ? std::string(feedsieve::user_agent) : limits.user_agent),
      driver(context, [this](CURL* easy, CURLcode code) { on_finished(easy, code); }),
      admission(limits.max_concurrent, limits.max_per_host) {}

void Fetcher::Impl::fetch(FetchRequest request, Callback done) {
  auto host = host_of(request.url);
  if (!host) {
    const std::string error = request.url + ": not a valid URL";
    deliver(std::move(done), unstarted(request, FetchOutcome::network_error, error));
    return;
  }
  const Admission::Ticket ticket = next_ticket++;
  transfers.emplace(ticket, std::make_unique<Transfer>(ticket, std::move(request), std::move(done), *host,
                                                       limits.max_body_bytes));
  admission.enqueue(ticket, *host);
  start_ready();
}

void Fetcher::Impl::start_ready() {
  while (const auto ticket = admission.next()) {
    Transfer& t = *transfers.at(*ticket);
    t.admitted = true;
    t.started = Clock::now();
    try {
      configure(t, limits, user_agent);
      if (t.request.guarded) t.connect_check = guard_for(t, limits.allow_networks);
      t.running = driver.start(t.easy.get(), t.request.guarded ? &t.connect_check : nullptr);
    } catch (const std::exception& e) {
      complete(*ticket, unstarted(t.request, FetchOutcome::network_error, t.request.url + ": " + e.what()));
    }
  }
}

void Fetcher::Impl::on_finished(CURL* easy, CURLcode code) {
  auto& t = *static_cast<Transfer*>(info<void*>(easy, CURLINFO_PRIVATE, nullptr));
  complete(t.ticket, result_of(t, code));
  start_ready();
}

FetchResult Fetcher::Impl::result_of(Transfer& t, CURLcode code) const {
  CURL* const easy = t.easy.get();
  FetchResult result;
  result.url = t.request.url;
  const char* const effective = info<char*>(easy, CURLINFO_EFFECTIVE_URL, nullptr);
  result.final_url = effective != nullptr ? effective : t.request.url;
  result.http_status = info<long>(easy, CURLINFO_RESPONSE_CODE, 0L);
  result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t.started);

  const Verdict verdict = judge({.url = t.request.url,
                                 .code = code,
                                 .http_status = result.http_status,
                                 .reason = t.response.reason(),
                                 .body_over_cap = t.body_over_cap,
                                 .elapsed = result.elapsed,
                                 .curl_error = t.curl_error.data()},
                                limits);
  result.outcome = verdict.outcome;
  result.error = verdict.error;
  if (t.refused && !result.succeeded()) {
    result.outcome = FetchOutcome::network_error;
    result.guard_refused = true;
    result.error = t.request.url + ": refused to connect to " + *t.refused +
                   ": a link from a feed or page may only reach public addresses ([fetch] allow_networks)";
  }
  // Only a move that ends somewhere usable is worth recording on the feed.
  if (result.succeeded() && t.response.only_permanent_redirects()) result.permanent_redirect = result.final_url;
  result.content_type = t.response.content_type();
  result.etag = t.response.etag();
  result.last_modified = t.response.last_modified();
  result.retry_after = t.response.retry_after();
  result.cache_control = t.response.cache_control();
  result.expires = t.response.expires();
  if (result.outcome != FetchOutcome::too_large) result.body = std::move(t.body);
  return result;
}

// Ends one transfer: frees its slots and hands its result to its callback.
void Fetcher::Impl::complete(Admission::Ticket ticket, FetchResult result) {
  const auto found = transfers.find(ticket);
  if (found == transfers.end()) return;
  std::unique_ptr<Transfer> t = std::move(found->second);
  transfers.erase(found);
  if (t->admitted) admission.finished(t->host);
  spdlog::debug("fetch: {} -> {} (HTTP {}, {} bytes, {} ms)", result.url, outcome_name(result.outcome),
                result.http_status, result.body.size(), result.elapsed.count());
  deliver(std::move(t->done), std::move(result));
}

// Callbacks never run inside fetch(), cancel_all() or libcurl's bookkeeping:
// they are posted, so they may call fetch() or cancel_all() freely.
void Fetcher::Impl::deliver(Callback done, FetchResult result) {
  asio::post(io, [done = std::move(done), result = std::move(result)]() mutable { done(std::move(result)); });
}

void Fetcher::Impl::cancel_all() {
  auto abandoned = std::exchange(transfers, {});
  admission.clear();
  for (auto& [ticket, t] : abandoned) {
    FetchResult result = unstarted(t->request, FetchOutcome::cancelled, t->request.url + ": cancelled");
    if (t->admitted) result.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(Clock::now() - t->started);
    Callback done = std::move(t->done);
    t.reset();  // leaves the multi handle now, before the callback can start anything new
    deliver(std::move(done), std::move(result));
  }
}

Fetcher::Fetcher(asio::io_context& io, FetchLimits limits) : impl_(std::make_unique<Impl>(io, std::move(limits))) {}

Fetcher::~Fetcher() = default;

void Fetcher::fetch(FetchRequest request, Callback done) { impl_->fetch(std::move(request), std::move(done)); }

void Fetcher::cancel_all() { impl_->cancel_all(); }

std::size_t Fetcher::in_flight() const { return impl_->transfers.size(); }

}  // namespace feedsieve
