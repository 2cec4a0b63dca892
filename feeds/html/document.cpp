#include "feeds/html/document.hpp"

#include <algorithm>
#include <cstddef>
#include <new>

#include "feeds/html/unread_markup.hpp"
#include "feeds/text/ascii.hpp"
#include "feeds/text/html_text.hpp"

namespace feedsieve {
namespace {

// Deeper than any real page layout; shallow enough that gumbo stays linear.
constexpr std::size_t kMaxNesting = 512;

// Fifty times the elements of a long news page (extraction-dev's largest has
// under 2,000 start tags). gumbo's tree and the readers' own take about 1 KB
// an element, so a 5 MB page of "a<br>" took a gigabyte; past this many, the
// markup of the rest of the page is flattened to its text.
constexpr std::size_t kMaxElements = 100'000;


const GumboNode* child_element(const GumboNode& parent, GumboTag tag) {
  const GumboVector& children = parent.v.element.children;
  for (unsigned i = 0; i < children.length; ++i) {
    const auto* node = static_cast<const GumboNode*>(children.data[i]);
    if (node->type == GUMBO_NODE_ELEMENT && node->v.element.tag == tag) return node;
  }
  return nullptr;
}

void* arena_allocate(void* arena, std::size_t size) {
  return static_cast<std::pmr::memory_resource*>(arena)->allocate(size, alignof(std::max_align_t));
}
// Freed with the whole arena: gumbo's frees of single blocks are no-ops.
void arena_release(void*, void*) {}

struct TextGatherer {
  std::string text;
  bool enter(const GumboNode& node) {
    if (node.type == GUMBO_NODE_TEXT || node.type == GUMBO_NODE_CDATA || node.type == GUMBO_NODE_WHITESPACE) {
      text += node.v.text.text;
      return false;
    }
    if (!text_detail::is_element(node)) return false;
    const GumboTag tag = node.v.element.tag;
    if (tag == GUMBO_TAG_SCRIPT || tag == GUMBO_TAG_STYLE || tag == GUMBO_TAG_TEMPLATE) return false;
    text += ' ';  // block or not: words never fuse across elements in a title or a link
    return true;
  }
  void leave(const GumboNode&) {}
};

}  // namespace

HtmlDocument::HtmlDocument(std::string_view utf8)
    : source_(limit_html_markup(drop_unread_markup(utf8), {.depth = kMaxNesting, .tags = kMaxElements})) {
  // gumbo's tree takes a few times the page's size; start near that.
  arena_ = std::make_unique<std::pmr::monotonic_buffer_resource>(std::max<std::size_t>(source_.size() * 4, 64 * 1024));
  GumboOptions options = kGumboDefaultOptions;
  options.allocator = &arena_allocate;
  options.deallocator = &arena_release;
  options.userdata = arena_.get();
  options.max_errors = 0;  // nobody reads gumbo's parse errors; recording them costs an allocation each
  output_ = gumbo_parse_with_options(&options, source_.data(), source_.size());
  if (output_ == nullptr) throw std::bad_alloc();
}

const GumboNode* HtmlDocument::head() const { return child_element(root(), GUMBO_TAG_HEAD); }
const GumboNode* HtmlDocument::body() const { return child_element(root(), GUMBO_TAG_BODY); }

namespace html {

std::string_view attribute(const GumboNode& element, const char* name) {
  const GumboAttribute* found = gumbo_get_attribute(&element.v.element.attributes, name);
  return found ? std::string_view(found->value) : std::string_view();
}

bool has_attribute(const GumboNode& element, const char* name) {
  return gumbo_get_attribute(&element.v.element.attributes, name) != nullptr;
}

std::string text_of(const GumboNode& element) {
  TextGatherer gatherer;
  text_detail::walk(element.v.element.children, gatherer);
  return collapse_whitespace(gatherer.text);
}

std::string lower(std::string_view text) { return ascii_lower(text); }

}  // namespace html
}  // namespace feedsieve
