// Month, weekday and time-zone names for date parsing.
//
// Choices worth knowing:
// - Single-letter zones are RFC 822's table (A = -1 ... M = -12, N = +1 ...
//   Y = +12, Z = 0), the signs it gives, as feedparser reads A, M, N and Y. They are
//   the opposite of the military meaning, and RFC 2822 calls them unknown for
//   that reason, but a date that uses one is an RFC 822 date.
// - Ambiguous abbreviations take the reading most common in feeds: CST is US
//   Central (as RFC 822 defines it), IST is India, BST is British Summer Time.
// - Localized names cover English, German, French, Spanish, Italian, Dutch,
//   Portuguese, Greek and Hungarian, with and without accents, since CMSs strip
//   them inconsistently.
// - The generic US zones (ET, CT, MT, PT) read as standard time, as feedparser
//   reads them; "AT" is left out because it is far more often the word "at".
#include <cstdlib>
#include <memory>

#include <utf8proc.h>

#include "feeds/date/date_detail.hpp"

namespace feedsieve::date_detail {
namespace {

using std::chrono::minutes;

struct Named {
  std::string_view name;
  int value;
};

constexpr Named kMonths[] = {
    // English
    {"jan", 1}, {"january", 1}, {"feb", 2}, {"february", 2}, {"mar", 3}, {"march", 3},
    {"apr", 4}, {"april", 4}, {"may", 5}, {"jun", 6}, {"june", 6}, {"jul", 7}, {"july", 7},
    {"aug", 8}, {"august", 8}, {"sep", 9}, {"sept", 9}, {"september", 9}, {"oct", 10},
    {"october", 10}, {"nov", 11}, {"november", 11}, {"dec", 12}, {"december", 12},
    // German
    {"januar", 1}, {"jänner", 1}, {"jän", 1}, {"februar", 2}, {"märz", 3}, {"maerz", 3},
    {"mär", 3}, {"mrz", 3}, {"mai", 5}, {"juni", 6}, {"juli", 7}, {"oktober", 10},
    {"okt", 10}, {"dezember", 12}, {"dez", 12},
    // French
    {"janvier", 1}, {"janv", 1}, {"février", 2}, {"fevrier", 2}, {"févr", 2}, {"fevr", 2},
    {"fév", 2}, {"fev", 2}, {"mars", 3}, {"avril", 4}, {"avr", 4}, {"juin", 6},
    {"juillet", 7}, {"juil", 7}, {"août", 8}, {"aout", 8}, {"aoû", 8}, {"septembre", 9},
    {"octobre", 10}, {"novembre", 11}, {"décembre", 12}, {"decembre", 12}, {"déc", 12},
    // Spanish
    {"enero", 1}, {"ene", 1}, {"febrero", 2}, {"marzo", 3}, {"abril", 4}, {"abr", 4},
    {"mayo", 5}, {"junio", 6}, {"julio", 7}, {"agosto", 8}, {"ago", 8}, {"septiembre", 9},
    {"setiembre", 9}, {"octubre", 10}, {"noviembre", 11}, {"diciembre", 12}, {"dic", 12},
    // Italian
    {"gennaio", 1}, {"gen", 1}, {"febbraio", 2}, {"aprile", 4}, {"maggio", 5}, {"mag", 5},
    {"giugno", 6}, {"giu", 6}, {"luglio", 7}, {"lug", 7}, {"settembre", 9}, {"set", 9},
    {"ottobre", 10}, {"ott", 10}, {"dicembre", 12},
    // Dutch
    {"januari", 1}, {"februari", 2}, {"maart", 3}, {"mrt", 3}, {"mei", 5}, {"augustus", 8},
    // Portuguese
    {"janeiro", 1}, {"fevereiro", 2}, {"março", 3}, {"marco", 3}, {"maio", 5}, {"junho", 6},
    {"julho", 7}, {"setembro", 9}, {"outubro", 10}, {"out", 10}, {"novembro", 11},
    {"dezembro", 12},
    // Greek (abbreviations as Greek CMSs write them, with and without accents)
    {"ιαν", 1}, {"φεβ", 2}, {"μάρ", 3}, {"μαρ", 3}, {"μάώ", 3}, {"μαώ", 3}, {"απρ", 4},
    {"μάι", 5}, {"μαϊ", 5}, {"μαι", 5}, {"ιούν", 6}, {"ιουν", 6}, {"ιον", 6}, {"ιούλ", 7},
    {"ιουλ", 7}, {"ιολ", 7}, {"αύγ", 8}, {"αυγ", 8}, {"σεπ", 9}, {"οκτ", 10}, {"νοέ", 11},
    {"νοε", 11}, {"δεκ", 12},
    // Hungarian ("2004-július-13T9:15-05:00")
    {"január", 1}, {"február", 2}, {"februári", 2}, {"március", 3}, {"április", 4},
    {"május", 5}, {"máujus", 5}, {"június", 6}, {"július", 7}, {"augusztus", 8},
    {"szeptember", 9}, {"október", 10},
};

constexpr std::string_view kWeekdays[] = {
    // English
    "mon", "monday", "tue", "tues", "tuesday", "wed", "weds", "wednesday", "thu", "thur",
    "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday",
    // German
    "montag", "mo", "dienstag", "di", "mittwoch", "mi", "donnerstag", "do", "freitag", "fr",
    "samstag", "sonnabend", "sa", "sonntag", "so",
    // French
    "lundi", "lun", "mardi", "mercredi", "mer", "jeudi", "jeu", "vendredi", "ven", "samedi",
    "sam", "dimanche", "dim",
    // Spanish ("mar" is listed too: Tuesday in Spanish, March elsewhere; see parse_rfc822)
    "lunes", "martes", "mar", "miércoles", "miercoles", "mié", "mie", "jueves", "jue",
    "viernes", "vie", "sábado", "sabado", "sáb", "sab", "domingo", "dom",
    // Italian
    "lunedì", "lunedi", "martedì", "martedi", "mercoledì", "mercoledi", "giovedì", "giovedi",
    "venerdì", "venerdi", "sabato", "domenica",
    // Dutch
    "maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag",
    // Portuguese
    "segunda", "terça", "terca", "quarta", "quinta", "sexta", "seg", "ter", "qua", "qui", "sex",
    // Greek
    "κυρ", "δευ", "τρι", "τετ", "πεμ", "πέμ", "παρ", "σαβ", "σάβ",
};

constexpr std::string_view kFillers[] = {
    "de", "del", "der", "den", "des", "d", "um", "at", "on", "of", "the", "le", "la", "el",
    "à", "a", "h", "uhr", "feira", "st", "nd", "rd", "th", "er", "e", "º", "ª", "o", "t",
};

// Offsets in minutes east of UTC.
constexpr Named kZones[] = {
    {"ut", 0}, {"utc", 0}, {"gmt", 0}, {"z", 0}, {"zulu", 0}, {"wet", 0}, {"wez", 0},
    {"bst", 60}, {"cet", 60}, {"met", 60}, {"mez", 60}, {"west", 60}, {"wat", 60},
    {"cest", 120}, {"mest", 120}, {"mesz", 120}, {"eet", 120}, {"cat", 120}, {"sast", 120},
    {"eest", 180}, {"msk", 180}, {"eat", 180}, {"ist", 330}, {"pkt", 300}, {"ict", 420},
    {"wib", 420}, {"sgt", 480}, {"hkt", 480}, {"awst", 480}, {"jst", 540}, {"kst", 540},
    {"acst", 570}, {"acdt", 630}, {"aest", 600}, {"aedt", 660}, {"nzst", 720}, {"nzdt", 780},
    {"est", -300}, {"edt", -240}, {"cst", -360}, {"cdt", -300}, {"mst", -420}, {"mdt", -360},
    {"pst", -480}, {"pdt", -420}, {"akst", -540}, {"akdt", -480}, {"hst", -600},
    {"ast", -240}, {"adt", -180}, {"nst", -210}, {"ndt", -150}, {"brt", -180}, {"art", -180},
    {"at", -240}, {"et", -300}, {"ct", -360}, {"mt", -420}, {"pt", -480},
};

template <typename Table>
const Named* find_named(const Table& table, std::string_view name) {
  for (const Named& entry : table) {
    if (entry.name == name) return &entry;
  }
  return nullptr;
}

std::optional<minutes> military_zone(std::string_view folded) {
  if (folded.size() != 1) return std::nullopt;
  const char c = folded.front();
  if (c >= 'a' && c <= 'i') return minutes{-60 * (c - 'a' + 1)};
  if (c >= 'k' && c <= 'm') return minutes{-60 * (c - 'k' + 10)};
  if (c >= 'n' && c <= 'y') return minutes{60 * (c - 'n' + 1)};
  if (c == 'z') return minutes{0};
  return std::nullopt;
}

struct FreeDeleter {
  void operator()(utf8proc_uint8_t* p) const { std::free(p); }
};

}  // namespace

std::string fold_case(std::string_view word) {
  bool ascii = true;
  for (const char c : word) ascii = ascii && static_cast<unsigned char>(c) < 0x80;
  if (ascii) {
    std::string out(word);
    for (char& c : out) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return out;
  }
  utf8proc_uint8_t* folded = nullptr;
  const auto length = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(word.data()),
                                   static_cast<utf8proc_ssize_t>(word.size()), &folded,
                                   static_cast<utf8proc_option_t>(UTF8PROC_CASEFOLD | UTF8PROC_COMPOSE |
                                                                  UTF8PROC_STABLE));
  const std::unique_ptr<utf8proc_uint8_t, FreeDeleter> owner(folded);
  if (length < 0) return std::string(word);  // invalid UTF-8: compare as is
  return std::string(reinterpret_cast<const char*>(folded), static_cast<std::size_t>(length));
}

std::optional<minutes> zone_offset(std::string_view folded) {
  if (const Named* zone = find_named(kZones, folded)) return minutes{zone->value};
  return military_zone(folded);
}

std::optional<minutes> named_zone_offset(std::string_view folded, const DateFields& local) {
  if (folded.find('/') != std::string_view::npos) return iana_zone_offset(folded, local);
  return zone_offset(folded);
}

std::optional<int> month_from_name(std::string_view folded) {
  if (const Named* month = find_named(kMonths, folded)) return month->value;
  return std::nullopt;
}

bool is_weekday_name(std::string_view folded) {
  for (const std::string_view day : kWeekdays) {
    if (day == folded) return true;
  }
  return false;
}

bool is_filler_word(std::string_view folded) {
  for (const std::string_view filler : kFillers) {
    if (filler == folded) return true;
  }
  return false;
}

}  // namespace feedsieve::date_detail
