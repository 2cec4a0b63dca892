#pragma once
// Internal to feeds/encoding: what the decoders share.
#include <iconv.h>

#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>

namespace feedsieve::encoding_detail {

// U+FFFD in UTF-8: what an invalid byte sequence becomes.
inline constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

// Owns one iconv descriptor from `from` to UTF-8; ok() is false when iconv
// does not know the charset.
class IconvToUtf8 {
 public:
  explicit IconvToUtf8(const std::string& from) : handle_(iconv_open("UTF-8", from.c_str())) {}
  IconvToUtf8(const IconvToUtf8&) = delete;
  IconvToUtf8& operator=(const IconvToUtf8&) = delete;
  ~IconvToUtf8() {
    if (ok()) iconv_close(handle_);
  }

  bool ok() const { return handle_ != reinterpret_cast<iconv_t>(-1); }
  iconv_t get() const { return handle_; }
  void reset() const { iconv(handle_, nullptr, nullptr, nullptr, nullptr); }

 private:
  iconv_t handle_;
};

// `bytes` converted by iconv from `charset` to UTF-8, a U+FFFD for each byte
// iconv rejects and one for a sequence cut short at the end: what the tables
// of the other decoders are checked against. Throws std::invalid_argument
// when iconv does not know the charset.
std::string convert_through_iconv(std::string_view bytes, std::string_view charset, bool* replaced);

// The number of leading bytes of p[0, n) below 0x80: the common case of every
// decoder, thirty-two and then eight bytes at a time.
inline std::size_t ascii_prefix(const char* p, std::size_t n) {
  constexpr std::uint64_t kHigh = 0x8080808080808080ull;
  std::size_t i = 0;
  std::uint64_t words[4] = {};
  while (i + sizeof words <= n) {
    std::memcpy(words, p + i, sizeof words);
    if (((words[0] | words[1] | words[2] | words[3]) & kHigh) != 0) break;
    i += sizeof words;
  }
  while (i + sizeof words[0] <= n) {
    std::memcpy(words, p + i, sizeof words[0]);
    if ((words[0] & kHigh) != 0) break;
    i += sizeof words[0];
  }
  while (i < n && static_cast<unsigned char>(p[i]) < 0x80) ++i;
  return i;
}

}  // namespace feedsieve::encoding_detail
