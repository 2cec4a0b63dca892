// Scraping pages into items: a real-shaped news index (windows-1252, <base>,
// cards with and without dates, furniture around them), and the edge cases.
#include <catch2/catch.hpp>

#include "feeds/date/date.hpp"
#include "feeds/scrape/scrape.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

const PageSelectors kCards{
    .item = "//article[contains(concat(' ', normalize-space(@class), ' '), ' card ')]",
    .title = ".//h3",
    .link = ".//a/@href",
    .date = ".//time",
    .summary = ".//p[contains(@class, 'teaser')]",
};

ParsedFeed scrape(const std::string& page, const PageSelectors& selectors, const std::string& url = "https://site.example/") {
  return scrape_page(page, {.url = url, .content_type = "", .selectors = selectors});
}

std::string rfc3339(const std::optional<Timestamp>& t) { return t ? format_rfc3339(*t) : "none"; }

}  // namespace

TEST_CASE("a news index page with cards becomes items in page order", "[scrape]") {
  const std::string page = test::read_file(test::source_path("tests/fixtures/scrape/news_index.html"));
  const ParsedFeed feed = scrape(page, kCards, "https://www.harbour-gazette.example/science/index.html");
  CHECK(feed.title == "Harbour Gazette \u2013 Science");
  CHECK(feed.description == "Science news from the Harbour Gazette");
  CHECK(feed.link == "https://www.harbour-gazette.example/science/index.html");
  REQUIRE(feed.items.size() == 5);  // the card without a title is skipped

  const Item& lead = feed.items[0];
  CHECK(lead.title == "Fusion reactor holds plasma for a record 22 minutes");  // inline <em> joins the words
  CHECK(lead.link == "https://www.harbour-gazette.example/science/2026/12/01/fusion-record");  // against <base>
  CHECK(lead.id == lead.link);
  CHECK(rfc3339(lead.published) == "2026-12-01T08:30:00Z");  // <time datetime> in preference to its text
  // &nbsp; reads as a space.
  CHECK(lead.summary == "Engineers at the test facility say the run beats the previous record by six minutes.");

  CHECK(feed.items[1].summary == "Amateur astronomers in Orl\u00e9ans spotted it first.");  // windows-1252 decoded
  CHECK(feed.items[1].title == "A comet named after a caf\u00e9 returns after 300 years");
  CHECK(rfc3339(feed.items[1].published) == "2026-11-30T18:05:00Z");

  const Item& sponsored = feed.items[2];
  CHECK(sponsored.link == "https://partner.example/offer?utm_source=gazette");
  CHECK_FALSE(sponsored.published);  // no date on the card: none, not "now"
  CHECK(sponsored.summary.empty());

  CHECK(feed.items[3].link == "https://www.harbour-gazette.example/environment/2026/11/29/glacier");
  CHECK(rfc3339(feed.items[3].published) == "2026-11-29T00:00:00Z");  // the <time>'s text

  const Item& live = feed.items[4];
  CHECK(live.link.empty());  // javascript: is no link
  CHECK(live.id == "Live: the launch, minute by minute");
  CHECK(feed.warnings == std::vector<std::string>{"1 matched items had no title and were skipped"});
}

TEST_CASE("relative links resolve against the page URL without <base>", "[scrape]") {
  const ParsedFeed feed = scrape(R"(<ul class="posts">
      <li><a href="2024/first">First post</a></li>
      <li><a href="/about/second?x=1#top">Second post</a></li>
      <li><a href="//cdn.example/third">Third post</a></li></ul>)",
                                 {.item = "//ul[@class='posts']/li", .title = "a"}, "https://blog.example/posts/");
  REQUIRE(feed.items.size() == 3);
  CHECK(feed.items[0].link == "https://blog.example/posts/2024/first");  // the default link selector
  CHECK(feed.items[1].link == "https://blog.example/about/second?x=1#top");
  CHECK(feed.items[2].link == "https://cdn.example/third");
}

TEST_CASE("the same link twice on a page is one item, the first", "[scrape]") {
  const ParsedFeed feed = scrape(R"(<div class="a"><a href="/x">Top story</a></div>
      <div class="a"><a href="/x">Top story, again in a sidebar</a></div>)",
                                 {.item = "//div[@class='a']", .title = "a"});
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Top story");
}

TEST_CASE("selectors may compute strings, and any date form the feed parsers read is read", "[scrape]") {
  const ParsedFeed feed = scrape(R"(<table><tr class="row"><td><a href="/r/1">Release 1.2</a></td>
      <td class="when">Tue, 03 Jun 2025 10:00:00 GMT</td><td class="what">Fixes</td></tr>
      <tr class="row"><td><a href="/r/2">Release 1.3</a></td><td class="when">soon</td></tr></table>)",
                                 {.item = "//tr[@class='row']",
                                  .title = "concat('v', substring-after(normalize-space(.//a), 'Release '))",
                                  .date = "string(td[@class='when'])",
                                  .summary = "td[@class='what']"});
  REQUIRE(feed.items.size() == 2);
  CHECK(feed.items[0].title == "v1.2");
  CHECK(rfc3339(feed.items[0].published) == "2025-06-03T10:00:00Z");
  CHECK(feed.items[0].summary == "Fixes");
  CHECK_FALSE(feed.items[1].published);
  CHECK(feed.warnings == std::vector<std::string>{"\"v1.3\": cannot read the date \"soon\""});
}

TEST_CASE("an item selector that matches nothing is an error, not an empty feed", "[scrape]") {
  CHECK_THROWS_MATCHES(scrape("<body><div class='story'>x</div></body>", {.item = "//article", .title = "h2"}),
                       ScrapeError, Catch::Message("the item selector \"//article\" matched nothing on the page"));
  CHECK_THROWS_WITH(scrape("<article><p>no heading</p></article>", {.item = "//article", .title = "h2"}),
                    Catch::Contains("matched 1 nodes, but the title selector \"h2\" found no text in any"));
}

TEST_CASE("selectors that are not XPath 1.0 are named with where they break", "[scrape]") {
  CHECK_FALSE(selector_problem("//div[@id='x']/a[1]"));
  const auto problem = selector_problem("//div[@class='x'");
  REQUIRE(problem);
  CHECK(problem->offset == 16);
  CHECK(selector_problem("count(//a)", true)->what == "it computes a value; the item selector must select nodes");
  CHECK_FALSE(selector_problem("count(//a)", false));
  CHECK_THROWS_WITH(scrape("<p>x</p>", {.item = "//p[", .title = "."}), Catch::StartsWith("the item selector \"//p[\" is not XPath 1.0"));
}

TEST_CASE("script text and comments are not part of titles", "[scrape]") {
  const ParsedFeed feed = scrape("<div class='i'><h2>Head<script>var x='<b>';</script><!-- c -->line</h2></div>",
                                 {.item = "//div[@class='i']", .title = "h2"});
  REQUIRE(feed.items.size() == 1);
  CHECK(feed.items[0].title == "Head line");
}
