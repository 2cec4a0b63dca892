#pragma once
// Internal to feeds/extract: the page body as a flat pre-order array of the
// nodes that can carry readable text, with per-subtree text statistics.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include <gumbo.h>

#include "feeds/html/document.hpp"

namespace feedsieve::extract_detail {

struct BlockNode {
  GumboTag tag = GUMBO_TAG_UNKNOWN;  // GUMBO_TAG_UNKNOWN with is_text for text
  bool is_text = false;
  int parent = -1;
  int position = 0;            // its index in its parent's children
  int end = 0;                 // one past the last descendant (pre-order)
  std::vector<int> children;
  std::string_view text;       // text nodes: their text, raw (in the HtmlDocument)
  std::string hints;           // lower-cased "class id"
  int weight = 0;              // class/id hint weight: +25 / -25 per attribute
  // Subtree statistics (code points of collapsed text).
  std::size_t chars = 0;
  std::size_t link_chars = 0;
  int commas = 0;
  int paragraphs = 0, images = 0, list_items = 0;
  int embedded_posts = 0;      // social posts quoted through their platform's embed markup

  double link_density() const { return chars == 0 ? 0.0 : static_cast<double>(link_chars) / chars; }
};

struct BlockTree {
  std::vector<BlockNode> nodes;  // nodes[0] is <body>
};

// The tree points into `document`, which must outlive it.
// `drop_unlikely`: also leave out elements whose class, id, role or tag marks
// them as page furniture (navigation, comments, share bars, cookie notices...).
BlockTree build_block_tree(const HtmlDocument& document, bool drop_unlikely);

// Class/id hint tests (lower-cased input).
int hint_weight(std::string_view hints);
bool is_unlikely(std::string_view hints);

bool is_block_tag(GumboTag tag);

}  // namespace feedsieve::extract_detail
