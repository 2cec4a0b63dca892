// The identity form of a link, used to recognise the same article behind
// different URLs: RFC 3986 section 6.2.2 normalisation (lower-case scheme and
// host, upper-case percent-escape hex, decoded unreserved characters, dot
// segments removed) plus the policy on top: http(s) only, default port and
// fragment dropped, tracking parameters dropped, the remaining parameters
// sorted by key (stable, so repeated keys keep their order), an empty path
// written "/". Boost.URL splits the link into its parts; the parts are
// normalised here (see normalize.cpp for why not with url::normalize()) and
// the result is assembled as a string.
//
// AMP, mobile and "www." variants are folded (variants.cpp says how and
// why). Deliberately not done: trailing-slash folding, which is wrong for
// too many sites.
//
// The default tracking list contains "ref", which a few sites use for real
// content (GitHub's ?ref=branch); callers that care pass their own list.
#include <algorithm>

#include <boost/url.hpp>

#include "feeds/text/ascii.hpp"
#include "feeds/url/url.hpp"
#include "feeds/url/url_detail.hpp"

namespace feedsieve {
namespace {

bool is_tracking(std::string_view key, const std::vector<std::string>& patterns) {
  for (const std::string_view pattern : patterns) {
    if (!pattern.empty() && pattern.back() == '*') {
      const std::string_view prefix = pattern.substr(0, pattern.size() - 1);
      if (key.size() >= prefix.size() && ascii_iequals(key.substr(0, prefix.size()), prefix)) return true;
    } else if (ascii_iequals(key, pattern)) {
      return true;
    }
  }
  return false;
}

struct Param {
  std::string key;   // percent-encoded, normalised
  std::string text;  // "key" or "key=value", percent-encoded, normalised
};

// The query without tracking parameters, sorted by key; "" when nothing is left.
std::string clean_query(const boost::urls::url_view& u, const std::vector<std::string>& patterns) {
  std::vector<Param> kept;
  for (const auto param : u.encoded_params()) {
    if (param.key.empty() && !param.has_value) continue;  // "a=1&&b=2"
    if (is_tracking(param.key.decode(), patterns)) continue;
    if (url_detail::is_amp_parameter(param.key.decode(), param.has_value ? param.value.decode() : "")) continue;
    std::string key = url_detail::normalize_percent_encoding(param.key);
    std::string text = key;
    if (param.has_value) (text += '=') += url_detail::normalize_percent_encoding(param.value);
    kept.push_back({std::move(key), std::move(text)});
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Param& a, const Param& b) { return a.key < b.key; });
  std::string query;
  for (const Param& p : kept) {
    if (!query.empty()) query += '&';
    query += p.text;
  }
  return query;
}

bool is_default_port(const boost::urls::url_view& u) {
  const std::string_view port = u.port();
  return port.empty() || (u.scheme_id() == boost::urls::scheme::http && port == "80") ||
         (u.scheme_id() == boost::urls::scheme::https && port == "443");
}

}  // namespace

std::vector<std::string> CanonicalOptions::default_tracking_parameters() {
  return {
      // Campaign tagging (Google Analytics and everyone who copied it)
      "utm_*", "_ga", "_gl", "gclid", "gclsrc", "dclid", "wbraid", "gbraid",
      // Ad and social click identifiers
      "fbclid", "msclkid", "yclid", "igshid", "twclid", "ttclid", "li_fat_id", "rb_clickid", "s_cid",
      // Newsletters and marketing automation
      "mc_cid", "mc_eid", "mkt_tok", "_hsenc", "_hsmi", "hsctatracking", "vero_id", "oly_anon_id",
      "oly_enc_id", "mbid",
      // Referrer tags
      "ref", "ref_src", "ref_url", "__twitter_impression",
      // Publishers' own campaign parameters (NYT, Guardian, MSN, CNN, Alibaba, BBC, Webtrends, Yahoo)
      "cmpid", "cmp", "ocid", "smid", "smtyp", "soc_src", "soc_trk", "spm", "rss", "ns_source",
      "ns_mchannel", "ns_campaign", "ns_linkname", "ns_fee", "at_medium", "at_campaign", "wt.mc_id",
      "guccounter", "guce_referrer", "guce_referrer_sig", "itm_source", "itm_medium", "itm_campaign",
  };
}

std::optional<std::string> canonical_url(std::string_view link, const CanonicalOptions& options) {
  const std::string cleaned = url_detail::clean_reference(link);
  const auto parsed = boost::urls::parse_uri(cleaned);
  if (!parsed) return std::nullopt;
  const boost::urls::url_view& u = *parsed;
  if (u.scheme_id() != boost::urls::scheme::http && u.scheme_id() != boost::urls::scheme::https) {
    return std::nullopt;
  }
  if (!u.has_authority() || u.encoded_host().empty()) return std::nullopt;

  std::string out = ascii_lower(u.scheme());
  out += "://";
  if (u.has_userinfo()) (out += url_detail::normalize_percent_encoding(u.encoded_userinfo())) += '@';
  out += url_detail::fold_host_variant(url_detail::normalize_percent_encoding(ascii_lower(u.encoded_host())));
  if (u.has_port() && !is_default_port(u)) (out += ':') += u.port();
  const std::string path =
      url_detail::fold_amp_path(url_detail::remove_dot_segments(url_detail::normalize_percent_encoding(u.encoded_path())));
  out += path.empty() ? "/" : path;
  if (u.has_query()) {
    const std::string query = clean_query(u, options.tracking_parameters);
    if (!query.empty()) (out += '?') += query;
  }
  return out;
}

}  // namespace feedsieve
