#pragma once
// Internal to feeds/text: collapse_whitespace applied while text is being
// collected, so html_to_text writes its result once instead of collecting
// the text and then copying it through a second pass.
#include <string>
#include <string_view>

namespace feedsieve::text_detail {

// Appending pieces gives collapse_whitespace of their concatenation, as long
// as no piece boundary falls inside a UTF-8 character (the pieces of an HTML
// text are cut at '<' and '&', or are whole decoded characters).
class CollapsingAppender {
 public:
  void append(std::string_view text);
  // A word break: what one whitespace character would do.
  void space() { pending_space_ = !out_.empty(); }
  void reserve(std::size_t size) { out_.reserve(size); }
  std::string take() { return std::move(out_); }

 private:
  std::string out_;
  bool pending_space_ = false;  // whitespace seen since the last word
};

}  // namespace feedsieve::text_detail
