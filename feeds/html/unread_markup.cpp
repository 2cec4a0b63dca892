#include "feeds/html/unread_markup.hpp"

#include <algorithm>
#include <array>

#include "feeds/text/ascii.hpp"

namespace feedsieve {
namespace {

constexpr std::size_t npos = std::string_view::npos;

// Elements whose content the tokenizer reads as text: copied through verbatim.
constexpr std::array<std::string_view, 7> kRawText = {"title",   "textarea", "xmp",     "iframe",
                                                      "noembed", "noframes", "noscript"};

bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
bool ends_tag_name(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '/' || c == '>'; }

// Whether html[at...] is `lowered` in any case, followed by the end of a tag name.
bool tag_at(std::string_view html, std::size_t at, std::string_view lowered) {
  if (html.size() - at <= lowered.size()) return false;
  for (std::size_t i = 0; i < lowered.size(); ++i)
    if (ascii_lower(html[at + i]) != lowered[i]) return false;
  return ends_tag_name(html[at + lowered.size()]);
}

// One past the '>' that ends the tag opened at html[at] == '<'; quotes
// matter only in attribute values (after '='). npos when unterminated.
std::size_t tag_end(std::string_view html, std::size_t at) {
  for (std::size_t i = at + 1; i < html.size(); ++i) {
    if (html[i] == '>') return i + 1;
    if (html[i] != '=') continue;
    std::size_t v = i + 1;
    while (v < html.size() && (html[v] == ' ' || html[v] == '\t' || html[v] == '\n' || html[v] == '\r')) ++v;
    if (v < html.size() && (html[v] == '"' || html[v] == '\'')) {
      const std::size_t close = html.find(html[v], v + 1);
      if (close == npos) return npos;
      i = close;
    }
  }
  return npos;
}

// Where "</name" (any case, then a tag-name end) starts at or after `from`; npos when never.
std::size_t end_tag(std::string_view html, std::size_t from, std::string_view name) {
  for (std::size_t at = html.find("</", from); at != npos; at = html.find("</", at + 2))
    if (tag_at(html, at + 2, name)) return at;
  return npos;
}

// Where a script body starting at `from` ends (the "</script" that closes
// it), following the tokenizer's script data, escaped and double-escaped
// states. Outside the escaped states only '<' matters, found with memchr.
std::size_t script_end(std::string_view html, std::size_t from) {
  enum class State { data, escaped, double_escaped } state = State::data;
  for (std::size_t at = from;; ++at) {
    if (state == State::data) {
      at = html.find('<', at);
    } else {
      while (at < html.size() && html[at] != '<' && html[at] != '-') ++at;
    }
    if (at >= html.size()) return npos;
    if (html.compare(at, 4, "<!--") == 0 && state == State::data) {
      state = State::escaped;
      at += 3;
    } else if (html.compare(at, 3, "-->") == 0) {
      state = State::data;
      at += 2;
    } else if (html.compare(at, 2, "</") == 0 && tag_at(html, at + 2, "script")) {
      if (state != State::double_escaped) return at;
      state = State::escaped;
    } else if (html[at] == '<' && state == State::escaped && tag_at(html, at + 1, "script")) {
      state = State::double_escaped;
    }
  }
}

// Where the "</svg" that closes an <svg> whose body starts at `from` begins,
// nested <svg>s counted; npos when it is never closed.
std::size_t svg_end(std::string_view html, std::size_t from) {
  int depth = 1;
  for (std::size_t at = html.find('<', from); at != npos; at = html.find('<', at + 1)) {
    if (html.compare(at, 2, "</") == 0 && tag_at(html, at + 2, "svg")) {
      if (--depth == 0) return at;
    } else if (tag_at(html, at + 1, "svg")) {
      const std::size_t end = tag_end(html, at);
      if (end == npos) return npos;
      if (html[end - 2] != '/') ++depth;
      at = end - 1;
    }
  }
  return npos;
}

// One past the end of the comment opened at html[at] ("<!--"), as the tokenizer reads it.
std::size_t comment_end(std::string_view html, std::size_t at) {
  if (html.compare(at + 4, 1, ">") == 0) return at + 5;  // <!-->
  if (html.compare(at + 4, 2, "->") == 0) return at + 6;  // <!--->
  const std::size_t close = html.find("-->", at + 4);
  return close == npos ? html.size() : close + 3;
}

bool is_json_ld(std::string_view start_tag) {
  return ascii_lower(start_tag).find("ld+json") != npos;
}

}  // namespace

std::string drop_unread_markup(std::string_view html) {
  std::string out;
  out.reserve(html.size());
  std::size_t copied = 0;  // html[0, copied) is decided
  // Once an <svg> is never closed, its body and every later one's are kept
  // for gumbo (which reads no text from SVG either): looking for the end of
  // each of 100k unclosed <svg>s scanned the rest of the page each time.
  bool svg_unclosed = false;
  for (std::size_t at = html.find('<'); at != npos; at = html.find('<', at)) {
    if (html.compare(at, 4, "<!--") == 0) {
      out.append(html.substr(copied, at - copied));
      at = copied = comment_end(html, at);
      continue;
    }
    if (at + 1 >= html.size() || !is_alpha(html[at + 1])) {
      ++at;
      continue;
    }
    const std::size_t end = tag_end(html, at);
    if (end == npos) break;  // an unterminated tag: gumbo's problem, copied as it is
    const bool script = tag_at(html, at + 1, "script") && !is_json_ld(html.substr(at, end - at));
    const bool style = tag_at(html, at + 1, "style");
    if (script || style) {
      out.append(html.substr(copied, end - copied));
      const std::size_t close = script ? script_end(html, end) : end_tag(html, end, "style");
      if (close == npos) return out;  // the body runs to the end of the page
      at = copied = close;
      continue;
    }
    if (!svg_unclosed && tag_at(html, at + 1, "svg") && html[end - 2] != '/') {
      const std::size_t close = svg_end(html, end);
      svg_unclosed = close == npos;
      if (!svg_unclosed) {
        out.append(html.substr(copied, end - copied));
        at = copied = close;
        continue;
      }
    }
    const std::size_t name_at = at + 1;
    at = end;
    const auto* raw = std::find_if(kRawText.begin(), kRawText.end(),
                                   [&](std::string_view name) { return tag_at(html, name_at, name); });
    if (raw != kRawText.end()) {
      at = end_tag(html, end, *raw);  // its text may hold "<script>": not a tag there
      if (at == npos) break;
    }
  }
  out.append(html.substr(copied));
  return out;
}

}  // namespace feedsieve
