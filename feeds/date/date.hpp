#pragma once
// Date parsing for feeds: RFC 822 and its real-world variants, W3C-DTF / ISO 8601
// / RFC 3339. Pure: an unparseable date is nullopt, never "now" or the epoch.
#include <optional>
#include <string>
#include <string_view>

#include "feeds/model.hpp"

namespace feedsieve {

std::optional<Timestamp> parse_date(std::string_view text);

// "2024-05-01T12:00:00Z"
std::string format_rfc3339(Timestamp t);

// Parses exactly the form format_rfc3339 writes and other RFC 3339 timestamps.
std::optional<Timestamp> parse_rfc3339(std::string_view text);

}  // namespace feedsieve
