#include "daemon/run/notify.hpp"

#include <systemd/sd-daemon.h>

#include <string>

namespace feedsieve {

void Notifier::ready() const { sd_notify(0, "READY=1"); }

void Notifier::reloading() const { sd_notify(0, "RELOADING=1"); }

void Notifier::stopping() const { sd_notify(0, "STOPPING=1"); }

void Notifier::status(std::string_view text) const {
  const std::string message = "STATUS=" + std::string(text);
  sd_notify(0, message.c_str());
}

void Notifier::watchdog() const { sd_notify(0, "WATCHDOG=1"); }

void Notifier::extend_start(std::chrono::microseconds more) const {
  const std::string message = "EXTEND_TIMEOUT_USEC=" + std::to_string(more.count());
  sd_notify(0, message.c_str());
}

std::optional<std::chrono::microseconds> Notifier::watchdog_period() const {
  std::uint64_t usec = 0;
  if (sd_watchdog_enabled(0, &usec) <= 0 || usec == 0) return std::nullopt;
  return std::chrono::microseconds(usec / 2);
}

}  // namespace feedsieve
