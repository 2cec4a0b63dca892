#pragma once
// A base URL parsed once, for resolving every link of one content field:
// parsing the base again for each link was a tenth of a whole feed parse.
#include <optional>
#include <string>
#include <string_view>

#include <boost/url/url.hpp>

namespace feedsieve {

class BaseUrl {
 public:
  explicit BaseUrl(std::string_view base);

  // Exactly resolve_url(base, reference) for the base given at construction.
  std::string resolve(std::string_view reference) const;

 private:
  std::string trimmed_;                     // what an empty reference resolves to
  std::optional<boost::urls::url> parsed_;  // nullopt when the base does not parse
};

}  // namespace feedsieve
