// sanitize_html: gumbo parses the fragment the way a browser would, and only
// an allowlist is serialised back. Parsing first (instead of filtering the
// markup as text) means the output is judged on the tree a browser builds, so
// unclosed tags, broken attributes and mis-nesting cannot smuggle anything:
// what we write is freshly escaped markup of elements we chose.
//
// Three fates for an element: allowed (written with its allowed attributes),
// dropped with its content (script, style, frames, form controls' values,
// metadata; an <iframe>'s fallback markup is kept), or unwrapped (anything else, including <object>, <embed>,
// forms and inline SVG/MathML: its tag disappears, its children are kept). Attributes are allowlisted too, which removes every
// on* handler and style (and with it CSS expression()/behavior/-moz-binding);
// URL-valued ones also go through the URL policy in url_policy.cpp. An <img>
// left without a src is dropped, as it would show nothing. Simple fragments skip
// gumbo (simple_html.cpp) and go through the same serializer.
#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "feeds/text/byte_set.hpp"
#include "feeds/text/gumbo_tree.hpp"
#include "feeds/text/html_paths.hpp"
#include "feeds/text/html_text.hpp"
#include "feeds/text/simple_html.hpp"
#include "feeds/text/url_policy.hpp"

namespace feedsieve {
namespace {

using text_detail::UrlUse;

constexpr std::array kAllowed = {
    GUMBO_TAG_A,       GUMBO_TAG_ABBR,     GUMBO_TAG_ADDRESS,    GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,
    GUMBO_TAG_AUDIO,   GUMBO_TAG_B,        GUMBO_TAG_BDI,        GUMBO_TAG_BDO,     GUMBO_TAG_BIG,
    GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BR,    GUMBO_TAG_CAPTION,    GUMBO_TAG_CENTER,  GUMBO_TAG_CITE,
    GUMBO_TAG_CODE,    GUMBO_TAG_COL,      GUMBO_TAG_COLGROUP,   GUMBO_TAG_DD,      GUMBO_TAG_DEL,
    GUMBO_TAG_DETAILS, GUMBO_TAG_DFN,      GUMBO_TAG_DIV,        GUMBO_TAG_DL,      GUMBO_TAG_DT,
    GUMBO_TAG_EM,      GUMBO_TAG_FIGCAPTION, GUMBO_TAG_FIGURE,   GUMBO_TAG_FOOTER,  GUMBO_TAG_H1,
    GUMBO_TAG_H2,      GUMBO_TAG_H3,       GUMBO_TAG_H4,         GUMBO_TAG_H5,      GUMBO_TAG_H6,
    GUMBO_TAG_HEADER,  GUMBO_TAG_HR,       GUMBO_TAG_I,          GUMBO_TAG_IMG,     GUMBO_TAG_INS,
    GUMBO_TAG_KBD,     GUMBO_TAG_LI,       GUMBO_TAG_MARK,       GUMBO_TAG_OL,      GUMBO_TAG_P,
    GUMBO_TAG_PRE,     GUMBO_TAG_Q,        GUMBO_TAG_RP,         GUMBO_TAG_RT,      GUMBO_TAG_RUBY,
    GUMBO_TAG_S,       GUMBO_TAG_SAMP,     GUMBO_TAG_SECTION,    GUMBO_TAG_SMALL,   GUMBO_TAG_SOURCE,
    GUMBO_TAG_SPAN,    GUMBO_TAG_STRIKE,   GUMBO_TAG_STRONG,     GUMBO_TAG_SUB,     GUMBO_TAG_SUMMARY,
    GUMBO_TAG_SUP,     GUMBO_TAG_TABLE,    GUMBO_TAG_TBODY,      GUMBO_TAG_TD,      GUMBO_TAG_TFOOT,
    GUMBO_TAG_TH,      GUMBO_TAG_THEAD,    GUMBO_TAG_TIME,       GUMBO_TAG_TR,      GUMBO_TAG_TT,
    GUMBO_TAG_U,       GUMBO_TAG_UL,       GUMBO_TAG_VAR,        GUMBO_TAG_VIDEO,   GUMBO_TAG_WBR,
};

// Content that is never readable text (code, raw-text fallbacks, document
// metadata). Everything else that is not allowed is unwrapped: the fallback
// text inside <object>, <applet> or <embed>, and the text of inline SVG or
// MathML, is what a reader would see where the embedded thing cannot show. An
// HTML <title> inside a fragment is unwrapped too: an embedded page's title is
// its headline, and feedparser keeps it as well. So is <noscript>: this
// output runs no script, so its content is what the reader sees (lazy-loaded
// images keep their real <img src> there); the tag itself never reaches the
// output, so no browser reads that content as raw text.
constexpr std::array kDroppedWithContent = {
    GUMBO_TAG_SCRIPT,   GUMBO_TAG_STYLE,    GUMBO_TAG_IFRAME,  GUMBO_TAG_FRAME,    GUMBO_TAG_FRAMESET,
    GUMBO_TAG_PARAM,    GUMBO_TAG_META,     GUMBO_TAG_LINK,    GUMBO_TAG_BASE,     GUMBO_TAG_INPUT,
    GUMBO_TAG_TEXTAREA, GUMBO_TAG_SELECT,   GUMBO_TAG_DATALIST, GUMBO_TAG_KEYGEN,
    GUMBO_TAG_TEMPLATE, GUMBO_TAG_NOEMBED,  GUMBO_TAG_NOFRAMES, GUMBO_TAG_HEAD,    GUMBO_TAG_BGSOUND,
};

constexpr std::array kVoid = {GUMBO_TAG_BR,  GUMBO_TAG_HR,     GUMBO_TAG_IMG,
                              GUMBO_TAG_COL, GUMBO_TAG_SOURCE, GUMBO_TAG_WBR};

// Attributes kept on any allowed element; URL-valued ones are handled apart.
constexpr std::array<std::string_view, 20> kPlainAttributes = {
    "alt",  "title",    "width", "height",  "colspan", "rowspan", "datetime", "lang", "dir",  "start",
    "type", "reversed", "scope", "headers", "span",    "open",    "controls", "loop", "muted", "media",
};

// What is written for each tag: "<p" before its attributes, and "</p>" for
// its end ("" for a void element), each made once from gumbo's name instead
// of three appends and a search of kVoid at every tag.
struct TagText {
  std::string start;
  std::string end;
};

const TagText& tag_text(GumboTag tag) {
  static const auto kTexts = [] {
    std::array<TagText, GUMBO_TAG_LAST + 1> texts{};
    for (std::size_t t = 0; t < texts.size(); ++t) {
      const auto tag = static_cast<GumboTag>(t);
      const std::string name = gumbo_normalized_tagname(tag);
      texts[t].start = "<" + name;
      if (std::find(kVoid.begin(), kVoid.end(), tag) == kVoid.end()) texts[t].end = "</" + name + ">";
    }
    return texts;
  }();
  return kTexts[static_cast<std::size_t>(tag)];
}

template <typename List, typename Value>
bool listed(const List& list, const Value& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

UrlUse url_use(GumboTag tag, std::string_view attribute) {
  if (attribute == "href" || attribute == "cite") return UrlUse::link;
  return tag == GUMBO_TAG_IMG && attribute == "src" ? UrlUse::image : UrlUse::media;
}

bool is_url_attribute(GumboTag tag, std::string_view name) {
  if (name == "href") return tag == GUMBO_TAG_A;
  if (name == "cite") return tag == GUMBO_TAG_BLOCKQUOTE || tag == GUMBO_TAG_Q || tag == GUMBO_TAG_DEL || tag == GUMBO_TAG_INS;
  if (name == "src") return tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_AUDIO || tag == GUMBO_TAG_VIDEO || tag == GUMBO_TAG_SOURCE;
  return name == "poster" && tag == GUMBO_TAG_VIDEO;
}

// The fragment's base URL, parsed once at its first URL attribute: every
// link of the fragment reuses it, and fragments without links never parse it.
// Or the caller's, already parsed.
class LazyBase {
 public:
  explicit LazyBase(std::string_view text) : text_(text) {}
  explicit LazyBase(const BaseUrl& given) : given_(&given) {}
  const BaseUrl& get() {
    if (given_ != nullptr) return *given_;
    if (!parsed_) parsed_.emplace(text_);
    return *parsed_;
  }

 private:
  std::string_view text_;
  const BaseUrl* given_ = nullptr;
  std::optional<BaseUrl> parsed_;
};

// The value to write for one attribute, or nullopt to leave it out: `value`
// itself when it is kept as it is, else a view of `storage` (a checked URL).
std::optional<std::string_view> attribute_value(GumboTag tag, std::string_view name, std::string_view value,
                                                LazyBase& base, std::string& storage) {
  if (name.starts_with("on")) return std::nullopt;  // never, whatever the lists say
  std::optional<std::string> changed;
  if (is_url_attribute(tag, name)) {
    changed = text_detail::safe_url(value, base.get(), url_use(tag, name));
  } else if (name == "srcset" && (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_SOURCE)) {
    changed = text_detail::safe_srcset(value, base.get());
  } else {
    const bool kept = (name == "sizes" && (tag == GUMBO_TAG_IMG || tag == GUMBO_TAG_SOURCE)) ||
                      listed(kPlainAttributes, name);
    if (kept) return value;
    return std::nullopt;
  }
  if (!changed) return std::nullopt;
  storage = std::move(*changed);
  return storage;
}

// Serializes either path: gumbo's tree walk or the simple scanner's tokens
// (which only ever reports allowed elements).
class Serializer final : public text_detail::SimpleHtmlSink {
 public:
  // `size_hint`: the length of the input. The output is about as long, and
  // longer where relative links are resolved: a quarter more room saves the
  // copy of the whole output that a third of the fragments cost otherwise.
  Serializer(LazyBase base, std::size_t size_hint) : base_(base) { out_.reserve(size_hint + size_hint / 4); }

  bool enter(const GumboNode& node) {
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        if (starts_pre_with_newline(node)) out_ += '\n';
        append_html_escaped(out_, node.v.text.text, false);
        return false;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        return enter_element(node.v.element);
      default:  // comments are dropped
        return false;
    }
  }

  void leave(const GumboNode& node) {
    if (written(node.v.element)) end(node.v.element.tag);
  }

  void text(std::string_view decoded) override { append_html_escaped(out_, decoded, false); }
  void verbatim(std::string_view run) override { out_.append(run); }
  void start(GumboTag tag, std::span<const text_detail::HtmlAttribute> attributes) override {
    open_tag(tag, attributes);
  }
  void end(GumboTag tag) override { out_ += tag_text(tag).end; }

  std::string take() { return std::move(out_); }

 private:
  struct Attribute {
    std::string_view name;
    std::string_view value;
  };

  // HTML drops a newline right after <pre>, so one that the parser left in
  // the text (the second of the source) would be lost again when the output
  // is read: it is written twice.
  static bool starts_pre_with_newline(const GumboNode& node) {
    const GumboNode* parent = node.parent;
    return node.index_within_parent == 0 && parent != nullptr && parent->type == GUMBO_NODE_ELEMENT &&
           parent->v.element.tag == GUMBO_TAG_PRE && parent->v.element.tag_namespace == GUMBO_NAMESPACE_HTML &&
           node.v.text.text[0] == '\n';
  }

  static bool written(const GumboElement& element) {
    return element.tag_namespace == GUMBO_NAMESPACE_HTML && listed(kAllowed, element.tag);
  }

  bool enter_element(const GumboElement& element) {
    if (text_detail::has_raw_text_fallback(element) && !in_fallback_) return enter_fallback(element);
    if (listed(kDroppedWithContent, element.tag)) return false;
    if (!written(element)) return true;  // unwrap: children only
    attributes_.clear();
    for (unsigned i = 0; i < element.attributes.length; ++i) {
      const auto& attr = *static_cast<const GumboAttribute*>(element.attributes.data[i]);
      attributes_.push_back({attr.name, attr.value});
    }
    return open_tag(element.tag, std::span<const Attribute>(attributes_));
  }

  // An <iframe> is dropped, but its content is the fallback a reader without
  // frames sees (after a self-closed <iframe/>, the text that follows it).
  // HTML parses it as raw text, so it is parsed again as a fragment of its
  // own and kept like <object>'s fallback; a frame inside it is dropped.
  bool enter_fallback(const GumboElement& element) {
    in_fallback_ = true;
    text_detail::walk_raw_text_as_html(element, *this);
    in_fallback_ = false;
    return false;
  }

  // Writes the start tag with its allowed attributes; false
  // when the element is left out (an <img> without a usable src).
  // The tag is written straight into the output and cut off again when the
  // element is left out: no copy of every tag through a buffer of its own.
  // Either path's attributes as they are (name and value members), not
  // copied into a list of their own first.
  template <typename Attr>
  bool open_tag(GumboTag tag, std::span<const Attr> attributes) {
    const std::size_t start = out_.size();
    out_ += tag_text(tag).start;
    bool has_src = false;
    for (const Attr& attr : attributes) {
      const auto value = attribute_value(tag, attr.name, attr.value, base_, url_);
      if (!value) continue;
      has_src = has_src || attr.name == "src";
      ((out_ += ' ') += attr.name) += "=\"";
      append_html_escaped(out_, *value, true);
      out_ += '"';
    }
    if (tag == GUMBO_TAG_IMG && !has_src) {
      out_.resize(start);
      return false;
    }
    out_ += '>';
    return true;
  }

  LazyBase base_;
  std::string out_;
  std::string url_;                    // the checked URL of the attribute being written
  std::vector<Attribute> attributes_;  // of the gumbo element being written
  bool in_fallback_ = false;           // inside an <iframe>'s fallback
};

std::optional<std::string> sanitize_fast(std::string_view html, LazyBase base) {
  Serializer serializer(base, html.size());
  if (!text_detail::scan_simple_html(html, serializer)) return std::nullopt;
  return serializer.take();
}

std::string sanitize_gumbo(std::string_view html, LazyBase base) {
  const text_detail::ParsedFragment parsed = text_detail::parse_fragment(html);
  Serializer serializer(base, html.size());
  text_detail::walk(parsed.nodes(), serializer);
  return serializer.take();
}

}  // namespace

namespace text_detail {

std::optional<std::string> sanitize_html_fast(std::string_view html, std::string_view base_url) {
  return sanitize_fast(html, LazyBase(base_url));
}

std::string sanitize_html_gumbo(std::string_view html, std::string_view base_url) {
  return sanitize_gumbo(html, LazyBase(base_url));
}

}  // namespace text_detail

// Copies runs of ordinary characters in one append each: this is the hot
// loop of sanitizing, and a byte at a time dominated it.
void append_html_escaped(std::string& out, std::string_view text, bool attribute) {
  static constexpr ByteSet kText("&<>");
  static constexpr ByteSet kAttribute("&<>\"");
  const ByteSet& special = attribute ? kAttribute : kText;
  for (;;) {
    const std::size_t next = special.find_in(text);
    out.append(text.substr(0, next));
    if (next == text.size()) return;
    switch (text[next]) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      default: out += "&quot;"; break;
    }
    text.remove_prefix(next + 1);
  }
}

std::string sanitize_html(std::string_view html, std::string_view base_url) {
  if (auto fast = text_detail::sanitize_html_fast(html, base_url)) return std::move(*fast);
  return text_detail::sanitize_html_gumbo(html, base_url);
}

std::string sanitize_html(std::string_view html, const BaseUrl& base) {
  if (auto fast = sanitize_fast(html, LazyBase(base))) return std::move(*fast);
  return sanitize_gumbo(html, LazyBase(base));
}

}  // namespace feedsieve
