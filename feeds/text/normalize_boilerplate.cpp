// Boilerplate that syndication wraps around an article. Matched on
// lower-cased ASCII; each match drops text up to the end of its sentence
// (or to the end of the text for the "appeared first" family, which always
// closes a post).
#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <string_view>

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

void lower_ascii_into(std::string_view text, std::string& out) {
  out.assign(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
}

std::size_t sentence_end(std::string_view text, std::size_t from) {
  const std::size_t end = text.find_first_of(".!?\n", from);
  return end == std::string_view::npos ? text.size() : end + 1;
}

// A phrase counts at the start of a word only: "bread more" is not "read more".
bool at_word_start(std::string_view lower, std::size_t at) {
  return at == 0 || !std::isalnum(static_cast<unsigned char>(lower[at - 1]));
}

// "The post X appeared first on Y." is only boilerplate with its tail.
bool applies(const Phrase& p, std::string_view lower, std::size_t at) {
  if (!at_word_start(lower, at)) return false;
  if (p.text != "the post ") return true;
  return lower.find("appeared first on", at) < sentence_end(lower, at);
}

struct Hit {
  std::size_t at = std::string_view::npos;
  const Phrase* phrase = nullptr;
};

// The earliest phrase that applies in a lower-cased sentence.
Hit first_phrase(std::string_view lower) {
  Hit hit;
  for (const Phrase& p : phrases) {
    for (std::size_t at = lower.find(p.text); at != std::string_view::npos && at < hit.at;
         at = lower.find(p.text, at + 1)) {
      if (applies(p, lower, at)) {
        hit = {at, &p};
        break;
      }
    }
  }
  return hit;
}

}  // namespace

// One sentence at a time: a sentence with boilerplate keeps what comes before
// the phrase; a "to the end" phrase ends the text.
std::optional<std::string_view> BoilerplateFilter::next() {
  if (pos_ >= text_.size()) return std::nullopt;
  const std::size_t end = sentence_end(text_, pos_);
  const std::string_view sentence = text_.substr(pos_, end - pos_);
  lower_ascii_into(sentence, lower_);
  const Hit hit = first_phrase(lower_);
  pos_ = end;
  if (hit.phrase == nullptr) return sentence;
  if (hit.phrase->to_end) pos_ = text_.size();
  return sentence.substr(0, hit.at);
}

// Pieces concatenate without a separator: a piece ends at a sentence
// terminator or right before a phrase, which starts a word, so no two words fuse.
std::string strip_boilerplate(std::string_view text) {
  std::string out;
  BoilerplateFilter filter(text);
  while (const auto piece = filter.next()) out += *piece;
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
std::string_view strip_dateline(std::string_view text) {
  std::size_t i = 0;
  while (i < text.size() && i < max_dateline && dateline_char(text[i]) && text[i] != ',') ++i;
  if (i < 3) return text;
  const std::string_view head = text.substr(0, std::min(text.size(), max_dateline));
  if (i < head.size() && head[i] == ',') {
    const std::size_t stop = head.find_first_of("(-\xe2:", i);  // '(' or a dash (U+2013/2014 start with 0xE2)
    if (stop == std::string_view::npos) return text;
    i = stop;
  }
  if (i < head.size() && head[i] == '(') {
    const std::size_t close = head.find(')', i);
    if (close == std::string_view::npos) return text;
    i = close + 1;
  }
  while (i < text.size() && text[i] == ' ') ++i;
  for (const std::string_view dash : {"-", "\u2013", "\u2014", ":"}) {
    if (text.substr(i, dash.size()) == dash) return text.substr(i + dash.size());
  }
  return text;
}

}  // namespace feedsieve
