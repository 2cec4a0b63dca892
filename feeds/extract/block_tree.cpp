// The block tree: gumbo's body flattened into a pre-order array with
// unreadable elements (scripts, forms' widgets, hidden elements) left out, and,
// on request, page furniture too. Statistics are summed bottom-up in one
// reverse pass: in pre-order every descendant comes after its ancestor.
//
// The class/id hints follow the patterns Readability.js has refined over a
// decade of real pages, as substring lists (no regex engine on the hot path).
#include "feeds/extract/block_tree.hpp"

#include <algorithm>
#include <array>
#include <string_view>

namespace feedsieve::extract_detail {
namespace {

constexpr std::array kSkippedTags = {
    GUMBO_TAG_SCRIPT,  GUMBO_TAG_STYLE,   GUMBO_TAG_NOSCRIPT, GUMBO_TAG_TEMPLATE, GUMBO_TAG_IFRAME,
    GUMBO_TAG_SVG,     GUMBO_TAG_MATH,    GUMBO_TAG_OBJECT,   GUMBO_TAG_EMBED,    GUMBO_TAG_APPLET,
    GUMBO_TAG_SELECT,  GUMBO_TAG_TEXTAREA, GUMBO_TAG_BUTTON,  GUMBO_TAG_INPUT,    GUMBO_TAG_HEAD,
    GUMBO_TAG_NOEMBED, GUMBO_TAG_NOFRAMES, GUMBO_TAG_CANVAS,  GUMBO_TAG_FIGCAPTION, GUMBO_TAG_LABEL,
    GUMBO_TAG_AUDIO,   GUMBO_TAG_VIDEO,    GUMBO_TAG_MENU,
};

constexpr std::array kFurnitureTags = {GUMBO_TAG_NAV, GUMBO_TAG_ASIDE, GUMBO_TAG_FOOTER, GUMBO_TAG_HEADER};

constexpr std::array<std::string_view, 10> kFurnitureRoles = {
    "navigation", "complementary", "contentinfo", "banner", "menu", "menubar", "dialog", "alertdialog",
    "search",     "alert"};

constexpr std::array<std::string_view, 40> kUnlikely = {
    "-ad-",      "ai2html",    "banner",   "breadcrumb", "combx",    "comment",   "community", "cover-wrap",
    "disqus",    "extra",      "footer",   "gdpr",       "header",   "legends",   "menu",      "related",
    "remark",    "replies",    "rss",      "shoutbox",   "sidebar",  "skyscraper", "social",   "sponsor",
    "supplemental", "ad-break", "agegate", "pagination", "pager",    "popup",     "yom-remote", "cookie",
    "consent",   "newsletter", "signup",   "share",      "promo",    "outbrain",  "taboola",   "recommend"};

constexpr std::array<std::string_view, 6> kMaybe = {"and", "article", "body", "column", "content", "main"};

constexpr std::array<std::string_view, 23> kNegative = {
    "-ad-",   "banner",   "combx",     "comment", "com-",   "contact", "footer",     "gdpr",
    "masthead", "media",  "meta",      "outbrain", "promo", "related", "scroll",     "share",
    "shoutbox", "sidebar", "skyscraper", "sponsor", "shopping", "tags", "widget"};

constexpr std::array<std::string_view, 14> kPositive = {"article", "body",  "content", "entry", "hentry",
                                                        "h-entry", "main",  "page",    "pagination", "post",
                                                        "text",    "blog",  "story",   "prose"};

constexpr std::array kBlockTags = {
    GUMBO_TAG_ADDRESS, GUMBO_TAG_ARTICLE, GUMBO_TAG_ASIDE,  GUMBO_TAG_BLOCKQUOTE, GUMBO_TAG_CENTER,
    GUMBO_TAG_DD,      GUMBO_TAG_DETAILS, GUMBO_TAG_DIV,    GUMBO_TAG_DL,         GUMBO_TAG_DT,
    GUMBO_TAG_FIELDSET, GUMBO_TAG_FIGURE, GUMBO_TAG_FOOTER, GUMBO_TAG_FORM,       GUMBO_TAG_H1,
    GUMBO_TAG_H2,      GUMBO_TAG_H3,      GUMBO_TAG_H4,     GUMBO_TAG_H5,         GUMBO_TAG_H6,
    GUMBO_TAG_HEADER,  GUMBO_TAG_HGROUP,  GUMBO_TAG_HR,     GUMBO_TAG_LI,         GUMBO_TAG_MAIN,
    GUMBO_TAG_NAV,     GUMBO_TAG_OL,      GUMBO_TAG_P,      GUMBO_TAG_PRE,        GUMBO_TAG_SECTION,
    GUMBO_TAG_SUMMARY, GUMBO_TAG_TABLE,   GUMBO_TAG_TBODY,  GUMBO_TAG_TD,         GUMBO_TAG_TFOOT,
    GUMBO_TAG_TH,      GUMBO_TAG_THEAD,   GUMBO_TAG_TR,     GUMBO_TAG_UL,         GUMBO_TAG_BODY,
    GUMBO_TAG_BR,      GUMBO_TAG_CAPTION, GUMBO_TAG_LEGEND,
};

template <typename List, typename Value>
bool listed(const List& list, const Value& value) {
  return std::find(list.begin(), list.end(), value) != list.end();
}

template <typename List>
bool mentions(std::string_view hints, const List& needles) {
  return std::any_of(needles.begin(), needles.end(),
                     [hints](std::string_view needle) { return hints.find(needle) != std::string_view::npos; });
}

// "hid" as a whole class word (Readability's ^hid$| hid$| hid |^hid ).
bool has_hid_word(std::string_view hints) {
  for (std::size_t at = hints.find("hid"); at != std::string_view::npos; at = hints.find("hid", at + 1)) {
    const bool starts = at == 0 || hints[at - 1] == ' ';
    const bool ends = at + 3 == hints.size() || hints[at + 3] == ' ';
    if (starts && ends) return true;
  }
  return false;
}

// `hints`: one lower-cased class or id attribute.
int weight_of(std::string_view hints) {
  if (hints.empty()) return 0;
  int weight = 0;
  if (mentions(hints, kNegative) || has_hid_word(hints) || hints.find("hidden") != std::string_view::npos) weight -= 25;
  if (mentions(hints, kPositive)) weight += 25;
  return weight;
}

bool is_hidden(const GumboNode& element) {
  if (html::has_attribute(element, "hidden")) return true;
  if (html::attribute(element, "aria-hidden") == "true" &&
      html::attribute(element, "class").find("fallback-image") == std::string_view::npos)
    return true;
  const std::string_view style = html::attribute(element, "style");
  if (style.empty()) return false;
  std::string squeezed;
  for (const char c : html::lower(style))
    if (c != ' ') squeezed += c;
  return squeezed.find("display:none") != std::string::npos || squeezed.find("visibility:hidden") != std::string::npos;
}

// The classes of the <blockquote> that social platforms' embed code writes
// (the post's text, its author and date) before their script replaces it: a
// post the article quotes, which a reader of the article reads, even inside
// a wrapper whose class ("social-media-embed") reads as share buttons.
constexpr std::array<std::string_view, 8> kEmbeddedPosts = {
    "twitter-tweet", "twitter-video",  "instagram-media", "tiktok-embed",
    "reddit-embed",  "mastodon-embed", "bluesky-embed",   "text-post-media"};

bool is_embedded_post(GumboTag tag, std::string_view hints) {
  return tag == GUMBO_TAG_BLOCKQUOTE && mentions(hints, kEmbeddedPosts);
}

// Whether `element` holds an embedded post; only asked of elements about to
// be dropped, each once, since a dropped element's subtree is not walked.
bool holds_embedded_post(const GumboNode& element) {
  std::vector<const GumboNode*> pending{&element};
  while (!pending.empty()) {
    const GumboNode* node = pending.back();
    pending.pop_back();
    if (node->type != GUMBO_NODE_ELEMENT) continue;
    if (node->v.element.tag == GUMBO_TAG_BLOCKQUOTE &&
        mentions(html::lower(html::attribute(*node, "class")), kEmbeddedPosts))
      return true;
    const GumboVector& children = node->v.element.children;
    for (unsigned i = 0; i < children.length; ++i) pending.push_back(static_cast<const GumboNode*>(children.data[i]));
  }
  return false;
}

bool is_furniture(const GumboNode& element, std::string_view hints) {
  const GumboTag tag = element.v.element.tag;
  if (tag == GUMBO_TAG_BODY || tag == GUMBO_TAG_ARTICLE || tag == GUMBO_TAG_MAIN || tag == GUMBO_TAG_A) return false;
  if (listed(kFurnitureTags, tag)) return true;
  if (listed(kFurnitureRoles, html::lower(html::attribute(element, "role")))) return true;
  return mentions(hints, kUnlikely) && !mentions(hints, kMaybe) && !holds_embedded_post(element);
}

std::size_t code_points(std::string_view text) {
  // Collapsed whitespace: a run of spaces counts as one.
  std::size_t count = 0;
  bool in_space = true;
  for (const char c : text) {
    const auto byte = static_cast<unsigned char>(c);
    const bool space = byte == ' ' || byte == '\n' || byte == '\t' || byte == '\r' || byte == '\f';
    if (space) {
      if (!in_space) ++count;
      in_space = true;
    } else {
      if ((byte & 0xC0) != 0x80) ++count;
      in_space = false;
    }
  }
  return count;
}

int comma_count(std::string_view text) {
  int commas = 0;
  for (std::size_t at = 0; at < text.size(); ++at) {
    if (text[at] == ',') ++commas;
    if (text.substr(at, 3) == "\xEF\xBC\x8C" || text.substr(at, 3) == "\xE3\x80\x81" || text.substr(at, 2) == "\xD8\x8C")
      ++commas;  // fullwidth comma, ideographic comma, Arabic comma
  }
  return commas;
}

class TreeBuilder {
 public:
  TreeBuilder(BlockTree& tree, bool drop_unlikely) : tree_(tree), drop_unlikely_(drop_unlikely) {}

