#pragma once
// Internal to feeds/encoding: the charset a label names.
#include <optional>
#include <string_view>

namespace feedsieve::encoding_detail {

// The charset (as iconv_charset_name gives it) that `label` names in the
// WHATWG Encoding Standard, which is what browsers make of labels, or in
// Python's codec registry, which feeds written by Python tools declare;
// nullopt for a label of neither, which iconv may still know. Labels match
// as the Unicode charset alias rules (UTS #22) match them: without case
// and ignoring everything but letters and digits, so "ISO_8859-2",
// "iso8859_2" and "iso-8859-2" are one label.
std::optional<std::string_view> charset_of_label(std::string_view label);

}  // namespace feedsieve::encoding_detail
