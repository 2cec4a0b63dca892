#pragma once
// Internal to feeds/text: which URLs sanitized HTML may keep.
#include <optional>
#include <string>
#include <string_view>

#include "feeds/url/base_url.hpp"

namespace feedsieve::text_detail {

enum class UrlUse {
  link,   // a[href], blockquote[cite]...: http(s), mailto, ftp, tel, relative
  media,  // audio/video/source src, video poster: http(s) and relative only
  image,  // img src: as media, plus data:image/(png|gif|jpeg|webp)
};

// The URL to write for an attribute value (entities already decoded), resolved
// against base; nullopt when the URL must be dropped.
std::optional<std::string> safe_url(std::string_view value, const BaseUrl& base, UrlUse use);

// Whether a link field (an item's or feed's link, an enclosure's URL; absolute,
// or relative when the feed gave no base) may be kept: the schemes `link`
// allows, read as a browser reads them. Not javascript:, data:, file:...
bool link_allowed(std::string_view url);

// A srcset with every candidate URL passed through safe_url(media) and
// resolved; candidates that fail are dropped; nullopt when none is left.
std::optional<std::string> safe_srcset(std::string_view value, const BaseUrl& base);

}  // namespace feedsieve::text_detail
