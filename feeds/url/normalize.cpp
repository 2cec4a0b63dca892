// Percent-encoding normalisation and dot-segment removal, written out here
// because Boost.URL 1.81's url::normalize() gets both wrong in ways that
// matter for identity: it decodes %2F into '/' (turning one path segment into
// two), keeps "/../" at the root, and set_encoded_path("/") on an empty path
// writes "/./". Boost.URL still does the parsing and the reference resolution.
#include <cctype>
#include <vector>

#include "feeds/url/url_detail.hpp"

namespace feedsieve::url_detail {
namespace {

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_unreserved(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '.' || c == '_' || c == '~';
}

}  // namespace

std::string normalize_percent_encoding(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '%' && i + 2 < text.size() && hex_value(text[i + 1]) >= 0 && hex_value(text[i + 2]) >= 0) {
      const char decoded = static_cast<char>(hex_value(text[i + 1]) * 16 + hex_value(text[i + 2]));
      if (is_unreserved(decoded)) {
        out += decoded;
      } else {
        out += '%';
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i + 1])));
        out += static_cast<char>(std::toupper(static_cast<unsigned char>(text[i + 2])));
      }
      i += 2;
    } else {
      out += text[i];
    }
  }
  return out;
}

std::string remove_dot_segments(std::string_view path) {
  // Segments of the output; each keeps its leading '/' (if any).
  std::vector<std::string_view> kept;
  while (!path.empty()) {
    if (path.starts_with("../")) {
      path.remove_prefix(3);
    } else if (path.starts_with("./")) {
      path.remove_prefix(2);
    } else if (path.starts_with("/./")) {
      path.remove_prefix(2);
    } else if (path == "/.") {
      path = "/";
    } else if (path.starts_with("/../")) {
      path.remove_prefix(3);
      if (!kept.empty()) kept.pop_back();
    } else if (path == "/..") {
      path = "/";
      if (!kept.empty()) kept.pop_back();
    } else if (path == "." || path == "..") {
      path = {};
    } else {
      const std::size_t end = path.find('/', path.front() == '/' ? 1 : 0);
      const std::size_t length = end == std::string_view::npos ? path.size() : end;
      kept.push_back(path.substr(0, length));
      path.remove_prefix(length);
    }
  }
  std::string out;
  for (const std::string_view segment : kept) out += segment;
  return out;
}

}  // namespace feedsieve::url_detail
