#pragma once
// C1 controls (U+0080 to U+009F) in feed text: never meant as controls. They
// are bytes of a Windows code page that went through a Latin-1 or ISO-8859
// decoder on the way (a "don\u0092t" is "don’t"), so they are read as that
// code page's characters, as HTML reads the references &#128; to &#159;.
#include <array>
#include <string>
#include <string_view>

namespace feedsieve {

// The UTF-8 of what each C1 control stands for; "" where it is left as it is
// (a byte the code page leaves undefined).
struct C1Meanings {
  std::string code_page;  // whose characters they are ("WINDOWS-1250")
  std::array<std::string, 32> utf8;
};

// windows-1252's meanings: for C1 controls in Unicode text, and for any
// charset without a closer Windows sibling.
const C1Meanings& windows_1252_c1();

// The meanings for text decoded from `charset` (an iconv name): for an
// ISO-8859 charset, those of the Windows code page it is mistaken for
// (windows-1250 for ISO-8859-2, whose feeds are so often written in it, and
// windows-1253 and -1257 for ISO-8859-7 and -13), else windows-1252's, as for
// Unicode; nullptr for charsets where a C1 code point is a character of their
// own (EBCDIC's NEL) or that never decode to one.
const C1Meanings* c1_meanings(std::string_view charset);

// The character windows-1252 has at byte `cp` for a C1 control; any other
// code point, and the five bytes windows-1252 leaves undefined, unchanged.
char32_t windows_1252_meant(char32_t cp);

// `utf8` (well-formed UTF-8) with its C1 controls read through `meanings`;
// `*remapped` set when one changed. Handed back without a copy when none does.
std::string remap_c1_controls(std::string&& utf8, const C1Meanings& meanings, bool* remapped = nullptr);

}  // namespace feedsieve