  void add_root() {
    BlockNode root;
    root.tag = GUMBO_TAG_BODY;
    tree_.nodes.push_back(std::move(root));
    open_.push_back(0);
  }

  bool enter(const GumboNode& node) {
    if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_CDATA || node.type == GUMBO_NODE_WHITESPACE) {
      BlockNode text;
      text.is_text = true;
      text.text = node.v.text.text;  // a view into the document, which outlives the tree
      add(std::move(text));
      return false;
    }
    if (node.type != GUMBO_NODE_ELEMENT) return false;
    const GumboTag tag = node.v.element.tag;
    if (listed(kSkippedTags, tag) || is_hidden(node)) return false;
    const std::string klass = html::lower(html::attribute(node, "class"));
    const std::string id = html::lower(html::attribute(node, "id"));
    std::string hints;
    hints.reserve(klass.size() + 1 + id.size());
    hints.append(klass).append(1, ' ').append(id);
    if (drop_unlikely_ && is_furniture(node, hints)) return false;
    BlockNode element;
    element.tag = tag;
    element.weight = weight_of(klass) + weight_of(id);
    element.hints = std::move(hints);
    open_.push_back(add(std::move(element)));
    return true;
  }

  void leave(const GumboNode&) {
    tree_.nodes[static_cast<std::size_t>(open_.back())].end = static_cast<int>(tree_.nodes.size());
    open_.pop_back();
  }

