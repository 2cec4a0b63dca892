#include <catch2/catch.hpp>

#include "tests/support/support.hpp"

using namespace feedsieve::test;

namespace {

const char* const kRss =
    "<?xml version='1.0'?><rss version='2.0'><channel><title>Probed feed</title><link>http://x/</link>"
    "<item><title>One</title><link>http://x/1</link></item></channel></rss>";

boost::json::object html_route(const std::string& body) {
  return {{"status", 200}, {"headers", {{"Content-Type", "text/html; charset=utf-8"}}}, {"body", body}};
}

}  // namespace

TEST_CASE("discover prints the feeds a fetched page advertises", "[discover][e2e]") {
  HttpServer server({{"/blog/",
                      html_route("<head><link rel='alternate' type='application/atom+xml' title='Atom' "
                                 "href='atom.xml'></head><body>hi</body>")}});
  const ProcessResult result = run_feedsieve({"discover", server.url("/blog/")});
  CHECK(result.exit_code == 0);
  CHECK(result.out == server.url("/blog/atom.xml") + "\tatom\tAtom\n");
}

TEST_CASE("discover probes the common paths when the page advertises nothing", "[discover][e2e]") {
  HttpServer server({{"/", html_route("<body>no feeds here</body>")},
                     {"/rss.xml", {{"status", 200}, {"headers", {{"Content-Type", "application/rss+xml"}}},
                                   {"body", kRss}}},
                     {"/feed", html_route("<body>a page, not a feed</body>")}});
  const ProcessResult result = run_feedsieve({"discover", server.url("/"), "--format", "json"});
  CHECK(result.exit_code == 0);
  const auto feeds = boost::json::parse(result.out).as_array();
  REQUIRE(feeds.size() == 1);
  CHECK(feeds[0].at("url").as_string() == server.url("/rss.xml"));
  CHECK(feeds[0].at("title").as_string() == "Probed feed");
  CHECK(feeds[0].at("format").as_string() == "rss2.0");
}

TEST_CASE("discover on a saved page without feeds and without probing fails", "[discover][e2e]") {
  TempDir dir;
  write_file(dir / "page.html", "<body>nothing</body>");
  const ProcessResult result =
      run_feedsieve({"discover", (dir / "page.html").string(), "--url", "http://127.0.0.1:9/", "--no-probe"});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("no feed found") != std::string::npos);
}

TEST_CASE("discover on a URL that is itself a feed lists that feed", "[discover][e2e]") {
  HttpServer server({{"/rss.xml", {{"status", 200}, {"headers", {{"Content-Type", "application/rss+xml"}}},
                                   {"body", kRss}}}});
  const ProcessResult result = run_feedsieve({"discover", server.url("/rss.xml")});
  CHECK(result.exit_code == 0);
  CHECK(result.out == server.url("/rss.xml") + "\trss2.0\tProbed feed\n");
  CHECK(server.requests().size() == 1);  // no page to read, no paths to probe
}
