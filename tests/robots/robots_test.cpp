// feeds/robots: parse_robots and RobotsRules over RFC 9309's own examples
// and the junk real robots.txt files carry.
#include <catch2/catch.hpp>

#include <string>

#include "feeds/robots/robots.hpp"

namespace {

using feedsieve::normalize_robots_path;
using feedsieve::parse_robots;
using feedsieve::robots_parse_limit;
using feedsieve::robots_pattern_matches;

// RFC 9309 5.1, "Simple Example".
constexpr const char* rfc_example = R"(User-Agent: *
Disallow: *.gif$
Disallow: /example/
Allow: /publications/

User-Agent: foobot
Disallow:/
Allow:/example/page.html
Allow:/example/allowed.gif

User-Agent: barbot
User-Agent: bazbot
Disallow: /example/page.html

User-Agent: quxbot

EOF
)";

}  // namespace

TEST_CASE("the RFC 9309 simple example, crawler by crawler", "[robots]") {
  const auto any = parse_robots(rfc_example, "unknownbot");
  CHECK_FALSE(any.allows("/image.gif"));
  CHECK_FALSE(any.allows("/example/"));
  CHECK_FALSE(any.allows("/example/page.html"));
  CHECK(any.allows("/publications/"));
  CHECK(any.allows("/image.gif?x"));  // '$' anchors the end: a query follows
  CHECK(any.allows("/"));

  const auto foobot = parse_robots(rfc_example, "foobot");
  CHECK(foobot.allows("/example/page.html"));
  CHECK(foobot.allows("/example/allowed.gif"));
  CHECK_FALSE(foobot.allows("/example/disallowed.gif"));
  CHECK_FALSE(foobot.allows("/"));
  CHECK_FALSE(foobot.allows("/publications/"));  // a named group replaces "*" entirely

  for (const char* bot : {"barbot", "bazbot"}) {
    const auto rules = parse_robots(rfc_example, bot);
    CHECK_FALSE(rules.allows("/example/page.html"));
    CHECK(rules.allows("/example/other.html"));
    CHECK(rules.allows("/image.gif"));
  }

  const auto quxbot = parse_robots(rfc_example, "quxbot");  // a group without rules allows everything
  CHECK(quxbot.rules.empty());
  CHECK(quxbot.allows("/example/page.html"));
}

TEST_CASE("the RFC 9309 longest-match example", "[robots]") {
  const auto rules = parse_robots("User-Agent: foobot\nAllow: /example/page/\nDisallow: /example/page/disallowed.gif\n",
                                  "foobot");
  CHECK(rules.allows("/example/page/"));
  CHECK(rules.allows("/example/page/allowed.gif"));
  CHECK_FALSE(rules.allows("/example/page/disallowed.gif"));
}

TEST_CASE("groups for the same crawler are merged (RFC 9309 2.2.1)", "[robots]") {
  const auto rules = parse_robots(
      "user-agent: ExampleBot\ndisallow: /foo\ndisallow: /bar\n\nuser-agent: *\ndisallow: /\n\n"
      "user-agent: ExampleBot\ndisallow: /baz\n",
      "examplebot");
  CHECK_FALSE(rules.allows("/foo"));
  CHECK_FALSE(rules.allows("/bar/x"));
  CHECK_FALSE(rules.allows("/baz"));
  CHECK(rules.allows("/qux"));
  CHECK(rules.rules.size() == 3);
}

TEST_CASE("product tokens match case-insensitively and by their leading token", "[robots]") {
  const char* body = "User-agent: FeedSieve/1.0 (+https://example.com)\nDisallow: /private\n\nUser-agent: *\nDisallow: /\n";
  CHECK_FALSE(parse_robots(body, "feedsieve").allows("/private/a"));
  CHECK(parse_robots(body, "feedsieve").allows("/public"));
  CHECK(parse_robots(body, "FEEDSIEVE").allows("/public"));
  CHECK_FALSE(parse_robots(body, "feedsieveplus").allows("/public"));  // falls to "*"
  CHECK_FALSE(parse_robots(body, "feed").allows("/public"));           // no prefix matching
}

TEST_CASE("allow wins a tie of equally long patterns", "[robots]") {
  const auto rules = parse_robots("User-agent: *\nDisallow: /page\nAllow: /page\n", "bot");
  CHECK(rules.allows("/page"));
  const auto reversed = parse_robots("User-agent: *\nAllow: /page\nDisallow: /page\n", "bot");
  CHECK(reversed.allows("/page"));
  REQUIRE(reversed.deciding_rule("/page"));
  CHECK(reversed.deciding_rule("/page")->allow);
}

