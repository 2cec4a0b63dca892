#pragma once
// What the header callback learns about one transfer: the status of every
// response on the way (each followed redirect included) and the headers of the
// latest one. Fed raw header lines exactly as libcurl delivers them.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace feedsieve::fetch_detail {

class ResponseLog {
 public:
  void on_header_line(std::string_view line);

  // Final statuses (1xx interim responses left out), oldest first.
  const std::vector<int>& statuses() const { return statuses_; }
  // True when at least one redirect was followed and every one was 301 or 308.
  bool only_permanent_redirects() const;

  // Of the latest response only.
  const std::string& reason() const { return reason_; }
  const std::string& content_type() const { return content_type_; }
  const std::optional<std::string>& etag() const { return etag_; }
  const std::optional<std::string>& last_modified() const { return last_modified_; }
  const std::optional<std::string>& retry_after() const { return retry_after_; }
  const std::optional<std::string>& cache_control() const { return cache_control_; }
  const std::optional<std::string>& expires() const { return expires_; }

 private:
  void start_response(std::string_view status_line);
  void add_field(std::string_view name, std::string value);

  std::vector<int> statuses_;
  std::string reason_;
  std::string content_type_;
  std::optional<std::string> etag_;
  std::optional<std::string> last_modified_;
  std::optional<std::string> retry_after_;
  std::optional<std::string> cache_control_;
  std::optional<std::string> expires_;
};

}  // namespace feedsieve::fetch_detail
