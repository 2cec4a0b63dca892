#pragma once
// The units people write in the config and on the command line.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string_view>

namespace feedsieve {

// "90" (seconds), "90s", "5m", "2h", "7d", "1w", and sums such as "1h30m".
std::optional<std::chrono::seconds> parse_duration(std::string_view text);

// "1048576" (bytes), "512KiB", "16MiB", "1GiB", and the decimal "KB", "MB", "GB".
std::optional<std::uint64_t> parse_size(std::string_view text);

}  // namespace feedsieve
