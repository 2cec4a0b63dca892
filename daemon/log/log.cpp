#include "daemon/log/log.hpp"

#include <spdlog/pattern_formatter.h>
#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <cstdlib>
#include <memory>

namespace feedsieve::log {
namespace {

// sd-daemon(3) priorities: journald strips "<N>" and records it as PRIORITY.
class SyslogPriorityFlag final : public spdlog::custom_flag_formatter {
 public:
  void format(const spdlog::details::log_msg& msg, const std::tm&, spdlog::memory_buf_t& dest) override {
    const char* prefix = "<6>";
    switch (msg.level) {
      case spdlog::level::trace:
      case spdlog::level::debug: prefix = "<7>"; break;
      case spdlog::level::info: prefix = "<6>"; break;
      case spdlog::level::warn: prefix = "<4>"; break;
      case spdlog::level::err: prefix = "<3>"; break;
      case spdlog::level::critical: prefix = "<2>"; break;
      default: break;
    }
    dest.append(prefix, prefix + 3);
  }
  std::unique_ptr<custom_flag_formatter> clone() const override { return std::make_unique<SyslogPriorityFlag>(); }
};

bool under_journald() { return std::getenv("JOURNAL_STREAM") != nullptr; }

}  // namespace

std::optional<int> level_from_name(std::string_view name) {
  const auto level = spdlog::level::from_str(std::string(name));
  // from_str answers "off" for names it does not know.
  if (level == spdlog::level::off && name != "off") return std::nullopt;
  return static_cast<int>(level);
}

void setup(std::string_view level_name) {
  auto logger = std::make_shared<spdlog::logger>("feedsieve", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  if (under_journald()) {
    auto formatter = std::make_unique<spdlog::pattern_formatter>();
    formatter->add_flag<SyslogPriorityFlag>('*').set_pattern("%*%v");
    logger->set_formatter(std::move(formatter));
  } else {
    logger->set_formatter(
        std::make_unique<spdlog::pattern_formatter>("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc));
  }
  logger->flush_on(spdlog::level::trace);
  spdlog::set_default_logger(std::move(logger));
  set_level(level_name);
}

void set_level(std::string_view level_name) {
  const auto level = level_from_name(level_name);
  spdlog::set_level(level ? static_cast<spdlog::level::level_enum>(*level) : spdlog::level::info);
}

}  // namespace feedsieve::log
