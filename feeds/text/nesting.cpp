// limit_html_markup: a single pass over the markup that models the stack of
// open elements just well enough to bound its depth, and counts the tags it
// keeps to bound their number.
//
// The model may count an element HTML would not open (the cost is a cap
// reached early on odd markup), never the other way round: an element that
// HTML nests and the model does not see makes gumbo's depth unbounded, and
// with it its time (each block start tag looks down the whole stack). So:
// void elements (br, img...) never nest and do not count, nor do the few
// whose end tag HTML implies at every sibling in any context (p, td, tr...);
// li, dd/dt, option and ruby's annotations close their own kind only when it
// is the current node (elsewhere HTML nests them: <li><dd><li><dd>...,
// <optgroup>..., <rt> outside <ruby>); raw-text elements (script, style...)
// are copied through to their end tag, or dropped whole when too deep; any
// other start tag pushes its name, self-closing or not (HTML ignores the
// slash); an end tag pops back to the nearest open element of that name, or
// is ignored when none is open (as HTML does), except the end tag of a
// formatting element with a block open inside it, which HTML's adoption
// agency answers by moving the block, not by closing it. A per-name record
// keeps each lookup O(1), so the pass stays linear on hostile input such as
// 100k unclosed <div>s or end tags that close nothing.
//
// <svg> and <math> start foreign content, where HTML's other rules apply
// (raw-text names are plain elements, integration points switch back): the
// model would have to follow them too. Their tags are dropped instead, so
// gumbo reads what they hold as HTML, as the model does; neither element is
// ever in the output.
#include <algorithm>
#include <array>
#include <cctype>
#include <optional>
#include <unordered_map>
#include <vector>

#include "feeds/text/ascii.hpp"
#include "feeds/text/html_text.hpp"

