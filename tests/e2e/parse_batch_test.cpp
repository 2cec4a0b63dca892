// `feedsieve parse --batch DIR` as the benchmark and the conformance runs use
// it: the real binary over a temporary folder of feeds, one of them broken.
#include <catch2/catch.hpp>

#include <boost/json.hpp>
#include <filesystem>
#include <sstream>
#include <string>
#include <vector>

#include "tests/support/feed_text.hpp"
#include "tests/support/support.hpp"

using feedsieve::test::atom_document;
using feedsieve::test::Entry;
using feedsieve::test::rss_document;
using feedsieve::test::run_feedsieve;
using feedsieve::test::TempDir;
using feedsieve::test::write_file;

namespace {

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) lines.push_back(line);
  return lines;
}

// A folder of five files: three clean feeds (one in a subfolder), one that
// parses only after recovery, and one that is no feed at all.
void write_feeds(const TempDir& dir) {
  const Entry one{"1", "One", "https://news.example/1", "Wed, 01 May 2024 10:00:00 GMT"};
  const Entry two{"2", "Two", "https://news.example/2", "Wed, 01 May 2024 11:00:00 GMT"};
  write_file(dir / "a.xml", rss_document("A", {one, two}));
  std::filesystem::create_directories(dir / "sub");
  write_file(dir / "sub" / "c.xml", atom_document("C", {{"urn:c:1", "C one", "https://c.example/1", "2024-05-01T10:00:00Z"}}));
  write_file(dir / "d.json", R"({"version":"https://jsonfeed.org/version/1.1","title":"D","items":[{"id":"d1","content_text":"x"}]})");
  write_file(dir / "e.xml", "<!DOCTYPE html><html><body><p>Not found</p></body></html>");
  write_file(dir / "f.xml", "<rss version=\"2.0\"><channel><title>F</title><item><title>cut</title><guid>f1</guid></item>");
}

}  // namespace

TEST_CASE("parse --batch prints a line a file, the broken one as an error, and a total", "[e2e][parse]") {
  const TempDir dir;
  write_feeds(dir);
  const auto result = run_feedsieve({"parse", "--batch", dir.path().string()});
  CHECK(result.exit_code == 1);  // one file is not a feed
  const std::vector<std::string> lines = lines_of(result.out);
  REQUIRE(lines.size() == 6);
  CHECK(lines[0] == "a.xml: rss2.0, 2 items, 0 warnings");
  CHECK(lines[1] == "d.json: jsonfeed, 1 item, 0 warnings");
  CHECK(lines[2] == "e.xml: error: parse: not a feed: root element <html>");
  CHECK(lines[3] == "f.xml: rss2.0, 1 item, 1 warning");
  CHECK(lines[4] == "sub/c.xml: atom1.0, 1 item, 0 warnings");
  CHECK_THAT(lines[5], Catch::StartsWith("feedsieve parse: 5 files, 4 parsed, 1 failed; 5 items, 1 warning; ") &&
                           Catch::EndsWith(" MB/s"));
  CHECK_THAT(result.err, Catch::Contains("f.xml: warning: recovered from malformed XML"));
}

TEST_CASE("parse --batch exits 0 when every file parsed", "[e2e][parse]") {
  const TempDir dir;
  write_feeds(dir);
  std::filesystem::remove(dir / "e.xml");
  const auto result = run_feedsieve({"parse", "--batch", dir.path().string()});
  CHECK(result.exit_code == 0);
  CHECK_THAT(result.out, Catch::Contains("feedsieve parse: 4 files, 4 parsed, 0 failed; 5 items"));
}

TEST_CASE("parse --batch --json prints one JSON object a line", "[e2e][parse]") {
  const TempDir dir;
  write_feeds(dir);
  const auto result = run_feedsieve({"parse", "--batch", dir.path().string(), "--json"});
  CHECK(result.exit_code == 1);
  const std::vector<std::string> lines = lines_of(result.out);
  REQUIRE(lines.size() == 5);  // the total goes to stderr
  for (const std::string& line : lines) {
    CAPTURE(line);
    const boost::json::object object = boost::json::parse(line).as_object();
    REQUIRE(object.contains("file"));
    if (object.at("file") == "e.xml") {
      CHECK(object.at("error") == "parse: not a feed: root element <html>");
    } else {
      CHECK(object.at("feed").as_object().contains("items"));
    }
  }
  const boost::json::object first = boost::json::parse(lines[0]).as_object();
  CHECK(first.at("feed").at("items").as_array().size() == 2);
  CHECK_THAT(result.err, Catch::Contains("feedsieve parse: 5 files, 4 parsed, 1 failed"));
}

TEST_CASE("parse --batch on a folder that does not exist fails with its name", "[e2e][parse]") {
  const TempDir dir;
  const auto result = run_feedsieve({"parse", "--batch", (dir / "missing").string()});
  CHECK(result.exit_code == 1);
  CHECK_THAT(result.err, Catch::Contains("missing"));
}
