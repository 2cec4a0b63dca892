#include "feeds/encoding/charset_labels.hpp"

#include <algorithm>
#include <array>
#include <string>
#include <utility>
#include <vector>

#include "feeds/text/ascii.hpp"

namespace feedsieve::encoding_detail {
namespace {

struct Label {
  std::string_view label;
  std::string_view charset;
};

// Each charset's labels, as the WHATWG Encoding Standard lists them and then
// Python's aliases. The names on the right are those the decoders know: a
// label of a subset names its superset, as in browsers (ISO-8859-1 and ASCII
// are windows-1252, GB2312 is GB18030, EUC-KR is windows-949, Shift_JIS is
// windows-31j). UTF-16 and UTF-32 labels are left to iconv: bytes that can
// carry a label at all are read by their BOM or their first '<' instead.
constexpr auto kLabels = std::to_array<Label>({
    {"unicode-1-1-utf-8", "UTF-8"}, {"unicode20utf8", "UTF-8"}, {"utf-8", "UTF-8"},
    {"x-unicode20utf8", "UTF-8"}, {"u8", "UTF-8"}, {"cp65001", "UTF-8"},
    {"866", "IBM866"}, {"cp866", "IBM866"}, {"csibm866", "IBM866"}, {"ibm866", "IBM866"},
    {"csisolatin2", "ISO-8859-2"}, {"iso-8859-2", "ISO-8859-2"}, {"iso-ir-101", "ISO-8859-2"},
    {"iso_8859-2:1987", "ISO-8859-2"}, {"l2", "ISO-8859-2"}, {"latin2", "ISO-8859-2"},
    {"csisolatin3", "ISO-8859-3"}, {"iso-8859-3", "ISO-8859-3"}, {"iso-ir-109", "ISO-8859-3"},
    {"iso_8859-3:1988", "ISO-8859-3"}, {"l3", "ISO-8859-3"}, {"latin3", "ISO-8859-3"},
    {"csisolatin4", "ISO-8859-4"}, {"iso-8859-4", "ISO-8859-4"}, {"iso-ir-110", "ISO-8859-4"},
    {"iso_8859-4:1988", "ISO-8859-4"}, {"l4", "ISO-8859-4"}, {"latin4", "ISO-8859-4"},
    {"csisolatincyrillic", "ISO-8859-5"}, {"cyrillic", "ISO-8859-5"}, {"iso-8859-5", "ISO-8859-5"},
    {"iso-ir-144", "ISO-8859-5"}, {"iso_8859-5:1988", "ISO-8859-5"},
    {"arabic", "ISO-8859-6"}, {"asmo-708", "ISO-8859-6"}, {"csiso88596e", "ISO-8859-6"}, {"csiso88596i", "ISO-8859-6"},
    {"csisolatinarabic", "ISO-8859-6"}, {"ecma-114", "ISO-8859-6"}, {"iso-8859-6", "ISO-8859-6"},
    {"iso-8859-6-e", "ISO-8859-6"}, {"iso-8859-6-i", "ISO-8859-6"}, {"iso-ir-127", "ISO-8859-6"},
    {"iso_8859-6:1987", "ISO-8859-6"},
    {"csisolatingreek", "ISO-8859-7"}, {"ecma-118", "ISO-8859-7"}, {"elot_928", "ISO-8859-7"}, {"greek", "ISO-8859-7"},
    {"greek8", "ISO-8859-7"}, {"iso-8859-7", "ISO-8859-7"}, {"iso-ir-126", "ISO-8859-7"},
    {"iso_8859-7:1987", "ISO-8859-7"}, {"sun_eu_greek", "ISO-8859-7"},
    {"csiso88598e", "ISO-8859-8"}, {"csisolatinhebrew", "ISO-8859-8"}, {"hebrew", "ISO-8859-8"},
    {"iso-8859-8", "ISO-8859-8"}, {"iso-8859-8-e", "ISO-8859-8"}, {"iso-ir-138", "ISO-8859-8"},
    {"iso_8859-8:1988", "ISO-8859-8"}, {"visual", "ISO-8859-8"}, {"csiso88598i", "ISO-8859-8"},
    {"iso-8859-8-i", "ISO-8859-8"}, {"logical", "ISO-8859-8"},
    {"csisolatin6", "ISO-8859-10"}, {"iso-8859-10", "ISO-8859-10"}, {"iso-ir-157", "ISO-8859-10"},
    {"l6", "ISO-8859-10"}, {"latin6", "ISO-8859-10"}, {"iso_8859-10:1992", "ISO-8859-10"},
    {"iso-8859-13", "ISO-8859-13"}, {"l7", "ISO-8859-13"}, {"latin7", "ISO-8859-13"},
    {"iso-8859-14", "ISO-8859-14"}, {"iso-ir-199", "ISO-8859-14"}, {"iso_8859-14:1998", "ISO-8859-14"},
    {"iso-celtic", "ISO-8859-14"}, {"l8", "ISO-8859-14"}, {"latin8", "ISO-8859-14"},
    {"csisolatin9", "ISO-8859-15"}, {"iso-8859-15", "ISO-8859-15"}, {"l9", "ISO-8859-15"}, {"latin9", "ISO-8859-15"},
    {"iso-8859-16", "ISO-8859-16"}, {"iso-ir-226", "ISO-8859-16"}, {"iso_8859-16:2001", "ISO-8859-16"},
    {"l10", "ISO-8859-16"}, {"latin10", "ISO-8859-16"},
    {"cskoi8r", "KOI8-R"}, {"koi", "KOI8-R"}, {"koi8", "KOI8-R"}, {"koi8-r", "KOI8-R"},
    {"koi8-u", "KOI8-U"},
    {"csmacintosh", "X-MAC-ROMAN"}, {"mac", "X-MAC-ROMAN"}, {"macintosh", "X-MAC-ROMAN"}, {"x-mac-roman", "X-MAC-ROMAN"},
    {"macroman", "X-MAC-ROMAN"},
    {"x-mac-cyrillic", "X-MAC-CYRILLIC"}, {"x-mac-ukrainian", "X-MAC-CYRILLIC"}, {"maccyrillic", "X-MAC-CYRILLIC"},
    {"x-mac-greek", "X-MAC-GREEK"}, {"macgreek", "X-MAC-GREEK"},
    {"x-mac-turkish", "X-MAC-TURKISH"}, {"macturkish", "X-MAC-TURKISH"},
    {"x-mac-croatian", "X-MAC-CROATIAN"}, {"maccroatian", "X-MAC-CROATIAN"},
    {"x-mac-romanian", "X-MAC-ROMANIAN"}, {"macromanian", "X-MAC-ROMANIAN"},
    {"x-mac-icelandic", "X-MAC-ICELANDIC"}, {"maciceland", "X-MAC-ICELANDIC"}, {"macicelandic", "X-MAC-ICELANDIC"},
    {"maccentraleurope", "MAC-CENTRALEUROPE"}, {"x-mac-ce", "MAC-CENTRALEUROPE"}, {"mac-centeuro", "MAC-CENTRALEUROPE"},
    {"maclatin2", "MAC-CENTRALEUROPE"},
    {"dos-874", "WINDOWS-874"}, {"iso-8859-11", "WINDOWS-874"}, {"tis-620", "WINDOWS-874"}, {"windows-874", "WINDOWS-874"},
    {"iso_8859-11:2001", "WINDOWS-874"}, {"thai", "WINDOWS-874"}, {"tis_620_0", "WINDOWS-874"},
    {"tis_620_2529_0", "WINDOWS-874"}, {"tis_620_2529_1", "WINDOWS-874"}, {"iso-ir-166", "WINDOWS-874"},
    {"cp1250", "WINDOWS-1250"}, {"windows-1250", "WINDOWS-1250"}, {"x-cp1250", "WINDOWS-1250"},
    {"cp1251", "WINDOWS-1251"}, {"windows-1251", "WINDOWS-1251"}, {"x-cp1251", "WINDOWS-1251"},
    {"ansi_x3.4-1968", "WINDOWS-1252"}, {"ascii", "WINDOWS-1252"}, {"cp1252", "WINDOWS-1252"},
    {"cp819", "WINDOWS-1252"}, {"csisolatin1", "WINDOWS-1252"}, {"ibm819", "WINDOWS-1252"},
    {"iso-8859-1", "WINDOWS-1252"}, {"iso-ir-100", "WINDOWS-1252"}, {"iso_8859-1:1987", "WINDOWS-1252"},
    {"l1", "WINDOWS-1252"}, {"latin1", "WINDOWS-1252"}, {"us-ascii", "WINDOWS-1252"}, {"windows-1252", "WINDOWS-1252"},
    {"x-cp1252", "WINDOWS-1252"}, {"646", "WINDOWS-1252"}, {"us", "WINDOWS-1252"}, {"iso646-us", "WINDOWS-1252"},
    {"cp367", "WINDOWS-1252"}, {"ibm367", "WINDOWS-1252"}, {"csascii", "WINDOWS-1252"}, {"iso-ir-6", "WINDOWS-1252"},
    {"ansi_x3.4-1986", "WINDOWS-1252"}, {"iso_646.irv:1991", "WINDOWS-1252"}, {"8859", "WINDOWS-1252"},
    {"iso8859", "WINDOWS-1252"}, {"latin", "WINDOWS-1252"},
    {"cp1253", "WINDOWS-1253"}, {"windows-1253", "WINDOWS-1253"}, {"x-cp1253", "WINDOWS-1253"},
    {"cp1254", "WINDOWS-1254"}, {"csisolatin5", "WINDOWS-1254"}, {"iso-8859-9", "WINDOWS-1254"},
    {"iso-ir-148", "WINDOWS-1254"}, {"iso_8859-9:1989", "WINDOWS-1254"}, {"l5", "WINDOWS-1254"},
    {"latin5", "WINDOWS-1254"}, {"windows-1254", "WINDOWS-1254"}, {"x-cp1254", "WINDOWS-1254"},
    {"cp1255", "WINDOWS-1255"}, {"windows-1255", "WINDOWS-1255"}, {"x-cp1255", "WINDOWS-1255"},
    {"cp1256", "WINDOWS-1256"}, {"windows-1256", "WINDOWS-1256"}, {"x-cp1256", "WINDOWS-1256"},
    {"cp1257", "WINDOWS-1257"}, {"windows-1257", "WINDOWS-1257"}, {"x-cp1257", "WINDOWS-1257"},
    {"cp1258", "WINDOWS-1258"}, {"windows-1258", "WINDOWS-1258"}, {"x-cp1258", "WINDOWS-1258"},
    {"chinese", "GB18030"}, {"csgb2312", "GB18030"}, {"csiso58gb231280", "GB18030"}, {"gb2312", "GB18030"},
    {"gb_2312-80", "GB18030"}, {"gbk", "GB18030"}, {"iso-ir-58", "GB18030"},
    {"x-gbk", "GB18030"}, {"gb18030", "GB18030"}, {"gb18030-2000", "GB18030"}, {"euc-cn", "GB18030"},
    {"eucgb2312-cn", "GB18030"}, {"gb2312-1980", "GB18030"}, {"cp936", "GB18030"}, {"ms936", "GB18030"},
    {"936", "GB18030"},
    {"big5", "BIG5-HKSCS"}, {"big5-hkscs", "BIG5-HKSCS"}, {"cn-big5", "BIG5-HKSCS"}, {"csbig5", "BIG5-HKSCS"},
    {"x-x-big5", "BIG5-HKSCS"}, {"big5-tw", "BIG5-HKSCS"}, {"hkscs", "BIG5-HKSCS"},
    {"cseucpkdfmtjapanese", "EUC-JP"}, {"euc-jp", "EUC-JP"}, {"x-euc-jp", "EUC-JP"}, {"ujis", "EUC-JP"},
    {"csiso2022jp", "ISO-2022-JP"}, {"iso-2022-jp", "ISO-2022-JP"}, {"iso-2022-jp-1", "ISO-2022-JP-2"},
    {"iso-2022-jp-2", "ISO-2022-JP-2"}, {"csiso2022jp2", "ISO-2022-JP-2"}, {"iso-2022-jp-3", "ISO-2022-JP-3"},
    {"iso-2022-jp-2004", "ISO-2022-JP-3"}, {"csiso2022kr", "ISO-2022-KR"}, {"iso-2022-kr", "ISO-2022-KR"},
    {"csiso2022cn", "ISO-2022-CN"}, {"iso-2022-cn", "ISO-2022-CN"}, {"iso-2022-cn-ext", "ISO-2022-CN-EXT"},
    {"utf-7", "UTF-7"}, {"u7", "UTF-7"}, {"unicode-1-1-utf-7", "UTF-7"}, {"csunicode11utf7", "UTF-7"},
    {"euc-jisx0213", "EUC-JISX0213"}, {"euc-jis-2004", "EUC-JISX0213"}, {"shift_jisx0213", "SHIFT_JISX0213"},
    {"shift_jis_2004", "SHIFT_JISX0213"}, {"sjis_2004", "SHIFT_JISX0213"}, {"s_jisx0213", "SHIFT_JISX0213"},
    {"jisx0213", "EUC-JISX0213"},
    {"csshiftjis", "CP932"}, {"ms932", "CP932"}, {"ms_kanji", "CP932"}, {"shift_jis", "CP932"}, {"sjis", "CP932"},
    {"windows-31j", "CP932"}, {"x-sjis", "CP932"}, {"cp932", "CP932"}, {"932", "CP932"},
    {"cseuckr", "CP949"}, {"csksc56011987", "CP949"}, {"euc-kr", "CP949"}, {"iso-ir-149", "CP949"},
    {"korean", "CP949"}, {"ks_c_5601-1987", "CP949"}, {"ks_c_5601-1989", "CP949"}, {"ksc5601", "CP949"},
    {"windows-949", "CP949"}, {"cp949", "CP949"}, {"949", "CP949"}, {"ks_x-1001", "CP949"}, {"uhc", "CP949"},
    {"cp_is", "IBM861"}, {"csibm861", "IBM861"},
    {"cp154", "PT154"}, {"csptcp154", "PT154"}, {"ptcp154", "PT154"}, {"pt154", "PT154"}, {"cyrillic-asian", "PT154"},
    {"hp-roman8", "HP-ROMAN8"}, {"roman8", "HP-ROMAN8"}, {"r8", "HP-ROMAN8"}, {"cshproman8", "HP-ROMAN8"},
    {"ibm1051", "HP-ROMAN8"}, {"ibm1125", "CP1125"}, {"cp866u", "CP1125"}, {"ruscii", "CP1125"},
    {"x-mac-japanese", "CP932"}, {"x-mac-simp-chinese", "GB18030"}, {"x-mac-trad-chinese", "BIG5-HKSCS"},
    {"x-mac-korean", "CP949"},
    {"kz1048", "RK1048"}, {"rk1048", "RK1048"}, {"strk1048-2002", "RK1048"},
});

// UTS #22's loose matching: ASCII letters lower-cased, digits kept, all else
// dropped. (UTS #22 also drops leading zeros, which no label here needs.)
std::string loose(std::string_view label) {
  std::string out;
  out.reserve(label.size());
  for (const char c : label) {
    if (ascii_alnum(c)) out += ascii_lower(c);
  }
  return out;
}

// kLabels by loose label, sorted: built once, constant from then on.
const std::vector<std::pair<std::string, std::string_view>>& loose_labels() {
  static const std::vector<std::pair<std::string, std::string_view>> table = [] {
    std::vector<std::pair<std::string, std::string_view>> out;
    out.reserve(kLabels.size());
    for (const Label& l : kLabels) out.emplace_back(loose(l.label), l.charset);
    std::sort(out.begin(), out.end());
    return out;
  }();
  return table;
}

}  // namespace

std::optional<std::string_view> charset_of_label(std::string_view label) {
  const std::string key = loose(label);
  const auto& table = loose_labels();
  const auto it = std::lower_bound(table.begin(), table.end(), key,
                                   [](const auto& entry, const std::string& k) { return entry.first < k; });
  if (it == table.end() || it->first != key) return std::nullopt;
  return it->second;
}

}  // namespace feedsieve::encoding_detail
