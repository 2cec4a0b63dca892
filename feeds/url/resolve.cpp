// RFC 3986 section 5 reference resolution through Boost.URL.
//
// Both sides are first repaired the way browsers repair links (see clean.cpp),
// so "/a b/é" resolves instead of being rejected. An already absolute
// reference is returned as given (trimmed), without repair or normalisation:
// resolve_url resolves, canonical_url normalises.
#include <boost/url.hpp>
#include <cctype>

#include "feeds/text/ascii.hpp"
#include "feeds/url/base_url.hpp"
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

// Whether trimmed text starts with "scheme:" (RFC 3986 3.1). Such a reference
// comes back unchanged whatever follows: clean_reference() keeps the prefix,
// and a text that starts with a scheme cannot be a relative reference, so it
// either parses as a URI or is rejected, and both return it as given. Deciding
// that here skips the copy and two parses for the usual absolute link.
bool starts_with_scheme(std::string_view text) {
  if (text.empty() || !ascii_alpha(text.front())) return false;
  for (const char c : text.substr(1)) {
    if (c == ':') return true;
    if (!scheme_char(c)) return false;
  }
  return false;
}

// A base that is itself a relative reference (an xml:base of "/podcast/" in
// a document whose own URL is not known) is resolved under this root, which
// is taken off the results again: "ep1" becomes "/podcast/ep1", as Python's
// urljoin, and so feedparser, has it.
constexpr std::string_view kStandInScheme = "http:";
constexpr std::string_view kStandInHost = "//relative.invalid";

std::optional<boost::urls::url> parse_base(std::string_view base, BaseUrl::StandIn& stand_in) {
  const std::string text = url_detail::clean_reference(base);  // the parsed view points into it
  if (const auto parsed = boost::urls::parse_uri(text)) return boost::urls::url(*parsed);
  if (text.empty() || !boost::urls::parse_relative_ref(text)) return std::nullopt;
  std::string absolute(kStandInScheme);
  if (text.starts_with("//")) {
    stand_in = BaseUrl::StandIn::network_path;
  } else {
    stand_in = text.front() == '/' ? BaseUrl::StandIn::absolute_path : BaseUrl::StandIn::relative_path;
    absolute += kStandInHost;
    if (text.front() != '/') absolute += '/';
  }
  absolute += text;
  const auto parsed = boost::urls::parse_uri(absolute);
  if (!parsed) return std::nullopt;
  return boost::urls::url(*parsed);
}

// A relative reference made only of unreserved characters and '/', with no
// "." or ".." segment and no leading "//": clean_reference leaves it as it is,
// it parses as a path and nothing else, and resolving it only puts the base's
// prefix (scheme, authority, the base path's directory for "a/b") before it,
// since the dot-segment pass finds nothing to remove in it.
bool is_plain_path(std::string_view reference) {
  if (reference.starts_with("//")) return false;
  std::size_t segment_start = 0;
  for (std::size_t i = 0; i <= reference.size(); ++i) {
    if (i == reference.size() || reference[i] == '/') {
      const std::string_view segment = reference.substr(segment_start, i - segment_start);
      if (segment == "." || segment == "..") return false;
      segment_start = i + 1;
      continue;
    }
    const char c = reference[i];
    const bool unreserved = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                            c == '-' || c == '.' || c == '_' || c == '~';
    if (!unreserved) return false;
  }
  return true;
}

// `probe` resolved the long way, minus the probe: the prefix every plain
// reference of the same kind gets. nullopt when the result does not end in it.
std::optional<std::string> prefix_before(std::string resolved, std::string_view probe) {
  if (!std::string_view(resolved).ends_with(probe) || resolved == probe) return std::nullopt;
  resolved.resize(resolved.size() - probe.size());
  return resolved;
}

}  // namespace

BaseUrl::BaseUrl(std::string_view base) : BaseUrl(base, OneReference{}) {
  if (!parsed_) return;
  auto absolute = prefix_before(resolve_parsed("/p"), "/p");
  auto relative = prefix_before(resolve_parsed("p"), "p");
  if (!absolute || !relative) return;
  plain_ = PlainPrefixes{std::move(*absolute), std::move(*relative), std::nullopt};
  // The relative prefix is the absolute one and a directory ("/a/b/"), from
  // which each ".." step takes one segment, as remove_dot_segments would.
  const std::string& rel = plain_->relative;
  const std::size_t start = plain_->absolute.size();
  if (rel.size() <= start || !rel.starts_with(plain_->absolute) || rel[start] != '/' || rel.back() != '/') return;
  plain_->directory = start;
  // Held to the long way on probes of each shape, or not used.
  for (const std::string_view probe : {"../p", "../../p", "./p", "./../p/q", "../../../../../../p"}) {
    if (resolve_steps(probe) != resolve_parsed(probe)) {
      plain_->directory.reset();
      return;
    }
  }
}

