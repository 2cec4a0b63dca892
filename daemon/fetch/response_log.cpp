#include "daemon/fetch/response_log.hpp"

#include <algorithm>
#include <charconv>

#include "feeds/text/ascii.hpp"

namespace feedsieve::fetch_detail {
namespace {

std::string_view trim(std::string_view text) {
  const auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  return text;
}

// "HTTP/1.1 301 Moved Permanently" or "HTTP/2 200": the code, or 0.
int status_code(std::string_view line, std::string_view& reason) {
  const auto space = line.find(' ');
  if (space == std::string_view::npos) return 0;
  std::string_view rest = line.substr(space + 1);
  int code = 0;
  const auto [end, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), code);
  if (ec != std::errc{}) return 0;
  reason = trim(rest.substr(static_cast<std::size_t>(end - rest.data())));
  return code;
}

}  // namespace

void ResponseLog::on_header_line(std::string_view line) {
  line = trim(line);
  if (line.empty()) return;  // the blank line that ends a header block
  if (line.substr(0, 5) == "HTTP/") return start_response(line);
  const auto colon = line.find(':');
  if (colon == std::string_view::npos) return;
  add_field(trim(line.substr(0, colon)), std::string(trim(line.substr(colon + 1))));
}

bool ResponseLog::only_permanent_redirects() const {
  if (statuses_.size() < 2) return false;
  return std::all_of(statuses_.begin(), statuses_.end() - 1, [](int code) { return code == 301 || code == 308; });
}

// A new status line means the previous response (a redirect or an interim
// 1xx) is over: only the headers of the latest one describe the body.
void ResponseLog::start_response(std::string_view status_line) {
  std::string_view reason;
  const int code = status_code(status_line, reason);
  if (code >= 200) statuses_.push_back(code);
  reason_ = reason;
  content_type_.clear();
  etag_.reset();
  last_modified_.reset();
  retry_after_.reset();
  cache_control_.reset();
  expires_.reset();
}

void ResponseLog::add_field(std::string_view name, std::string value) {
  if (ascii_iequals(name, "Content-Type")) {
    content_type_ = std::move(value);
  } else if (ascii_iequals(name, "ETag")) {
    etag_ = std::move(value);
  } else if (ascii_iequals(name, "Last-Modified")) {
    last_modified_ = std::move(value);
  } else if (ascii_iequals(name, "Retry-After")) {
    retry_after_ = std::move(value);
  } else if (ascii_iequals(name, "Expires")) {
    expires_ = std::move(value);
  } else if (ascii_iequals(name, "Cache-Control")) {
    // A list header: repeated fields mean the same as one comma-joined field.
    cache_control_ = cache_control_ ? *cache_control_ + ", " + value : std::move(value);
  }
}

}  // namespace feedsieve::fetch_detail
