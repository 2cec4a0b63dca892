// Main text, in the manner of Readability.js (itself refined on years of real
// pages), on the block tree:
//  1. every paragraph-like block with 25+ characters scores
//     1 + commas + min(chars/100, 3), credited to its parent in full, its
//     grandparent by half and further ancestors by 1/(3*level), up to 5 levels;
//     a candidate starts from a tag prior plus its class/id hint weight;
//  2. scores are scaled by (1 - link density); the best candidate may give way
//     to an ancestor that scores better, and siblings that score well enough
//     or read as prose join it;
//  3. inside the chosen blocks, containers that look like furniture (negative
//     hints, link lists, image galleries, short fragments) are dropped, and
//     so are photo captions and runs of paragraphs that are each one link;
//     a social post the article quotes through its embed markup stays;
//  4. the rest is emitted block by block in document order.
// When furniture removal by class/id leaves too little text (some sites name
// their article wrapper "main-header-content"), the page is scored again
// with furniture kept.
#include "feeds/extract/main_text.hpp"

#include <algorithm>
#include <array>
#include <iterator>

#include "feeds/extract/block_tree.hpp"
#include "feeds/text/html_text.hpp"

namespace feedsieve {
namespace {
using extract_detail::BlockNode;
using extract_detail::BlockTree;

constexpr std::size_t kMinParagraph = 25;
constexpr std::size_t kEnoughText = 250;
constexpr int kAncestorLevels = 5;

template <typename List>
bool listed(const List& list, GumboTag tag) {
  return std::find(list.begin(), list.end(), tag) != list.end();
}

constexpr std::array kParagraphTags = {GUMBO_TAG_P, GUMBO_TAG_PRE, GUMBO_TAG_TD};
constexpr std::array kLeafBlockTags = {GUMBO_TAG_DIV, GUMBO_TAG_SECTION, GUMBO_TAG_ARTICLE, GUMBO_TAG_MAIN};
constexpr std::array kConditionalTags = {GUMBO_TAG_DIV,      GUMBO_TAG_SECTION, GUMBO_TAG_UL,     GUMBO_TAG_OL,
                                         GUMBO_TAG_TABLE,    GUMBO_TAG_FORM,    GUMBO_TAG_FIELDSET, GUMBO_TAG_ASIDE,
                                         GUMBO_TAG_HEADER,   GUMBO_TAG_FOOTER,  GUMBO_TAG_NAV,    GUMBO_TAG_DL,
                                         GUMBO_TAG_FIGURE};

double tag_prior(GumboTag tag) {
  switch (tag) {
    case GUMBO_TAG_DIV: case GUMBO_TAG_ARTICLE: case GUMBO_TAG_MAIN: return 5;
    case GUMBO_TAG_PRE: case GUMBO_TAG_TD: case GUMBO_TAG_BLOCKQUOTE: return 3;
    case GUMBO_TAG_ADDRESS: case GUMBO_TAG_OL: case GUMBO_TAG_UL: case GUMBO_TAG_DL: case GUMBO_TAG_DD:
    case GUMBO_TAG_DT: case GUMBO_TAG_LI: case GUMBO_TAG_FORM: return -3;
    case GUMBO_TAG_H1: case GUMBO_TAG_H2: case GUMBO_TAG_H3: case GUMBO_TAG_H4: case GUMBO_TAG_H5:
    case GUMBO_TAG_H6: case GUMBO_TAG_TH: return -5;
    default: return 0;
  }
}

class Scorer {
 public:
  explicit Scorer(const BlockTree& tree) : tree_(tree), score_(tree.nodes.size(), 0.0), scored_(tree.nodes.size()) {}

  void score_paragraphs() {
    for (std::size_t i = 0; i < tree_.nodes.size(); ++i) {
      const BlockNode& node = tree_.nodes[i];
      if (node.is_text) continue;
      if (is_paragraph(node)) {
        credit(node.parent, node.chars, node.commas);
      } else if (const auto [chars, commas] = loose_text(node); chars >= kMinParagraph) {
        credit(static_cast<int>(i), chars, commas);  // text written straight into a container (<br> layouts)
      }
    }
    for (std::size_t i = 0; i < score_.size(); ++i) score_[i] *= 1.0 - tree_.nodes[i].link_density();
  }

  int best() const {
    int top = 0;
    for (std::size_t i = 1; i < score_.size(); ++i)
      if (scored_[i] && score_[i] > score_[static_cast<std::size_t>(top)]) top = static_cast<int>(i);
    return top;
  }

  double score(int i) const { return score_[static_cast<std::size_t>(i)]; }
  bool scored(int i) const { return scored_[static_cast<std::size_t>(i)]; }

 private:
  bool is_paragraph(const BlockNode& node) const {
    if (node.chars < kMinParagraph || node.parent < 0) return false;
    if (listed(kParagraphTags, node.tag)) return true;
    if (!listed(kLeafBlockTags, node.tag)) return false;
    return std::none_of(node.children.begin(), node.children.end(), [this](int c) {
      const BlockNode& child = tree_.nodes[static_cast<std::size_t>(c)];
      return !child.is_text && extract_detail::is_block_tag(child.tag);
    });
  }

