#include "feeds/encoding/charset_guess.hpp"

#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string_view>
#include <type_traits>

#include "feeds/encoding/charset.hpp"

namespace feedsieve {
namespace {

struct DetectorDelete {
  void operator()(uchardet_t detector) const { uchardet_delete(detector); }
};
using Detector = std::unique_ptr<std::remove_pointer_t<uchardet_t>, DetectorDelete>;

// uchardet's names (iconv's too) for the 8-bit charsets of non-Latin scripts
// it detects. Its 7-bit ones (ISO-2022-*, HZ) never get here: their bytes are ASCII.
constexpr std::array<std::string_view, 21> kNonLatin = {
    "BIG5",         "EUC-JP",       "EUC-KR",     "EUC-TW",       "GB18030",    "SHIFT_JIS",   "UHC",
    "WINDOWS-1251", "KOI8-R",       "IBM866",     "IBM855",       "ISO-8859-5", "MAC-CYRILLIC", "WINDOWS-1253",
    "ISO-8859-7",   "WINDOWS-1255", "ISO-8859-8", "WINDOWS-1256", "ISO-8859-6", "TIS-620",     "ISO-8859-11"};

// The charset to decode a guess with: Thai is read as windows-874, the
// superset of TIS-620 (and of ISO-8859-11) that the web means by either,
// whose 0x80..0x9F are the curly quotes and dashes Thai sites write.
std::string_view decoding_charset(std::string_view guessed) {
  return guessed == "TIS-620" || guessed == "ISO-8859-11" ? "WINDOWS-874" : guessed;
}

bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }

// Below this many non-ASCII bytes (three CJK characters) uchardet's answer is
// noise: two bytes of Chinese come back as ISO-8859-5, four of Korean as Arabic.
constexpr std::size_t kMinimumEvidence = 6;

// uchardet reads what it is given whole, at about 2 MB/s on bytes that fit no
// charset: it is shown a sample, from the first non-ASCII byte on.
constexpr std::size_t kSampleBytes = 64 * 1024;

// A charset that leaves more invalid sequences than this, per non-ASCII
// byte, is the wrong one; a few are a feed's own damage (a title cut in the
// middle of a character) and must not send the whole text to windows-1252.
constexpr std::size_t kInvalidPerMille = 10;

std::size_t count_replacements(std::string_view utf8) {
  std::size_t count = 0;
  for (std::size_t at = utf8.find("\xEF\xBF\xBD"); at != std::string_view::npos; at = utf8.find("\xEF\xBF\xBD", at + 3))
    ++count;
  return count;
}

// uchardet takes some Traditional Chinese in Big5 for GB18030, which
// decodes nearly any pair of bytes. Text written in GB2312 or GBK keeps
// nearly all of its pairs in GB2312's rows (both bytes A1..FE, the lead at
// most F7), while Big5 puts over a third of its second bytes in 40..7E.
constexpr std::size_t kGbRowsPercent = 90;

bool mostly_gb2312_rows(std::string_view bytes) {
  std::size_t pairs = 0;
  std::size_t in_rows = 0;
  for (std::size_t i = 0; i + 1 < bytes.size(); ++i) {
    const auto lead = static_cast<unsigned char>(bytes[i]);
    if (lead < 0x80) continue;
    const auto trail = static_cast<unsigned char>(bytes[++i]);
    ++pairs;
    if (lead >= 0xA1 && lead <= 0xF7 && trail >= 0xA1 && trail <= 0xFE) ++in_rows;
  }
  return in_rows * 100 >= pairs * kGbRowsPercent;
}

// The bytes in Big5, when uchardet's GB18030 is that misreading: they are
// valid Big5 and too few of their pairs lie in GB2312's rows.
std::optional<std::string> as_big5_instead(std::string_view bytes) {
  if (mostly_gb2312_rows(bytes)) return std::nullopt;
  bool replaced = false;
  std::string utf8 = convert_to_utf8(bytes, "BIG5", &replaced);
  if (replaced) return std::nullopt;
  return utf8;
}

std::string detect(std::string_view bytes) {
  const Detector detector(uchardet_new());
  if (!detector || uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return {};
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return name == nullptr ? std::string{} : std::string(name);
}

}  // namespace

std::optional<GuessedText> decode_as_guessed_non_latin(std::string_view bytes) {
  const auto non_ascii = static_cast<std::size_t>(std::count_if(bytes.begin(), bytes.end(), is_non_ascii));
  if (non_ascii < kMinimumEvidence) return std::nullopt;
  const auto first = static_cast<std::size_t>(std::find_if(bytes.begin(), bytes.end(), is_non_ascii) - bytes.begin());
  const std::string detected = detect(bytes.substr(first, kSampleBytes));
  if (std::find(kNonLatin.begin(), kNonLatin.end(), detected) == kNonLatin.end()) return std::nullopt;
  GuessedText guess{std::string(decoding_charset(detected)), {}, false};
  try {
    if (guess.charset == "GB18030") {
      if (auto big5 = as_big5_instead(bytes)) return GuessedText{"BIG5", std::move(*big5), false};
    }
    guess.utf8 = convert_to_utf8(bytes, guess.charset, &guess.replaced_invalid);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
  // Text in the charset has no U+FFFD of its own: each one is a replacement.
  if (guess.replaced_invalid && count_replacements(guess.utf8) * 1000 > non_ascii * kInvalidPerMille) return std::nullopt;
  return guess;
}

}  // namespace feedsieve
