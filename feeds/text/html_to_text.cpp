// html_to_text: gumbo parses (and decodes entities), a walk collects text;
// simple fragments take the scanner in simple_html.cpp instead, same output.
//
// Block-level elements and <br> contribute a break before and after them, so
// "<p>one</p><p>two</p>" reads "one two", never "onetwo"; inline elements add
// nothing, so "<b>Hel</b>lo" stays one word. Elements whose content is not
// readable text (script, style, template, forms' option lists) are skipped
// with their content; <object>/<applet>/<iframe> fallback text, a
// <noscript>'s content (no script runs here), the text of an HTML <title>
// (an embedded page's headline) and the text inside inline SVG are read, as
// the sanitizer keeps them.
#include <array>

#include "feeds/text/collapsing_appender.hpp"
#include "feeds/text/gumbo_tree.hpp"
#include "feeds/text/html_paths.hpp"
#include "feeds/text/html_text.hpp"
#include "feeds/text/simple_html.hpp"

namespace feedsieve {
namespace {

constexpr std::array kSkipped = {
    GUMBO_TAG_SCRIPT,  GUMBO_TAG_STYLE,    GUMBO_TAG_TEMPLATE, GUMBO_TAG_IFRAME,
    GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES, GUMBO_TAG_SELECT,  GUMBO_TAG_TEXTAREA, GUMBO_TAG_HEAD,
};

constexpr std::array kBlocks = {
    GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE, GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_BR,
    GUMBO_TAG_CAPTION, GUMBO_TAG_CENTER, GUMBO_TAG_DD, GUMBO_TAG_DETAILS,
    GUMBO_TAG_DIV, GUMBO_TAG_DL, GUMBO_TAG_DT, GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGCAPTION,
    GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER, GUMBO_TAG_FORM, GUMBO_TAG_H1, GUMBO_TAG_H2, GUMBO_TAG_H3,
    GUMBO_TAG_H4, GUMBO_TAG_H5, GUMBO_TAG_H6, GUMBO_TAG_HEADER, GUMBO_TAG_HGROUP, GUMBO_TAG_HR,
    GUMBO_TAG_IMG, GUMBO_TAG_LEGEND, GUMBO_TAG_LI, GUMBO_TAG_LISTING, GUMBO_TAG_MAIN, GUMBO_TAG_MENU,
    GUMBO_TAG_NAV, GUMBO_TAG_OL, GUMBO_TAG_OPTION, GUMBO_TAG_P, GUMBO_TAG_PLAINTEXT, GUMBO_TAG_PRE,
    GUMBO_TAG_SECTION, GUMBO_TAG_SUMMARY, GUMBO_TAG_TABLE, GUMBO_TAG_TBODY, GUMBO_TAG_TD,
    GUMBO_TAG_TFOOT, GUMBO_TAG_TH, GUMBO_TAG_THEAD, GUMBO_TAG_TITLE, GUMBO_TAG_TR, GUMBO_TAG_UL,
    GUMBO_TAG_BODY, GUMBO_TAG_HTML, GUMBO_TAG_VIDEO, GUMBO_TAG_AUDIO,
};

// A tag list as a table indexed by tag: asked for every start and end tag.
class TagSet {
 public:
  template <std::size_t N>
  constexpr explicit TagSet(const std::array<GumboTag, N>& tags) {
    for (const GumboTag tag : tags) member_[tag] = true;
  }
  constexpr bool contains(GumboTag tag) const {
    return static_cast<unsigned>(tag) < GUMBO_TAG_LAST && member_[static_cast<unsigned>(tag)];
  }

 private:
  std::array<bool, GUMBO_TAG_LAST> member_{};
};

constexpr TagSet kSkippedSet(kSkipped);
constexpr TagSet kBlockSet(kBlocks);

// Collects the text of either path: gumbo's tree walk or the simple scanner.
class TextCollector final : public text_detail::SimpleHtmlSink {
 public:
  bool enter(const GumboNode& node) {
    switch (node.type) {
      case GUMBO_NODE_TEXT:
      case GUMBO_NODE_CDATA:
      case GUMBO_NODE_WHITESPACE:
        text_.append(node.v.text.text);
        return false;
      case GUMBO_NODE_ELEMENT:
      case GUMBO_NODE_TEMPLATE:
        if (text_detail::has_raw_text_fallback(node.v.element) && !in_fallback_) return read_fallback(node.v.element);
        if (kSkippedSet.contains(node.v.element.tag)) return false;
        start(node.v.element.tag, {});
        return true;
      default:  // comments, the document
        return false;
    }
  }
  void leave(const GumboNode& node) { end(node.v.element.tag); }

  void text(std::string_view decoded) override { text_.append(decoded); }
  void start(GumboTag tag, std::span<const text_detail::HtmlAttribute>) override {
    if (kBlockSet.contains(tag)) text_.space();
  }
  void end(GumboTag tag) override {
    if (kBlockSet.contains(tag)) text_.space();
  }

  explicit TextCollector(std::size_t size_hint) { text_.reserve(size_hint); }

  // The text, whitespace already collapsed.
  std::string take() { return text_.take(); }

 private:
  // An <iframe>'s raw-text content is its fallback, read as the sanitizer
  // keeps it: parsed as a fragment of its own, frames inside it skipped.
  bool read_fallback(const GumboElement& element) {
    in_fallback_ = true;
    text_detail::walk_raw_text_as_html(element, *this);
    in_fallback_ = false;
    return false;
  }

  text_detail::CollapsingAppender text_;
  bool in_fallback_ = false;
};

}  // namespace

namespace text_detail {

std::optional<std::string> html_to_text_fast(std::string_view html) {
  TextCollector collector(html.size());
  if (!scan_simple_html(html, collector)) return std::nullopt;
  return collector.take();
}

std::string html_to_text_gumbo(std::string_view html) {
  const ParsedFragment parsed = parse_fragment(html);
  TextCollector collector(html.size());
  walk(parsed.nodes(), collector);
  return collector.take();
}

}  // namespace text_detail

std::string html_to_text(std::string_view html) {
  if (auto fast = text_detail::html_to_text_fast(html)) return std::move(*fast);
  return text_detail::html_to_text_gumbo(html);
}

}  // namespace feedsieve
