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

  // How a base that is a relative reference is resolved under a stand-in root.
  enum class StandIn { none, network_path, absolute_path, relative_path };

 private:
  friend std::string resolve_url(std::string_view base, std::string_view reference);
  struct OneReference {};
  // The base without the plain-path prefixes, for resolving a single reference.
  BaseUrl(std::string_view base, OneReference);

  // What an RFC 3986 resolution makes of a plain path reference (no dot
  // segment, query, fragment, escape or scheme): one prefix for "/a/b", one
  // for "a/b", each found by resolving a probe the long way at construction.
  struct PlainPrefixes {
    std::string absolute;  // before a reference that starts with '/'
    std::string relative;  // before one that does not
    // Where the path of `relative` starts (it ends in '/'), for "../a"
    // references; nullopt when that shortcut did not match its probes.
    std::optional<std::size_t> directory;
  };
  std::string resolve_reference(std::string_view trimmed, std::string_view reference) const;
  std::string without_stand_in(std::string resolved, std::string_view trimmed) const;
  std::string resolve_parsed(std::string_view reference) const;
  // A reference made of leading "./" and "../" steps and a plain relative
  // path, resolved from the prefixes; nullopt for any other reference.
  std::optional<std::string> resolve_steps(std::string_view trimmed) const;

  std::string trimmed_;                     // what an empty reference resolves to
  StandIn stand_in_ = StandIn::none;        // parse_base sets it as parsed_ is built
  std::optional<boost::urls::url> parsed_;  // nullopt when the base does not parse
  std::optional<PlainPrefixes> plain_;      // nullopt when the base gives none
};

}  // namespace feedsieve
