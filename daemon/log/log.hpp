#pragma once
// Logging: one line per event on stderr, through spdlog. Under systemd
// (JOURNAL_STREAM set) lines carry a "<N>" syslog priority prefix instead of a
// timestamp, so journald records the level and adds its own time.
#include <optional>
#include <string>
#include <string_view>

namespace feedsieve::log {

// "trace", "debug", "info", "warn", "error", "critical", "off"; nullopt when unknown.
std::optional<int> level_from_name(std::string_view name);

// Installs the stderr logger as spdlog's default. Call once, from main's thread.
void setup(std::string_view level_name = "info");

// Changes the level of the installed logger (e.g. after a config reload).
void set_level(std::string_view level_name);

}  // namespace feedsieve::log
