// The language of a feed and of its items: RSS <language>, dc:language,
// xml:lang in force, JSON Feed's language, as BCP 47 tags.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "feeds/parse/fields.hpp"
#include "feeds/parse/parse.hpp"

using namespace feedsieve;

namespace {

std::vector<std::string> item_languages(const ParsedFeed& feed) {
  std::vector<std::string> out;
  for (const Item& item : feed.items) out.push_back(item.language);
  return out;
}

}  // namespace

TEST_CASE("language tags are written in BCP 47's conventional case", "[parse][language]") {
  using parse_detail::language_tag;
  CHECK(language_tag("en-us") == "en-US");
  CHECK(language_tag(" EN_GB\n") == "en-GB");
  CHECK(language_tag("zh-hant-tw") == "zh-Hant-TW");
  CHECK(language_tag("sr-latn") == "sr-Latn");
  CHECK(language_tag("es-419") == "es-419");
  CHECK(language_tag("de-DE-1996") == "de-DE-1996");
  CHECK(language_tag("fr") == "fr");
  CHECK(language_tag("yue-HK") == "yue-HK");
  // Extensions and private use stay lower-case.
  CHECK(language_tag("en-x-ca") == "en-x-ca");
  CHECK(language_tag("az-latn-x-latn") == "az-Latn-x-latn");
  CHECK(language_tag("de-u-co-phonebk") == "de-u-co-phonebk");
  CHECK(language_tag("X-AB") == "x-ab");
  CHECK(language_tag("i-klingon") == "i-klingon");
  for (const char* junk : {"", "  ", "English", "English (US)", "*", "x", "a-b", "en-", "-en", "en--us", "123",
                           "en-toolongsubtag", "fr;q=1"}) {
    INFO(junk);
    CHECK(language_tag(junk).empty());
  }
}

TEST_CASE("RSS: the channel's <language>, an item's dc:language or xml:lang", "[parse][language]") {
  const ParsedFeed feed = parse_feed(R"(<?xml version="1.0"?>
<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>T</title><language>en-us</language>
<item><title>one</title></item>
<item><title>two</title><dc:language>zh_cn</dc:language></item>
<item xml:lang="fr"><title>three</title></item>
<item xml:lang="fr"><title>four</title><description xml:lang="de">Text</description></item>
<item><title>five</title><content:encoded xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xml:lang="it">Testo</content:encoded></item>
</channel></rss>)");
  CHECK(feed.language == "en-US");
  // The xml:lang of the element the text is in comes before the item's own.
  CHECK(item_languages(feed) == std::vector<std::string>{"en-US", "zh-CN", "fr", "de", "it"});
}

TEST_CASE("RSS: dc:language names the channel's language, and xml:lang does without either", "[parse][language]") {
  const ParsedFeed dc = parse_feed(R"(<rss version="2.0" xmlns:dc="http://purl.org/dc/elements/1.1/"><channel>
<title>T</title><dc:language>de</dc:language><item><title>one</title></item></channel></rss>)");
  CHECK(dc.language == "de");
  CHECK(item_languages(dc) == std::vector<std::string>{"de"});
  const ParsedFeed lang = parse_feed(R"(<rss version="2.0" xml:lang="ja"><channel>
<title>T</title><item><title>one</title></item></channel></rss>)");
  CHECK(lang.language == "ja");
  CHECK(item_languages(lang) == std::vector<std::string>{"ja"});
  const ParsedFeed none = parse_feed(R"(<rss version="2.0"><channel><title>T</title>
<language>English (United States)</language><item><title>one</title></item></channel></rss>)");
  CHECK(none.language.empty());
  CHECK(item_languages(none) == std::vector<std::string>{""});
  // A <language> that is no tag leaves the word to the next statement.
  const ParsedFeed junk = parse_feed(R"(<rss version="2.0" xml:lang="sv"><channel><title>T</title>
<language>Swedish</language><item><title>one</title></item></channel></rss>)");
  CHECK(junk.language == "sv");
}

TEST_CASE("RSS 1.0: the channel's dc:language, and xml:lang on rdf:RDF", "[parse][language]") {
  const ParsedFeed feed = parse_feed(R"(<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"
  xmlns="http://purl.org/rss/1.0/" xmlns:dc="http://purl.org/dc/elements/1.1/" xml:lang="it">
<channel rdf:about="http://example.org/"><title>T</title><dc:language>pt-br</dc:language></channel>
<item rdf:about="http://example.org/1"><title>one</title></item>
<item rdf:about="http://example.org/2"><title>two</title><dc:language>es</dc:language></item>
</rdf:RDF>)");
  // The channel's own statement wins over the xml:lang of the document around it.
  CHECK(feed.language == "pt-BR");
  CHECK(item_languages(feed) == std::vector<std::string>{"pt-BR", "es"});
}

TEST_CASE("Atom: xml:lang in force at the entry's content, summary or title", "[parse][language]") {
  const ParsedFeed feed = parse_feed(R"(<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="en-gb">
<title>T</title>
<entry><id>urn:1</id><title>one</title></entry>
<entry xml:lang="de"><id>urn:2</id><title>two</title><summary>zwei</summary></entry>
<entry><id>urn:3</id><title>three</title><content type="text" xml:lang="ja">san</content></entry>
<entry><id>urn:4</id><title xml:lang="nl">vier</title></entry>
</feed>)");
  CHECK(feed.language == "en-GB");
  CHECK(item_languages(feed) == std::vector<std::string>{"en-GB", "de", "ja", "nl"});
}

TEST_CASE("Atom: dc:language of the feed and of an entry; xml:lang=\"\" says the language is unknown",
          "[parse][language]") {
  const ParsedFeed feed = parse_feed(R"(<feed xmlns="http://www.w3.org/2005/Atom"
  xmlns:dc="http://purl.org/dc/elements/1.1/"><title>T</title><dc:language>pl</dc:language>
<entry><id>urn:1</id><title>one</title></entry>
<entry><id>urn:2</id><title>two</title><dc:language>cs</dc:language></entry>
<entry><id>urn:3</id><title xml:lang="">three</title></entry>
<entry xml:lang="Polish"><id>urn:4</id><title>four</title></entry>
</feed>)");
  CHECK(feed.language == "pl");
  // An xml:lang that is no tag gives way to the feed's language.
  CHECK(item_languages(feed) == std::vector<std::string>{"pl", "cs", "", "pl"});
}

TEST_CASE("Atom: no xml:lang anywhere leaves the language empty", "[parse][language]") {
  const ParsedFeed feed = parse_feed(R"(<feed xmlns="http://www.w3.org/2005/Atom"><title>T</title>
<entry><id>urn:1</id><title>one</title></entry></feed>)");
  CHECK(feed.language.empty());
  CHECK(item_languages(feed) == std::vector<std::string>{""});
}

TEST_CASE("JSON Feed: the top-level language and an item's own", "[parse][language]") {
  const ParsedFeed feed = parse_feed(R"({"version": "https://jsonfeed.org/version/1.1", "title": "T",
  "language": "ko-kr", "items": [{"id": "1", "content_text": "a"},
                                 {"id": "2", "content_text": "b", "language": "en"}]})");
  CHECK(feed.language == "ko-KR");
  CHECK(item_languages(feed) == std::vector<std::string>{"ko-KR", "en"});
}
