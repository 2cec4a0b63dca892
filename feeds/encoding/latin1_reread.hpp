#pragma once
// UTF-8 that was read as ISO-8859-1 once: "CafÃ©" for "Café". A publisher
// that encoded text already in UTF-8 a second time writes it, and so does a
// document read as windows-1252 because some of its bytes were not UTF-8.
// feedparser reads its fields again this way, so a feed that mixes the two
// charsets gives the same text through both parsers.
#include <optional>
#include <string>
#include <string_view>

namespace feedsieve {

// `text` (UTF-8) read again as UTF-8 when every character of it is below
// U+0100 and those characters, taken as bytes, are well-formed UTF-8 with a
// character of more than one byte; nullopt for any other text. Words in a
// Latin script never read so: their accented letters do not come in the
// lead-and-continuation pairs that UTF-8 needs. Two pairs they do make are
// refused: a letter before a no-break space, and Ü Ý Þ ß before a symbol.
std::optional<std::string> reread_latin1_as_utf8(std::string_view text);

}  // namespace feedsieve
