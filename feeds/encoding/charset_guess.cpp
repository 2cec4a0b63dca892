#include "feeds/encoding/charset_guess.hpp"

#include <uchardet/uchardet.h>

#include <algorithm>
#include <array>
#include <memory>
#include <type_traits>
#include <stdexcept>

#include "feeds/encoding/charset.hpp"

namespace feedsieve {
namespace {

struct DetectorDelete {
  void operator()(uchardet_t detector) const { uchardet_delete(detector); }
};
using Detector = std::unique_ptr<std::remove_pointer_t<uchardet_t>, DetectorDelete>;

// uchardet's names for the charsets of non-Latin scripts it detects.
constexpr std::array<std::string_view, 20> kNonLatin = {
    "BIG5",         "EUC-JP",       "EUC-KR",      "EUC-TW",      "GB18030",    "SHIFT_JIS",  "UHC",
    "ISO-2022-JP",  "ISO-2022-KR",  "ISO-2022-CN", "WINDOWS-1251", "KOI8-R",    "IBM866",     "ISO-8859-5",
    "MAC-CYRILLIC", "WINDOWS-1253", "ISO-8859-7",  "WINDOWS-1255", "ISO-8859-8", "WINDOWS-1256"};

// Below this many non-ASCII bytes (three CJK characters) uchardet's answer is
// noise: two bytes of Chinese come back as ISO-8859-5, four of Korean as Arabic.
constexpr std::size_t kMinimumEvidence = 6;

std::string detect(std::string_view bytes) {
  const Detector detector(uchardet_new());
  if (!detector || uchardet_handle_data(detector.get(), bytes.data(), bytes.size()) != 0) return {};
  uchardet_data_end(detector.get());
  const char* name = uchardet_get_charset(detector.get());
  return name == nullptr ? std::string{} : std::string(name);
}

}  // namespace

std::optional<GuessedText> decode_as_guessed_non_latin(std::string_view bytes) {
  const auto non_ascii = static_cast<std::size_t>(
      std::count_if(bytes.begin(), bytes.end(), [](char c) { return static_cast<unsigned char>(c) >= 0x80; }));
  if (non_ascii < kMinimumEvidence) return std::nullopt;
  GuessedText guess{detect(bytes), {}};
  if (std::find(kNonLatin.begin(), kNonLatin.end(), guess.charset) == kNonLatin.end()) return std::nullopt;
  bool replaced = false;
  try {
    guess.utf8 = convert_to_utf8(bytes, guess.charset, &replaced);
  } catch (const std::invalid_argument&) {
    return std::nullopt;
  }
  if (replaced) return std::nullopt;
  return guess;
}

}  // namespace feedsieve
