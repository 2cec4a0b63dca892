#pragma once
// Internal to feeds/text and its tests: the two ways to each result.
// html_to_text and sanitize_html take the fast path when it accepts the
// fragment (see simple_html.hpp) and gumbo otherwise; the fast path must give
// gumbo's output byte for byte for everything it accepts.
#include <optional>
#include <string>
#include <string_view>

namespace feedsieve::text_detail {

// nullopt when the fragment is not simple enough for the fast path.
std::optional<std::string> html_to_text_fast(std::string_view html);
std::string html_to_text_gumbo(std::string_view html);

std::optional<std::string> sanitize_html_fast(std::string_view html, std::string_view base_url);
std::string sanitize_html_gumbo(std::string_view html, std::string_view base_url);

}  // namespace feedsieve::text_detail
