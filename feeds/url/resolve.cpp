// RFC 3986 section 5 reference resolution through Boost.URL.
//
// Both sides are first repaired the way browsers repair links (see clean.cpp),
// so "/a b/é" resolves instead of being rejected. An already absolute
// reference is returned as given (trimmed), without repair or normalisation:
// resolve_url resolves, canonical_url normalises.
#include <boost/url.hpp>

#include "feeds/url/url.hpp"
#include "feeds/url/url_detail.hpp"

namespace feedsieve {
namespace {

// Boost.URL 1.81's resolve() keeps ".." segments above the root
// ("http://a/../g"); the path is cleaned again with the RFC algorithm.
std::string with_clean_path(const boost::urls::url_view_base& u) {
  std::string out(u.scheme());
  out += ':';
  if (u.has_authority()) (out += "//") += u.encoded_authority();
  out += url_detail::remove_dot_segments(u.encoded_path());
  if (u.has_query()) (out += '?') += u.encoded_query();
  if (u.has_fragment()) (out += '#') += u.encoded_fragment();
  return out;
}

}  // namespace

std::string resolve_url(std::string_view base, std::string_view reference) {
  const std::string_view trimmed = url_detail::trim(reference);
  if (trimmed.empty()) return std::string(url_detail::trim(base));

  const std::string ref_text = url_detail::clean_reference(reference);
  if (boost::urls::parse_uri(ref_text)) return std::string(trimmed);
  const auto ref = boost::urls::parse_uri_reference(ref_text);
  if (!ref) return std::string(trimmed);

  const std::string base_text = url_detail::clean_reference(base);
  const auto base_url = boost::urls::parse_uri(base_text);
  if (!base_url) return std::string(trimmed);

  boost::urls::url resolved;
  if (!boost::urls::resolve(*base_url, *ref, resolved)) return std::string(trimmed);
  return with_clean_path(resolved);
}

}  // namespace feedsieve
