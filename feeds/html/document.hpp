#pragma once
// A whole HTML page parsed by gumbo, with the small helpers every reader of
// the tree needs (attributes, text). Depth is capped before gumbo sees the
// bytes (see limit_html_markup), so hostile nesting stays linear. Script
// bodies (JSON-LD excepted), style bodies and comments are dropped first
// (drop_unread_markup): no reader looks at them and they are most of the bytes.
// Past its first 100,000 tags, a page's markup is read as text only.
#include <memory>
#include <memory_resource>
#include <string>
#include <string_view>

#include <gumbo.h>

#include "feeds/text/gumbo_tree.hpp"

namespace feedsieve {

class HtmlDocument {
 public:
  // `utf8`: the page already decoded (see decode_html_page).
  explicit HtmlDocument(std::string_view utf8);

  const GumboNode& root() const { return *output_->root; }
  // The <head> and <body> elements (gumbo always creates both).
  const GumboNode* head() const;
  const GumboNode* body() const;

 private:
  // Every allocation gumbo makes, released at once with the document: the
  // tree is never freed node by node (malloc and free were a fifth of the time).
  std::unique_ptr<std::pmr::monotonic_buffer_resource> arena_;
  std::string source_;  // gumbo's original_text pointers point into it
  const GumboOutput* output_ = nullptr;  // in arena_
};

namespace html {

// The attribute's value, or "" when absent.
std::string_view attribute(const GumboNode& element, const char* name);
bool has_attribute(const GumboNode& element, const char* name);
// The text of an element's descendants, whitespace collapsed.
std::string text_of(const GumboNode& element);
std::string lower(std::string_view text);

}  // namespace html
}  // namespace feedsieve
