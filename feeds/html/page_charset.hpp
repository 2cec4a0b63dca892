#pragma once
// Character encodings of HTML pages (WHATWG order, simplified): a byte order
// mark, else the HTTP charset, else a <meta charset> or http-equiv
// Content-Type anywhere in the head, else sniffing: valid UTF-8 is UTF-8,
// anything else windows-1252.
#include <string>
#include <string_view>

namespace feedsieve {

struct DecodedPage {
  std::string utf8;
  std::string encoding;  // the charset the bytes were read as ("UTF-8", "WINDOWS-1252"...)
  bool replaced_invalid = false;
};

// The charset a <meta> tag in the head of `bytes` declares, lower-cased; "" if
// none. The scan stops at </head> or <body, not at a fixed byte count: many
// pages put the tag after kilobytes of scripts and styles.
std::string html_declared_charset(std::string_view bytes);

DecodedPage decode_html_page(std::string_view bytes, std::string_view content_type);

}  // namespace feedsieve