std::optional<std::string> BaseUrl::resolve_steps(std::string_view trimmed) const {
  std::size_t parents = 0;
  for (;;) {
    if (trimmed.starts_with("./")) {
      trimmed.remove_prefix(2);
    } else if (trimmed.starts_with("../")) {
      trimmed.remove_prefix(3);
      ++parents;
    } else {
      break;
    }
  }
  // After the steps, a non-empty plain path that is not absolute.
  if (trimmed.empty() || trimmed.front() == '/' || !is_plain_path(trimmed)) return std::nullopt;
  std::string_view prefix = plain_->relative;
  const std::size_t root = *plain_->directory;  // the '/' that starts the path
  for (; parents > 0 && prefix.size() > root + 1; --parents) {
    prefix.remove_suffix(1);                      // the '/' that ends the directory
    prefix = prefix.substr(0, prefix.rfind('/') + 1);  // and its last segment
  }
  std::string out;
  out.reserve(prefix.size() + trimmed.size());
  (out += prefix) += trimmed;
  return out;
}

std::string BaseUrl::resolve(std::string_view reference) const {
  const std::string_view trimmed = url_detail::trim(reference);
  if (trimmed.empty()) return trimmed_;
  if (starts_with_scheme(trimmed)) return std::string(trimmed);
  // Without a base every reference comes back as given (see resolve_parsed).
  if (!parsed_) return std::string(trimmed);
  std::string resolved = resolve_reference(trimmed, reference);
  return stand_in_ == StandIn::none ? resolved : without_stand_in(std::move(resolved), trimmed);
}

// The stand-in root of a relative base taken off a result; a result that
// left the stand-in host (a "//host/x" reference) keeps its own.
std::string BaseUrl::without_stand_in(std::string resolved, std::string_view trimmed) const {
  if (!resolved.starts_with(kStandInScheme)) return resolved;
  std::string_view rest = std::string_view(resolved).substr(kStandInScheme.size());
  const bool on_stand_in_host = rest.starts_with(kStandInHost) &&
                                (rest.size() == kStandInHost.size() ||
                                 std::string_view("/?#").find(rest[kStandInHost.size()]) != std::string_view::npos);
  if (stand_in_ != StandIn::network_path && on_stand_in_host) {
    rest.remove_prefix(kStandInHost.size());
    // Under a relative path the result is relative too, unless the reference had a path from the root.
    if (stand_in_ == StandIn::relative_path && rest.starts_with('/') && trimmed.front() != '/') rest.remove_prefix(1);
  }
  return std::string(rest);
}

// A reference without a scheme against the parsed base.
std::string BaseUrl::resolve_reference(std::string_view trimmed, std::string_view reference) const {
  if (plain_ && is_plain_path(trimmed)) {
    const std::string& prefix = trimmed.front() == '/' ? plain_->absolute : plain_->relative;
    std::string out;
    out.reserve(prefix.size() + trimmed.size());
    (out += prefix) += trimmed;
    return out;
  }
  if (plain_ && plain_->directory && trimmed.front() == '.') {
    if (auto stepped = resolve_steps(trimmed)) return std::move(*stepped);
  }
  return resolve_parsed(reference);
}

// The whole RFC 3986 resolution through Boost.URL, for a non-empty reference
// without a scheme.
std::string BaseUrl::resolve_parsed(std::string_view reference) const {
  const std::string_view trimmed = url_detail::trim(reference);
  const std::string ref_text = url_detail::clean_reference(reference);
  if (boost::urls::parse_uri(ref_text)) return std::string(trimmed);
  const auto ref = boost::urls::parse_uri_reference(ref_text);
  if (!ref || !parsed_) return std::string(trimmed);

  boost::urls::url resolved;
  if (!boost::urls::resolve(*parsed_, *ref, resolved)) return std::string(trimmed);
  // The fragment is the reference's alone (RFC 3986 5.2.2); Boost.URL 1.81
  // keeps the base's for a reference of only a query.
  if (!ref->has_fragment()) resolved.remove_fragment();
  return with_clean_path(resolved);
}

BaseUrl::BaseUrl(std::string_view base, OneReference)
    : trimmed_(url_detail::trim(base)), parsed_(parse_base(base, stand_in_)) {}

std::string resolve_url(std::string_view base, std::string_view reference) {
  const std::string_view trimmed = url_detail::trim(reference);
  if (starts_with_scheme(trimmed)) return std::string(trimmed);  // the base is not needed
  // One reference: the prefixes for plain paths would cost more than they save.
  return BaseUrl(base, BaseUrl::OneReference{}).resolve(reference);
}

}  // namespace feedsieve
