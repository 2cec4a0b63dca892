#include "tests/support/feed_text.hpp"

namespace feedsieve::test {
namespace {

std::string escape(const std::string& text) {
  std::string out;
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      default: out += c;
    }
  }
  return out;
}

}  // namespace

std::string rss_document(const std::string& title, const std::vector<Entry>& entries) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<rss version=\"2.0\"><channel><title>" +
                    escape(title) + "</title><link>https://news.example/</link><description>test</description>\n";
  for (const auto& e : entries)
    xml += "<item><guid isPermaLink=\"false\">" + escape(e.id) + "</guid><title>" + escape(e.title) +
           "</title><link>" + escape(e.link) + "</link><pubDate>" + e.date + "</pubDate><description>" +
           escape(e.summary) + "</description></item>\n";
  return xml + "</channel></rss>\n";
}

std::string atom_document(const std::string& title, const std::vector<Entry>& entries) {
  std::string xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<feed xmlns=\"http://www.w3.org/2005/Atom\"><title>" +
                    escape(title) + "</title><id>urn:test:" + escape(title) +
                    "</id><updated>2024-05-01T00:00:00Z</updated>\n";
  for (const auto& e : entries)
    xml += "<entry><id>" + escape(e.id) + "</id><title>" + escape(e.title) + "</title><link rel=\"alternate\" href=\"" +
           escape(e.link) + "\"/><updated>" + e.date + "</updated><summary>" + escape(e.summary) +
           "</summary></entry>\n";
  return xml + "</feed>\n";
}

}  // namespace feedsieve::test
