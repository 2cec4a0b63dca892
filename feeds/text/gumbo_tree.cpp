// Gumbo ownership and fragment parsing.
//
// Gumbo's tree construction is quadratic in nesting depth (every start tag
// scans the stack of open elements: 20k nested <div>s take seconds, 100k take
// minutes) and its own clean-up recurses over the tree. So the input is capped
// to kMaxNesting levels before gumbo sees it (limit_html_markup), which
// bounds both; our own traversal is iterative regardless (see walk()).
#include "feeds/text/gumbo_tree.hpp"

#include <algorithm>
#include <new>

#include "feeds/text/html_text.hpp"

namespace feedsieve::text_detail {
namespace {

// Deeper than any real article; shallow enough that gumbo stays linear.
constexpr std::size_t kMaxNesting = 256;
// Many times the elements of any real article; what gumbo's tree of them
// takes (about 1 KB each) stays near 100 MB.
constexpr std::size_t kMaxElements = 100'000;

// A CDATA section in a feed's escaped HTML (a description wrapped twice) is
// text to its author; HTML reads it as a bogus comment and drops it. So each
// section becomes its text, escaped; one left open runs to the end.
std::string cdata_as_text(std::string&& html) {
  constexpr std::string_view kOpen = "<![CDATA[";
  constexpr std::string_view kClose = "]]>";
  std::size_t open = html.find(kOpen);
  if (open == std::string::npos) return std::move(html);
  std::string out;
  out.reserve(html.size());
  std::size_t done = 0;
  while (open != std::string::npos) {
    out.append(html, done, open - done);
    const std::size_t text = open + kOpen.size();
    const std::size_t close = std::min(html.find(kClose, text), html.size());
    append_html_escaped(out, std::string_view(html).substr(text, close - text), true);
    done = std::min(close + kClose.size(), html.size());
    open = html.find(kOpen, done);
  }
  out.append(html, done);
  return out;
}

}  // namespace

void GumboOutputDeleter::operator()(GumboOutput* output) const noexcept {
  gumbo_destroy_output(&kGumboDefaultOptions, output);
}

const GumboVector& ParsedFragment::nodes() const { return output->root->v.element.children; }

ParsedFragment parse_fragment(std::string_view html) {
  // The limit is taken last: CDATA made text changes what its count saw.
  ParsedFragment parsed{limit_html_markup(cdata_as_text(std::string(html)), {.depth = kMaxNesting, .tags = kMaxElements}), nullptr};
  GumboOptions options = kGumboDefaultOptions;
  options.fragment_context = GUMBO_TAG_DIV;
  options.fragment_namespace = GUMBO_NAMESPACE_HTML;
  options.max_errors = 0;  // nobody reads them, and each one copies the stack of open elements
  parsed.output.reset(gumbo_parse_with_options(&options, parsed.source.data(), parsed.source.size()));
  if (!parsed.output) throw std::bad_alloc();
  return parsed;
}

}  // namespace feedsieve::text_detail