  void finish() { tree_.nodes[0].end = static_cast<int>(tree_.nodes.size()); }

 private:
  int add(BlockNode node) {
    const int index = static_cast<int>(tree_.nodes.size());
    node.parent = open_.back();
    node.end = index + 1;
    std::vector<int>& siblings = tree_.nodes[static_cast<std::size_t>(node.parent)].children;
    node.position = static_cast<int>(siblings.size());
    siblings.push_back(index);
    tree_.nodes.push_back(std::move(node));
    return index;
  }

  BlockTree& tree_;
  const bool drop_unlikely_;
  std::vector<int> open_;
};

// Readability turns every <div> with no block inside it into a <p> before
// it counts paragraphs: many CMSs (Blogger among them) write each paragraph
// of a post as a <div>, and a post with photos would read as a gallery.
bool reads_as_paragraph(const BlockTree& tree, const BlockNode& node) {
  if (node.tag == GUMBO_TAG_P) return true;
  if (node.tag != GUMBO_TAG_DIV || node.chars == 0) return false;
  return std::none_of(node.children.begin(), node.children.end(), [&](int c) {
    const BlockNode& child = tree.nodes[static_cast<std::size_t>(c)];
    return !child.is_text && (is_block_tag(child.tag) || child.tag == GUMBO_TAG_IMG);
  });
}

void sum_statistics(BlockTree& tree) {
  for (std::size_t i = tree.nodes.size(); i-- > 0;) {
    BlockNode& node = tree.nodes[i];
    if (node.is_text) {
      node.chars = code_points(node.text);
      node.commas = comma_count(node.text);
    } else {
      if (node.tag == GUMBO_TAG_A) node.link_chars = node.chars;
      if (reads_as_paragraph(tree, node)) ++node.paragraphs;
      if (node.tag == GUMBO_TAG_IMG) ++node.images;
      if (is_embedded_post(node.tag, node.hints)) ++node.embedded_posts;
      if (node.tag == GUMBO_TAG_LI) ++node.list_items;
    }
    if (node.parent < 0) continue;
    BlockNode& parent = tree.nodes[static_cast<std::size_t>(node.parent)];
    parent.chars += node.chars;
    parent.link_chars += node.link_chars;
    parent.commas += node.commas;
    parent.paragraphs += node.paragraphs;
    parent.images += node.images;
    parent.embedded_posts += node.embedded_posts;
    parent.list_items += node.list_items;
  }
}

}  // namespace

int hint_weight(std::string_view hints) { return weight_of(hints); }

bool is_unlikely(std::string_view hints) { return mentions(hints, kUnlikely) && !mentions(hints, kMaybe); }

bool is_block_tag(GumboTag tag) { return listed(kBlockTags, tag); }

BlockTree build_block_tree(const HtmlDocument& document, bool drop_unlikely) {
  BlockTree tree;
  const GumboNode* body = document.body();
  TreeBuilder builder(tree, drop_unlikely);
  builder.add_root();
  if (body != nullptr) text_detail::walk(body->v.element.children, builder);
  builder.finish();
  sum_statistics(tree);
  return tree;
}

}  // namespace feedsieve::extract_detail