namespace feedsieve {
namespace {

constexpr std::array<std::string_view, 20> kVoid = {
    "area", "base", "basefont", "bgsound", "br", "col", "embed", "frame", "hr", "image",
    "img", "input", "keygen", "link", "meta", "param", "source", "track", "wbr", "command"};

constexpr std::array<std::string_view, 10> kImpliedEnd = {
    "p", "tr", "td", "th", "tbody", "thead", "tfoot", "colgroup", "caption", "html"};

// noscript and template are not among them: gumbo reads their content as markup.
constexpr std::array<std::string_view, 9> kRawText = {
    "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"};

constexpr std::array<std::string_view, 2> kForeign = {"svg", "math"};

// HTML's formatting elements: the parser reopens every one still open at
// each new block or text run ("reconstructs the active formatting
// elements"), so 250 unclosed <b title=N> before 30k paragraphs made gumbo
// build 7.5M elements from 260 KB. So few may be open at once, and what each
// tag and text run may make of them is counted against the tag budget.
constexpr std::array<std::string_view, 14> kFormatting = {"a",      "b",      "big", "code", "em", "font", "i",
                                                          "nobr",   "s",      "small", "strike", "strong", "tt", "u"};
constexpr std::size_t kMaxOpenFormatting = 8;  // more than any real text nests

// Elements other than kFormatting that are not blocks to the adoption agency
// (not "special"): the end tag of a formatting element closes it through these. Anything else
// counts as a block, which can only make the model keep more open.
constexpr std::array<std::string_view, 19> kPhrasing = {
    "abbr", "bdi", "bdo", "cite", "data", "del", "dfn", "ins",  "kbd", "label",
    "mark", "q",   "ruby", "samp", "span", "sub", "sup", "time", "var"};

// The elements that bound HTML's "in scope" checks: an end tag does not
// reach through them to an element open below (<div><object></div> closes
// nothing).
constexpr std::array<std::string_view, 9> kScopeMarkers = {"applet", "caption", "html",    "table", "td",
                                                           "th",     "marquee", "object", "template"};

// Whether start tag `name` closes `current` first, as HTML's start tags of
// li, dd/dt, option/optgroup and ruby's annotations close their own kind
// when it is the current node (those of ruby only inside a ruby).
bool closes_current(std::string_view name, std::string_view current, bool in_ruby) {
  const auto dd = [](std::string_view n) { return n == "dd" || n == "dt"; };
  const auto annotation = [](std::string_view n) { return n == "rb" || n == "rt" || n == "rp" || n == "rtc"; };
  if (name == "li") return current == "li";
  if (dd(name)) return dd(current);
  if (name == "option" || name == "optgroup") return current == "option";
  return in_ruby && annotation(name) && annotation(current);
}

template <std::size_t N>
bool contains(const std::array<std::string_view, N>& list, std::string_view name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

struct Tag {
  std::string name;  // lower-case
  bool end = false;
  bool self_closing = false;
  bool unterminated = false;  // no '>' before the end: the tag runs to the end of the input
  std::size_t stop = 0;       // one past '>'
  std::size_t cut = 0;        // where its attributes past kMaxAttributes begin; 0 when it has fewer
};

// More than any real tag carries. Both HTML parsers check each attribute
// against all before it for a duplicate: one tag of 40k took seconds.
constexpr std::size_t kMaxAttributes = 64;

// Reads the tag starting at html[at] == '<'. nullopt when it is not a tag.
std::optional<Tag> read_tag(std::string_view html, std::size_t at) {
  Tag tag;
  std::size_t i = at + 1;
  if (i < html.size() && html[i] == '/') {
    tag.end = true;
    ++i;
  }
  if (i >= html.size() || !std::isalpha(static_cast<unsigned char>(html[i]))) return std::nullopt;
  while (i < html.size() && !is_space(html[i]) && html[i] != '/' && html[i] != '>') {
    tag.name += static_cast<char>(std::tolower(static_cast<unsigned char>(html[i++])));
  }
  // Attributes, the way the HTML tokenizer reads them: an attribute starts
  // at what follows whitespace, a '/' or a value (a="1"b="2" is two); '='
  // begins a value only after a name (a '=' where a name should start is
  // the start of one), and quotes only matter at a value's start.
  std::size_t attributes = 0;
  bool after_space = true;
  bool named = false;  // an attribute name was read, and no value yet
  while (i < html.size() && html[i] != '>') {
    const char c = html[i];
    if (c == '/' && i + 1 < html.size() && html[i + 1] == '>') {
      tag.self_closing = true;
      ++i;
      break;
    }
    if (is_space(c) || c == '/') {
      after_space = true;
      ++i;
      continue;
    }
    if (c == '=' && named) {
      ++i;
      while (i < html.size() && is_space(html[i])) ++i;
      if (i < html.size() && (html[i] == '"' || html[i] == '\'')) {
        const std::size_t close = html.find(html[i], i + 1);
        i = close == std::string_view::npos ? html.size() : close + 1;
      } else {
        while (i < html.size() && !is_space(html[i]) && html[i] != '>') ++i;
      }
      named = false;
      after_space = true;
      continue;
    }
    if (after_space) {
      if (++attributes == kMaxAttributes + 1) tag.cut = i;
      named = true;
    }
    after_space = false;
    ++i;
  }
  tag.unterminated = i >= html.size();
  tag.stop = tag.unterminated ? html.size() : i + 1;
  return tag;
}

// The tag at html[at] as it is kept, without its attributes past the cap,
// then what follows it up to `stop` (a raw-text element's text and end tag).
void append_kept(std::string& out, std::string_view html, std::size_t at, const Tag& tag, std::size_t stop) {
  if (tag.cut == 0) {
    out.append(html, at, stop - at);
    return;
  }
  out.append(html, at, tag.cut - at);
  out += tag.self_closing ? "/>" : ">";
  out.append(html, tag.stop, stop - tag.stop);
}

// Position just past the end tag of raw-text element `name`, or the end.
std::size_t skip_raw_text(std::string_view html, std::size_t from, std::string_view name) {
  if (name == "plaintext") return html.size();
  for (std::size_t i = html.find("</", from); i != std::string_view::npos; i = html.find("</", i + 2)) {
    if (i + 2 + name.size() > html.size()) break;
    bool match = true;
    for (std::size_t k = 0; k < name.size() && match; ++k) {
      match = std::tolower(static_cast<unsigned char>(html[i + 2 + k])) == name[k];
    }
    if (match) {
      const std::size_t close = html.find('>', i);
      return close == std::string_view::npos ? html.size() : close + 1;
    }
  }
  return html.size();
}

// Past a comment or declaration at html[at], where HTML ends it: a comment
// at "-->" or "--!>", or at once as "<!-->" and "<!--->"; anything else at '>'.
std::size_t skip_markup_declaration(std::string_view html, std::size_t at) {
  if (html.compare(at, 4, "<!--") != 0) {
    const std::size_t close = html.find('>', at);
    return close == std::string_view::npos ? html.size() : close + 1;
  }
  const std::string_view body = html.substr(at + 4);
  if (body.starts_with(">")) return at + 5;
  if (body.starts_with("->")) return at + 6;
  const std::size_t plain = body.find("-->");
  // Only before the first "-->": a search to the end at every comment would be quadratic.
  const std::size_t bang = body.substr(0, plain).find("--!>");
  if (bang != std::string_view::npos) return at + 4 + bang + 4;
  return plain == std::string_view::npos ? html.size() : at + 4 + plain + 3;
}

class OpenElements {
 public:
  std::size_t depth() const { return open_.size(); }
  // Formatting elements open and kept.
  std::size_t formatting() const { return formatting_; }
  bool is_open(const std::string& name) const {
    const auto it = at_.find(name);
    return it != at_.end() && !it->second.empty();
  }
  const std::string* current() const { return open_.empty() ? nullptr : &open_.back().name; }
  // `kept`: whether its start tag stays in the output.
  void push(const std::string& name, bool kept) {
    const bool formatting = kept && contains(kFormatting, name);
    const bool block = !contains(kFormatting, name) && !contains(kPhrasing, name);
    const bool marker = contains(kScopeMarkers, name);
    blocks_ += block ? 1 : 0;
    markers_ += marker ? 1 : 0;
    kept_ += kept ? 1 : 0;
    open_.push_back({name, kept, formatting, block, marker, blocks_, markers_, kept_});
    at_[name].push_back(open_.size() - 1);
    formatting_ += formatting ? 1 : 0;
  }
  void pop() {
    const Open& top = open_.back();
    at_[top.name].pop_back();
    formatting_ -= top.formatting ? 1 : 0;
    blocks_ -= top.block ? 1 : 0;
    markers_ -= top.marker ? 1 : 0;
    kept_ -= top.kept ? 1 : 0;
    open_.pop_back();
  }
  // Pops to the nearest open `name`: whether that element's start tag was
  // kept, or nullopt when none is open. Where HTML leaves the end tag
  // without effect, everything stays open: a formatting element or a
  // phrasing one with a block open above it (the adoption agency moves the
  // block; "any other end tag" stops at it), any element with a scope
  // marker above it, and an element whose start tag was dropped (HTML never
  // saw it) with kept ones above it.
  std::optional<bool> pop_to(const std::string& name) {
    const auto it = at_.find(name);
    if (it == at_.end() || it->second.empty()) return std::nullopt;
    const Open& target = open_[it->second.back()];
    const bool block_above = blocks_ > target.blocks_through;
    if ((!target.block && block_above) || markers_ > target.markers_through ||
        (!target.kept && kept_ > target.kept_through)) {
      return target.kept;
    }
    for (;;) {
      const bool found = open_.back().name == name;
      const bool kept = open_.back().kept;
      pop();
      if (found) return kept;
    }
  }

 private:
  struct Open {
    std::string name;
    bool kept;
    bool formatting;
    bool block;
    bool marker;
    std::size_t blocks_through;   // blocks open from the bottom up to this one
    std::size_t markers_through;  // the same for scope markers
    std::size_t kept_through;     // and for elements whose start tag was kept
  };
  std::vector<Open> open_;
  std::unordered_map<std::string, std::vector<std::size_t>> at_;  // each name's places in open_
  std::size_t formatting_ = 0;
  std::size_t blocks_ = 0;
  std::size_t markers_ = 0;
  std::size_t kept_ = 0;
};

}  // namespace

bool is_html_void_element(std::string_view name) {
  return std::any_of(kVoid.begin(), kVoid.end(), [&](std::string_view v) { return ascii_iequals(name, v); });
}

std::string limit_html_markup(std::string_view html, MarkupLimits limits) {
  std::string out;
  out.reserve(html.size());
  OpenElements open;
  std::size_t kept_tags = 0;
  std::size_t i = 0;
  while (i < html.size()) {
    const std::size_t lt = html.find('<', i);
    if (lt == std::string_view::npos) break;
    out.append(html, i, lt - i);
    if (lt > i) kept_tags += open.formatting();  // the text may reopen them all
    if (lt + 1 < html.size() && (html[lt + 1] == '!' || html[lt + 1] == '?')) {
      i = skip_markup_declaration(html, lt);
      out.append(html, lt, i - lt);
      continue;
    }
    const auto tag = read_tag(html, lt);
    if (!tag) {
      out += '<';
      i = lt + 1;
      continue;
    }
    // HTML reads everything after it as part of the tag (and drops it), so
    // nothing after it opens anything; looking for the next tag from lt + 1
    // instead made each '<' of "<x<x<x..." scan to the end again.
    if (tag->unterminated) {
      i = lt;  // the rest is copied below
      break;
    }
    const bool room = kept_tags < limits.tags;
    std::size_t stop = tag->stop;
    bool keep = room;
    bool takes_room = true;
    const bool foreign = contains(kForeign, tag->name);
    if (foreign) {
      keep = false;
      takes_room = false;
    } else if (tag->end) {
      // An end tag goes with its element; one that closes nothing may still
      // make one in HTML (</p>, </br>), so it takes room like a start tag.
      const std::optional<bool> closed = open.pop_to(tag->name);
      keep = closed.value_or(room);
      takes_room = !closed;
    } else if (contains(kRawText, tag->name)) {
      stop = skip_raw_text(html, tag->stop, tag->name);
      keep = room && open.depth() < limits.depth;  // not kept: dropped whole, content included
    } else if (!contains(kVoid, tag->name) && !contains(kImpliedEnd, tag->name)) {
      const std::string* current = open.current();
      if (current != nullptr && closes_current(tag->name, *current, open.is_open("ruby"))) open.pop();
      keep = room && open.depth() < limits.depth &&
             (open.formatting() < kMaxOpenFormatting || !contains(kFormatting, tag->name));
      open.push(tag->name, keep);
    }
    if (keep) {
      append_kept(out, html, lt, *tag, stop);
      kept_tags += takes_room ? 1 + open.formatting() : 0;
    } else if (!foreign || (!out.empty() && out.back() == '<')) {
      out += ' ';  // a dropped tag still parts words; a foreign one is only a wrapper
    }
    i = stop;
  }
  if (i < html.size()) out.append(html, i, std::string_view::npos);
  return out;
}

}  // namespace feedsieve
