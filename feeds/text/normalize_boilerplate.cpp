// Boilerplate that syndication wraps around an article. Matched on
// lower-cased ASCII; each match drops text up to the end of its sentence
// (or to the end of the text for the "appeared first" family, which always
// closes a post).
#include <algorithm>
#include <array>
#include <cctype>
#include <string>

#include "feeds/text/normalize.hpp"

namespace feedsieve {
namespace {

struct Phrase {
  std::string_view text;  // lower case
  bool to_end;            // drop everything after it, not just its sentence
};

constexpr std::array phrases{
    Phrase{"the post ", false},                     Phrase{"this story originally appeared", true}, Phrase{"this article originally appeared", true},
    Phrase{"originally published at", true},        Phrase{"appeared first on", true},
    Phrase{"read more", false},
    Phrase{"continue reading", false},              Phrase{"subscribe to", false},
    Phrase{"subscribe now", false},                 Phrase{"sign up for", false},
    Phrase{"click here", false},                    Phrase{"all rights reserved", false},
    Phrase{"follow us on", false},                  Phrase{"share this article", false},
};

std::string lower_ascii(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

std::size_t sentence_end(const std::string& text, std::size_t from) {
  const std::size_t end = text.find_first_of(".!?\n", from);
  return end == std::string::npos ? text.size() : end + 1;
}

// "The post X appeared first on Y." is only boilerplate with its tail.
bool applies(const Phrase& p, const std::string& lower, std::size_t at) {
  if (p.text != "the post ") return true;
  const std::size_t end = sentence_end(lower, at);
  return lower.find("appeared first on", at) < end;
}

}  // namespace

std::string strip_boilerplate(std::string_view text) {
  std::string out(text);
  std::string lower = lower_ascii(out);
  for (const Phrase& p : phrases) {
    std::size_t at = lower.find(p.text);
    while (at != std::string::npos) {
      if (!applies(p, lower, at)) {
        at = lower.find(p.text, at + 1);
        continue;
      }
      const std::size_t end = p.to_end ? out.size() : sentence_end(lower, at + p.text.size());
      out.replace(at, end - at, " ");
      lower.replace(at, end - at, " ");
      at = lower.find(p.text, at + 1);
    }
  }
  return out;
}

}  // namespace feedsieve

namespace feedsieve {
namespace {

constexpr std::size_t max_dateline = 60;

bool dateline_char(char c) {
  return (c >= 'A' && c <= 'Z') || c == ' ' || c == ',' || c == '.' || c == '\'' || c == '/';
}

}  // namespace

// An upper-case place ("BEIJING", "SAN FRANCISCO"), optionally ", date",
// optionally "(Agency)", then a dash or colon, all within max_dateline bytes.
std::string strip_dateline(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && i < max_dateline && dateline_char(text[i]) && text[i] != ',') ++i;
  if (i < 3) return std::string(text);
  const std::string_view head = text.substr(0, std::min(text.size(), max_dateline));
  if (i < head.size() && head[i] == ',') {
    const std::size_t stop = head.find_first_of("(-\xe2:", i);  // '(' or a dash (U+2013/2014 start with 0xE2)
    if (stop == std::string_view::npos) return std::string(text);
    i = stop;
  }
  if (i < head.size() && head[i] == '(') {
    const std::size_t close = head.find(')', i);
    if (close == std::string_view::npos) return std::string(text);
    i = close + 1;
  }
  while (i < text.size() && text[i] == ' ') ++i;
  for (const std::string_view dash : {"-", "\u2013", "\u2014", ":"}) {
    if (text.substr(i, dash.size()) == dash) return std::string(text.substr(i + dash.size()));
  }
  return std::string(text);
}

}  // namespace feedsieve
