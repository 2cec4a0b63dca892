#pragma once
// The systemd notification protocol (sd_notify(3)): READY, STATUS, RELOADING,
// STOPPING and watchdog pings. Every call is a no-op outside systemd, where
// NOTIFY_SOCKET is unset.
#include <chrono>
#include <optional>
#include <string_view>

namespace feedsieve {

class Notifier {
 public:
  void ready() const;
  void reloading() const;
  void stopping() const;
  void status(std::string_view text) const;
  void watchdog() const;
  // Asks for `more` time to start (EXTEND_TIMEOUT_USEC) before a step that
  // may outlast the unit's start timeout.
  void extend_start(std::chrono::microseconds more) const;
  // How often to ping: half of WatchdogSec, or nullopt when the watchdog is off.
  std::optional<std::chrono::microseconds> watchdog_period() const;
};

}  // namespace feedsieve
