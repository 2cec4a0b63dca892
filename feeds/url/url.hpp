#pragma once
// URL handling on Boost.URL: resolving references and canonical links for identity.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feedsieve {

// Resolves `reference` against `base` (RFC 3986). Returns `reference` unchanged
// when it is already absolute, and when either side does not parse.
std::string resolve_url(std::string_view base, std::string_view reference);

// Whether `text` starts with http:// or https:// (the links feedsieve follows).
inline bool is_web_url(std::string_view text) { return text.starts_with("http://") || text.starts_with("https://"); }

struct CanonicalOptions {
  // Query parameters dropped from canonical links. An entry ending in '*' is a prefix.
  std::vector<std::string> tracking_parameters = default_tracking_parameters();

  static std::vector<std::string> default_tracking_parameters();
};

// The identity form of a link: scheme and host lower-cased, default port and
// fragment removed, tracking parameters removed, remaining parameters sorted,
// empty path as "/". nullopt when the link is not an absolute http(s) URL.
std::optional<std::string> canonical_url(std::string_view link, const CanonicalOptions& options = {});

}  // namespace feedsieve
