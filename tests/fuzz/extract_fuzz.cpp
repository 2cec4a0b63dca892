// libFuzzer target: extract_article on arbitrary bytes, as a fetched article
// page is (charset sniffing, gumbo, the block tree, metadata, main text). It
// returns an Article for any input; anything else (a crash, a sanitizer
// report, an exception, a hang) is a finding. Built by run.sh with clang,
// never by the normal build.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "feeds/extract/article.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  // The first byte picks a declared charset, so the HTTP side of the charset sniffing is fuzzed too.
  const std::string_view content_type = size > 0 && (data[0] & 1) != 0 ? "text/html; charset=windows-1251" : "";
  const feedsieve::Article article = feedsieve::extract_article(bytes, content_type, "https://example.com/news/story");
  if (article.url.empty()) __builtin_trap();  // the page's URL is always given back
  return 0;
}