  // Characters and commas of the text children of a container that also has block children.
  std::pair<std::size_t, int> loose_text(const BlockNode& node) const {
    if (!listed(kLeafBlockTags, node.tag) || is_paragraph(node)) return {0, 0};
    std::size_t chars = 0;
    int commas = 0;
    for (const int c : node.children) {
      const BlockNode& child = tree_.nodes[static_cast<std::size_t>(c)];
      if (!child.is_text && extract_detail::is_block_tag(child.tag)) continue;
      if (child.tag == GUMBO_TAG_A) continue;
      chars += child.chars;
      commas += child.commas;
    }
    return {chars, commas};
  }

  void credit(int first, std::size_t chars, int commas) {
    const double content = 1.0 + commas + std::min(static_cast<double>(chars / 100), 3.0);
    int ancestor = first;
    for (int level = 0; level < kAncestorLevels && ancestor >= 0; ++level) {
      const auto at = static_cast<std::size_t>(ancestor);
      if (!scored_[at]) {
        scored_[at] = true;
        score_[at] = tag_prior(tree_.nodes[at].tag) + tree_.nodes[at].weight;
      }
      const double divider = level == 0 ? 1.0 : level == 1 ? 2.0 : level * 3.0;
      score_[at] += content / divider;
      ancestor = tree_.nodes[at].parent;
    }
  }

  const BlockTree& tree_;
  std::vector<double> score_;
  std::vector<bool> scored_;
};

// Readability's climb: a parent that scores better than the candidate holds
// more of the article (the candidate was one of its columns of paragraphs).
int climb(const BlockTree& tree, const Scorer& scorer, int top) {
  double last = scorer.score(top);
  const double floor = last / 3;
  for (int parent = tree.nodes[static_cast<std::size_t>(top)].parent; parent > 0;
       parent = tree.nodes[static_cast<std::size_t>(parent)].parent) {
    if (!scorer.scored(parent)) continue;
    const double score = scorer.score(parent);
    if (score < floor) break;
    if (score > last) return parent;
    last = score;
  }
  // A wrapper around nothing but the candidate adds nothing but is the better unit.
  while (top > 0) {
    const int parent = tree.nodes[static_cast<std::size_t>(top)].parent;
    if (parent <= 0 || tree.nodes[static_cast<std::size_t>(parent)].chars != tree.nodes[static_cast<std::size_t>(top)].chars) break;
    top = parent;
  }
  return top;
}

bool ends_sentence(const std::string& text) {
  const auto at = text.find_last_not_of(" \t\r\n");
  return at != std::string::npos && (text[at] == '.' || text.find(". ") != std::string::npos);
}

std::string subtree_text(const BlockTree& tree, int i) {
  std::string text;
  const BlockNode& node = tree.nodes[static_cast<std::size_t>(i)];
  for (int j = i; j < node.end; ++j)
    if (tree.nodes[static_cast<std::size_t>(j)].is_text) text += tree.nodes[static_cast<std::size_t>(j)].text;
  return text;
}

// The candidate and the siblings that belong with it, in document order.
std::vector<int> gather(const BlockTree& tree, const Scorer& scorer, int top) {
  const BlockNode& chosen = tree.nodes[static_cast<std::size_t>(top)];
  if (top == 0 || chosen.parent < 0) return {top};
  const double threshold = std::max(10.0, scorer.score(top) * 0.2);
  const std::string& own_class = chosen.hints;
  std::vector<int> picked;
  for (const int sibling : tree.nodes[static_cast<std::size_t>(chosen.parent)].children) {
    const BlockNode& node = tree.nodes[static_cast<std::size_t>(sibling)];
    if (node.is_text) continue;
    bool take = sibling == top;
    const double bonus = (node.hints == own_class && own_class != " ") ? scorer.score(top) * 0.2 : 0.0;
    if (!take && scorer.scored(sibling) && scorer.score(sibling) + bonus >= threshold) take = true;
    if (!take && node.tag == GUMBO_TAG_P) {
      const double density = node.link_density();
      take = (node.chars > 80 && density < 0.25) ||
             (node.chars > 0 && node.chars <= 80 && density == 0.0 && ends_sentence(subtree_text(tree, sibling)));
    }
    if (take) picked.push_back(sibling);
  }
  return picked;
}

bool is_link_paragraph(const BlockNode& node) {
  return node.tag == GUMBO_TAG_P && node.chars > 0 && node.link_density() >= 0.9;
}

// A paragraph that is nothing but a link, next to another such paragraph:
// a list of other stories ("You may also like...") written as paragraphs.
// One link paragraph alone ("Full results here") is kept. Elements without
// text (an ad slot) between two of them do not break the run.
bool in_link_list(const BlockTree& tree, int index) {
  const BlockNode& node = tree.nodes[static_cast<std::size_t>(index)];
  if (!is_link_paragraph(node)) return false;
  const std::vector<int>& siblings = tree.nodes[static_cast<std::size_t>(node.parent)].children;
  const auto at = siblings.begin() + node.position;
  const auto link_neighbour = [&](auto from, auto to) {
    for (auto it = from; it != to; ++it) {
      const BlockNode& sibling = tree.nodes[static_cast<std::size_t>(*it)];
      if (sibling.chars == 0) continue;
      return is_link_paragraph(sibling);
    }
    return false;
  };
  return link_neighbour(std::next(at), siblings.end()) ||
         link_neighbour(std::make_reverse_iterator(at), siblings.rend());
}

// A photo's caption or credit line: text about the picture, not the story
// (and the same agency caption comes with many different stories). Long
// text under such a class is a wrapper that happens to say "caption".
bool is_caption(const BlockNode& node) {
  constexpr std::array<std::string_view, 2> kWords = {"caption", "credit"};
  return node.chars < 400 && std::any_of(kWords.begin(), kWords.end(), [&](std::string_view w) {
           return node.hints.find(w) != std::string::npos;
         });
}

// Readability's conditional clean: a container is kept when it reads like
// part of the article, dropped when it looks like a link list, a gallery, a
// short fragment or is hinted as furniture.
bool is_clutter(const BlockNode& node, const Scorer& scorer, int index) {
  if (node.tag == GUMBO_TAG_H1) return true;  // the headline, which the page metadata carries
  if ((node.tag == GUMBO_TAG_H2 || node.tag == GUMBO_TAG_H3) && node.weight < 0) return true;
  if (is_caption(node)) return true;
  if (!listed(kConditionalTags, node.tag)) return false;
  if (node.embedded_posts > 0) return false;  // a quoted post's wrapper, however link-heavy or hinted
  const double score = scorer.scored(index) ? scorer.score(index) : 0.0;
  if (node.weight + score < 0) return true;
  if (node.commas >= 10) return false;
  const bool list = node.tag == GUMBO_TAG_UL || node.tag == GUMBO_TAG_OL;
  const double density = node.link_density();
  const int paragraphs = node.paragraphs;
  if (node.images > 1 && paragraphs * 2 < node.images) return true;
  if (!list && node.chars < kMinParagraph && (node.images == 0 || node.images > 2)) return true;
  if (!list && node.weight < 25 && density > 0.2) return true;
  if (node.weight >= 25 && density > 0.5) return true;
  return list && density > 0.5;
}

class Emitter {
 public:
  Emitter(const BlockTree& tree, const Scorer& scorer, int top) : tree_(tree), scorer_(scorer), top_(top) {}

