#include "feeds/encoding/charset_guess.hpp"

#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <memory>
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
// it detects. Its 7-bit ones (ISO-2022-*) never get here: their bytes are ASCII.
constexpr std::array<std::string_view, 17> kNonLatin = {
    "BIG5",         "EUC-JP",       "EUC-KR",     "EUC-TW",       "GB18030",    "SHIFT_JIS",
    "UHC",          "WINDOWS-1251", "KOI8-R",     "IBM866",       "ISO-8859-5", "MAC-CYRILLIC",
    "WINDOWS-1253", "ISO-8859-7",   "WINDOWS-1255", "ISO-8859-8", "WINDOWS-1256"};

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
  GuessedText guess{detect(bytes.substr(first, kSampleBytes)), {}, false};
  if (std::find(kNonLatin.begin(), kNonLatin.end(), guess.charset) == kNonLatin.end()) return std::nullopt;
  try {
    guess.utf8 = convert_to_utf8(bytes, guess.charset, &guess.replaced_invalid);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
  // Text in the charset has no U+FFFD of its own: each one is a replacement.
  if (guess.replaced_invalid && count_replacements(guess.utf8) * 1000 > non_ascii * kInvalidPerMille) return std::nullopt;
  return guess;
}

}  // namespace feedsieve
