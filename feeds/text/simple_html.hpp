#pragma once
// Internal to feeds/text: a scanner for the plain markup most feed items
// carry (paragraphs, links, emphasis, lists, images), so that html_to_text and
// sanitize_html can skip gumbo for it.
//
// It accepts a fragment only when the tree an HTML5 parser builds from it is
// exactly its token stream: a small allowlist of elements whose tree
// construction has no special cases in the contexts allowed here, properly
// nested and closed, with quoted attributes and references it can decode the
// way HTML does. Anything else (comments, unknown or raw-text elements,
// implied end tags, unquoted values, an '&' that may start an unknown or
// unterminated reference, a bare '<', control characters,
// invalid UTF-8...) is refused, and the caller hands the fragment to gumbo.
// tests/unit/html_fast_path_test.cpp holds the two paths to the same output.
#include <gumbo.h>

#include <span>
#include <string>
#include <string_view>

namespace feedsieve::text_detail {

struct HtmlAttribute {
  std::string name;   // lower-case
  std::string value;  // character references decoded
};

// What the scanner reports, in document order.
class SimpleHtmlSink {
 public:
  virtual ~SimpleHtmlSink() = default;
  // Character data, references decoded; one run of text may come in pieces.
  virtual void text(std::string_view decoded) = 0;
  // Text with no '<', '&' or '>' in it (a run as the input has it, or a
  // decoded reference that yields none): what text() would get, for a sink
  // that can use the promise that no byte of it needs escaping.
  virtual void verbatim(std::string_view run) { text(run); }
  virtual void start(GumboTag tag, std::span<const HtmlAttribute> attributes) = 0;
  // Follows start() at once for void elements (br, img, hr, wbr).
  virtual void end(GumboTag tag) = 0;
};

// Reports `html` to `sink` and returns true when the fragment is simple in the
// sense above. On false, whatever the sink received must be discarded.
bool scan_simple_html(std::string_view html, SimpleHtmlSink& sink);

}  // namespace feedsieve::text_detail
