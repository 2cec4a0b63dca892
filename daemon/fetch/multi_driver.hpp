#pragma once
// Runs libcurl easy handles on an io_context: one multi handle driven by
// curl_multi_socket_action, with Asio waiting on the sockets curl names
// (CURLMOPT_SOCKETFUNCTION) and on the one timer it asks for
// (CURLMOPT_TIMERFUNCTION). The Asio side lives in multi_driver.cpp only.
#include <curl/curl.h>

#include <functional>
#include <memory>

namespace boost::asio {
class io_context;
}

namespace feedsieve::fetch_detail {

class MultiDriver {
  struct Impl;

 public:
  // Runs on the io_context's thread when a transfer has ended, after libcurl
  // has finished handling the current event; it may start new handles and
  // drop the one it was given, nothing else.
  using Finished = std::function<void(CURL* easy, CURLcode code)>;

  // An easy handle taking part in the transfers; leaves the multi handle on
  // destruction. Must not outlive its MultiDriver.
  class Running {
   public:
    Running() = default;
    Running(Running&& other) noexcept;
    Running& operator=(Running&& other) noexcept;
    ~Running();

   private:
    friend class MultiDriver;
    Running(Impl* driver, CURL* easy) : driver_(driver), easy_(easy) {}
    void reset();
    Impl* driver_ = nullptr;
    CURL* easy_ = nullptr;
  };

  MultiDriver(boost::asio::io_context& io, Finished finished);
  ~MultiDriver();
  MultiDriver(const MultiDriver&) = delete;
  MultiDriver& operator=(const MultiDriver&) = delete;

  // Decides, for every connection about to be opened, whether its resolved
  // address may be reached; false refuses the connection.
  using ConnectCheck = std::function<bool(const curl_sockaddr&)>;

  // Adds `easy` to the multi handle; it starts on the next turn of the loop.
  // `check`, when given, must outlive the transfer. Throws std::runtime_error
  // when libcurl refuses it.
  [[nodiscard]] Running start(CURL* easy, const ConnectCheck* check = nullptr);

 private:
  // Shared only so that Asio handlers still queued can tell it is gone.
  std::shared_ptr<Impl> impl_;
};

}  // namespace feedsieve::fetch_detail
