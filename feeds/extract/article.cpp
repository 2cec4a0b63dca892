#include "feeds/extract/article.hpp"

#include "feeds/extract/main_text.hpp"
#include "feeds/extract/metadata.hpp"
#include "feeds/html/document.hpp"
#include "feeds/html/page_charset.hpp"

namespace feedsieve {

Article extract_article(std::string_view bytes, std::string_view content_type, std::string_view page_url) {
  const DecodedPage page = decode_html_page(bytes, content_type);
  const HtmlDocument document(page.utf8);
  PageMetadata meta = read_metadata(document, page_url);
  Article article;
  article.url = std::string(page_url);
  article.canonical_url = std::move(meta.canonical_url);
  article.byline = std::move(meta.byline);
  article.published = meta.published;
  for (const std::string& block : extract_main_text(document, meta.title)) {
    if (!article.text.empty()) article.text += "\n\n";
    article.text += block;
  }
  article.title = std::move(meta.title);
  return article;
}

}  // namespace feedsieve