TEST_CASE("wildcards and end anchors (RFC 9309 2.2.3)", "[robots]") {
  CHECK(robots_pattern_matches("/this/*/exactly", "/this/path/exactly"));
  CHECK(robots_pattern_matches("/this/*/exactly", "/this/a/b/exactly/too"));
  CHECK_FALSE(robots_pattern_matches("/this/*/exactly", "/this/exactly"));
  CHECK(robots_pattern_matches("/this/path/exactly$", "/this/path/exactly"));
  CHECK_FALSE(robots_pattern_matches("/this/path/exactly$", "/this/path/exactly/"));
  CHECK(robots_pattern_matches("/fish*", "/fish"));
  CHECK(robots_pattern_matches("/*.php$", "/folder/filename.php"));
  CHECK_FALSE(robots_pattern_matches("/*.php$", "/filename.php?parameters"));
  CHECK(robots_pattern_matches("/*", "/"));
  CHECK(robots_pattern_matches("*", ""));
  CHECK_FALSE(robots_pattern_matches("/a$b", "/a"));  // '$' inside is a literal
  CHECK(robots_pattern_matches("/a$b", "/a$b"));
  // Many stars cost pattern x path steps, not exponential backtracking.
  CHECK_FALSE(robots_pattern_matches("/*a*a*a*a*a*a*a*a*a*a*a*a*b", "/" + std::string(5000, 'a')));
  // A run of stars is one star: a 500 KiB robots.txt of them costs one refill.
  CHECK(robots_pattern_matches("/**" "**.php$", "/a/b.php"));
  CHECK_FALSE(robots_pattern_matches("/" + std::string(500'000, '*') + "x", "/" + std::string(2000, 'a')));
}

TEST_CASE("percent-encoding is normalized on both sides (RFC 9309 2.2.2)", "[robots]") {
  CHECK(normalize_robots_path("/foo/bar?baz=quz") == "/foo/bar?baz=quz");
  CHECK(normalize_robots_path("/foo/bar/\xE3\x83\x84") == "/foo/bar/%E3%83%84");
  CHECK(normalize_robots_path("/foo/bar/%e3%83%84") == "/foo/bar/%E3%83%84");
  CHECK(normalize_robots_path("/foo/bar/%62%61%7A") == "/foo/bar/baz");
  CHECK(normalize_robots_path("/a%2Fb") == "/a%2Fb");  // a reserved escape stays encoded
  const auto rules = parse_robots("User-agent: *\nDisallow: /foo/bar/\xE3\x83\x84\nDisallow: /%7Euser\n", "bot");
  CHECK_FALSE(rules.allows("/foo/bar/%E3%83%84"));
  CHECK_FALSE(rules.allows("/~user/page"));
  CHECK(rules.allows("/a%2Fb"));
}

TEST_CASE("junk, comments, BOM and every kind of line end are survived", "[robots]") {
  const std::string body =
      "\xEF\xBB\xBFUser-agent: *\r\n"
      "this line is junk\r\n"
      "<html><body>not a robots file</body></html>\r"
      "Sitemap: https://example.com/sitemap.xml\n"  // does not end the group
      "  Disallow :  /secret   # a comment\r\n"
      "Dissallow: /typo\n"
      "Disallow:\n"                                 // empty: allows everything, no rule
      "Foo: bar\n"
      "# Disallow: /commented\n"
      "Allow: /secret/open";
  const auto rules = parse_robots(body, "bot");
  CHECK_FALSE(rules.allows("/secret/x"));
  CHECK_FALSE(rules.allows("/typo"));
  CHECK(rules.allows("/secret/open/page"));
  CHECK(rules.allows("/commented"));
  CHECK(rules.rules.size() == 3);
}

TEST_CASE("rules before any user-agent line belong to no group", "[robots]") {
  const auto rules = parse_robots("Disallow: /\n\nUser-agent: other\nDisallow: /x\n", "bot");
  CHECK(rules.rules.empty());
  CHECK(rules.allows("/anything"));
}

TEST_CASE("an empty or absent file allows everything, and robots.txt is always allowed", "[robots]") {
  CHECK(parse_robots("", "bot").allows("/"));
  const auto rules = parse_robots("User-agent: *\nDisallow: /\n", "bot");
  CHECK_FALSE(rules.allows("/"));
  CHECK_FALSE(rules.allows(""));
  CHECK(rules.allows("/robots.txt"));
}

TEST_CASE("Crawl-delay is read per group; the largest of merged groups applies", "[robots]") {
  using std::chrono::milliseconds;
  const auto rules = parse_robots(
      "User-agent: bot\nCrawl-delay: 2.5\n\nUser-agent: *\nCrawl-delay: 30\n\nUser-agent: bot\nCrawl-delay: 4\n", "bot");
  REQUIRE(rules.crawl_delay);
  CHECK(*rules.crawl_delay == milliseconds(4000));
  const auto any = parse_robots("User-agent: *\nCrawl-delay: 30\n", "bot");
  CHECK(any.crawl_delay == milliseconds(30'000));
  CHECK_FALSE(parse_robots("User-agent: *\nCrawl-delay: soon\nCrawl-delay: -1\n", "bot").crawl_delay);
  CHECK_FALSE(parse_robots("User-agent: *\nDisallow: /x\n", "bot").crawl_delay);
}

TEST_CASE("only the first 500 KiB are parsed, the cut line dropped", "[robots]") {
  std::string body = "User-agent: *\n";
  while (body.size() < robots_parse_limit - 20) body += "Disallow: /filler\n";
  body += "Disallow: /cut-in-the-middle-of-this-line\n";  // straddles the limit
  body += "Disallow: /beyond\n";
  const auto rules = parse_robots(body, "bot");
  CHECK_FALSE(rules.allows("/filler"));
  CHECK(rules.allows("/beyond"));
  CHECK(rules.allows("/cut-in-the-middle-of-this-line"));
}
