#pragma once
// C1 controls (U+0080 to U+009F) in feed text: never meant as controls. They
// are windows-1252 bytes that went through a Latin-1 or ISO-8859-x decoder on
// the way (a "don\u0092t" is "don’t"), so they are read as windows-1252, as
// HTML reads the references &#128; to &#159;.
#include <string>

namespace feedsieve {

// The character windows-1252 has at byte `cp` for a C1 control; any other
// code point, and the five bytes windows-1252 leaves undefined, unchanged.
char32_t windows_1252_meant(char32_t cp);

// `utf8` (well-formed UTF-8) with every C1 control read as windows-1252;
// `*remapped` set when one was. Handed back without a copy when none is.
std::string remap_c1_controls(std::string&& utf8, bool* remapped = nullptr);

}  // namespace feedsieve
