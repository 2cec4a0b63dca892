// Config text edits on the shapes of files people write: CRLF line ends, no
// final newline, feeds as inline tables.
#include <catch2/catch.hpp>

#include "daemon/config/edit.hpp"

using namespace feedsieve;

TEST_CASE("a feed written as an inline table is refused, not cut with its neighbours") {
  const std::string text = "feeds = [\n  { name = \"a\", url = \"https://a.example/\" },\n  { name = \"b\", url = \"https://b.example/\" },\n]\n";
  CHECK_THROWS_WITH(remove_feed_block(text, "b", "f.toml"),
                    Catch::StartsWith("f.toml:3:") && Catch::Contains("inline table"));
}

TEST_CASE("CRLF files and a missing final newline keep every existing byte") {
  const std::string crlf = "# config\r\n[store]\r\npath = \"x.db\"\r\n\r\n# one\r\n[[feeds]]\r\nname = \"one\"\r\nurl = \"https://one.example/\"\r\n";
  const std::string out = append_feed_blocks(crlf, {{"two", "https://two.example/", {}}});
  CHECK(out.substr(0, crlf.size()) == crlf);
  CHECK(out.substr(crlf.size()) == "\r\n[[feeds]]\r\nname = \"two\"\r\nurl = \"https://two.example/\"\r\n");
  CHECK(remove_feed_block(out, "two", "f.toml") == crlf);
  CHECK(remove_feed_block(crlf, "one", "f.toml") == "# config\r\n[store]\r\npath = \"x.db\"\r\n");
  const std::string bare = "[store]\npath = \"x.db\"";
  CHECK(append_feed_blocks(bare, {{"n", "https://n.example/", {}}}).substr(0, bare.size()) == bare);
}
