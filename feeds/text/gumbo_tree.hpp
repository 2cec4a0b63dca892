#pragma once
// Internal to feeds/text: owning a gumbo parse and walking it without recursion.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <gumbo.h>

namespace feedsieve::text_detail {

struct GumboOutputDeleter {
  void operator()(GumboOutput* output) const noexcept;
};
using GumboOutputPtr = std::unique_ptr<GumboOutput, GumboOutputDeleter>;

// A parsed fragment together with the bytes it was parsed from (gumbo's
// original_text pointers point into them).
struct ParsedFragment {
  std::string source;
  GumboOutputPtr output;

  // The top-level nodes of the fragment.
  const GumboVector& nodes() const;
};

// Parses `html` as the content of a <div> (HTML5 fragment parsing), after
// capping its nesting depth (see limit_html_markup).
ParsedFragment parse_fragment(std::string_view html);

inline bool is_element(const GumboNode& node) {
  return node.type == GUMBO_NODE_ELEMENT || node.type == GUMBO_NODE_TEMPLATE;
}

// Depth-first walk with an explicit stack, so tree depth never costs C++ stack.
// visitor.enter(node) is called for every node and returns whether to visit an
// element's children; visitor.leave(node) follows for elements that were entered.
template <typename Visitor>
void walk(const GumboVector& roots, Visitor& visitor) {
  struct Frame {
    const GumboVector* children;
    unsigned next;
    const GumboNode* owner;  // nullptr for the roots
  };
  std::vector<Frame> stack{{&roots, 0, nullptr}};
  while (!stack.empty()) {
    Frame& top = stack.back();
    if (top.next >= top.children->length) {
      const GumboNode* owner = top.owner;
      stack.pop_back();
      if (owner) visitor.leave(*owner);
      continue;
    }
    const auto* node = static_cast<const GumboNode*>(top.children->data[top.next++]);
    if (visitor.enter(*node) && is_element(*node)) {
      stack.push_back({&node->v.element.children, 0, node});
    }
  }
}

// An HTML <iframe>, whose content HTML leaves as raw text: the fallback a
// reader without frames sees. Inside <svg> or <math> an <iframe> is a foreign
// element whose text is already decoded, so parsing it again would turn
// escaped text ("&lt;img ...&gt;") into markup.
inline bool has_raw_text_fallback(const GumboElement& element) {
  return element.tag == GUMBO_TAG_IFRAME && element.tag_namespace == GUMBO_NAMESPACE_HTML;
}

// Walks `visitor` over an element's raw-text content (an <iframe>'s fallback,
// which HTML leaves unparsed) parsed as a fragment of its own.
template <typename Visitor>
void walk_raw_text_as_html(const GumboElement& element, Visitor& visitor) {
  if (element.children.length != 1) return;
  const auto& raw = *static_cast<const GumboNode*>(element.children.data[0]);
  if (raw.type != GUMBO_NODE_TEXT && raw.type != GUMBO_NODE_WHITESPACE) return;
  const ParsedFragment fragment = parse_fragment(raw.v.text.text);
  walk(fragment.nodes(), visitor);
}

}  // namespace feedsieve::text_detail
