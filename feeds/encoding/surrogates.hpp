#pragma once
// UTF-16 surrogates, which UTF-16 text, character references and JSON
// escapes all write characters beyond U+FFFF with, in pairs.

namespace feedsieve {

constexpr bool is_high_surrogate(char32_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }
constexpr bool is_low_surrogate(char32_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }
constexpr bool is_surrogate(char32_t unit) { return unit >= 0xD800 && unit <= 0xDFFF; }

// The character a high and a low surrogate stand for together.
constexpr char32_t surrogate_pair_value(char32_t high, char32_t low) {
  return 0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00);
}

}  // namespace feedsieve