  void emit(int root) {
    // Iterative: nodes in pre-order; a dropped element skips to its end.
    std::vector<int> closing;
    for (int i = root; i < tree_.nodes[static_cast<std::size_t>(root)].end;) {
      while (!closing.empty() && i >= tree_.nodes[static_cast<std::size_t>(closing.back())].end) close(closing);
      const BlockNode& node = tree_.nodes[static_cast<std::size_t>(i)];
      if (node.is_text) {
        current_ += node.text;
        ++i;
        continue;
      }
      if (i != top_ && i != root && (is_clutter(node, scorer_, i) || in_link_list(tree_, i))) {
        i = node.end;
        continue;
      }
      if (extract_detail::is_block_tag(node.tag)) flush();
      closing.push_back(i);
      ++i;
    }
    while (!closing.empty()) close(closing);
    flush();
  }

  std::vector<std::string> blocks() && { return std::move(blocks_); }

 private:
  void close(std::vector<int>& closing) {
    if (extract_detail::is_block_tag(tree_.nodes[static_cast<std::size_t>(closing.back())].tag)) flush();
    closing.pop_back();
  }
  void flush() {
    std::string block = collapse_whitespace(current_);
    current_.clear();
    if (!block.empty()) blocks_.push_back(std::move(block));
  }

  const BlockTree& tree_;
  const Scorer& scorer_;
  const int top_;
  std::string current_;
  std::vector<std::string> blocks_;
};

std::vector<std::string> extract_from(const BlockTree& tree) {
  Scorer scorer(tree);
  scorer.score_paragraphs();
  const int top = climb(tree, scorer, scorer.best());
  Emitter emitter(tree, scorer, top);
  for (const int part : gather(tree, scorer, top)) emitter.emit(part);
  return std::move(emitter).blocks();
}

std::size_t total_size(const std::vector<std::string>& blocks) {
  std::size_t size = 0;
  for (const auto& block : blocks) size += block.size();
  return size;
}

std::string squashed(std::string_view text) {
  std::string out;
  for (const char c : text)
    if (c != ' ') out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

}  // namespace

std::vector<std::string> extract_main_text(const HtmlDocument& document, std::string_view title) {
  std::vector<std::string> blocks = extract_from(extract_detail::build_block_tree(document, true));
  if (total_size(blocks) < kEnoughText) {
    std::vector<std::string> again = extract_from(extract_detail::build_block_tree(document, false));
    if (total_size(again) > total_size(blocks)) blocks = std::move(again);
  }
  if (!blocks.empty() && !title.empty() && squashed(blocks.front()) == squashed(title)) blocks.erase(blocks.begin());
  return blocks;
}

}  // namespace feedsieve
