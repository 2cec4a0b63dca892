// Config text edits keep every byte outside the edited [[feeds]] block, and
// `feedsieve feeds` replaces the file only with a config that validates.
#include <catch2/catch.hpp>
#include <sys/stat.h>
#include <unistd.h>

#include "daemon/config/edit.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

const std::string head =
    "# feedsieve config\n"
    "[store]\n"
    "path = \"x.db\"   # the store\n"
    "\n"
    "  # the wire service, polled often\n"
    "[[feeds]]\n"
    "name = \"wire\"\n"
    "url = \"https://wire.example/rss\"  # keep me\n"
    "tags = [\n"
    "  \"news\",\n"
    "  \"[not a header]\",\n"
    "]\n";
const std::string blog =
    "\n"
    "# the blog\n"
    "[[feeds]]\n"
    "name = \"blog\"\n"
    "url = \"https://blog.example/atom\"\n";
const std::string tail =
    "\n"
    "# about the topic below\n"
    "[schedule]\n"
    "interval = \"1h\"\n";

// `feedsieve feeds ARGS... --config CONFIG`.
test::ProcessResult run_feeds(const std::string& config, std::vector<std::string> args) {
  args.insert(args.begin(), "feeds");
  args.push_back("--config");
  args.push_back(config);
  return test::run_feedsieve(args);
}

}  // namespace

TEST_CASE("removing a block cuts exactly that block and its own comment") {
  const std::string text = head + blog + tail;
  CHECK(remove_feed_block(text, "blog", "f.toml") == head + tail);
}

TEST_CASE("removing a block with a multi-line array keeps the next block's comment") {
  const std::string text = head + blog + tail;
  const std::string expected = "# feedsieve config\n[store]\npath = \"x.db\"   # the store\n" + blog + tail;
  CHECK(remove_feed_block(text, "wire", "f.toml") == expected);
}

TEST_CASE("removing the last block of a file") {
  CHECK(remove_feed_block(head + blog, "blog", "f.toml") == head);
}

TEST_CASE("an unknown name or broken TOML is a ConfigError naming the file") {
  CHECK_THROWS_WITH(remove_feed_block(head, "nope", "f.toml"), Catch::Contains("f.toml") && Catch::Contains("nope"));
  CHECK_THROWS_WITH(remove_feed_block("[[feeds]\n", "x", "f.toml"), Catch::StartsWith("f.toml:1:"));
}

TEST_CASE("appending keeps the text before it byte for byte and escapes strings") {
  const std::string text = head + tail;
  const std::string out = append_feed_blocks(text, {{"say \"hi\"", "https://n.example/feed", {"a\\b"}}});
  CHECK(out.substr(0, text.size()) == text);
  CHECK(out.substr(text.size()) ==
        "\n[[feeds]]\nname = \"say \\\"hi\\\"\"\nurl = \"https://n.example/feed\"\ntags = [\"a\\\\b\"]\n");
  CHECK(toml_string("tab\there") == "\"tab\\u0009here\"");
}

TEST_CASE("a replacement that does not validate leaves the file alone and keeps the edit") {
  test::TempDir dir;
  const auto path = dir / "f.toml";
  test::write_file(path, head);
  CHECK_THROWS_WITH(replace_config_text(path, head + "[[feeds]]\nurl = \"ftp://x\"\n"),
                    Catch::StartsWith((dir / "f.toml.rejected").string() + ":") && Catch::Contains("ftp://x") &&
                        !Catch::Contains("f.toml.new"));
  CHECK(test::read_file(path) == head);
  CHECK(std::filesystem::exists(dir / "f.toml.rejected"));
  const Config config = replace_config_text(path, head + blog);
  CHECK(config.feeds.size() == 2);
  CHECK(test::read_file(path) == head + blog);
  CHECK(test::read_file(dir / "f.toml.bak") == head);
}

TEST_CASE("a replaced config keeps the mode and the owner of the file it replaces") {
  test::TempDir dir;
  const auto path = dir / "f.toml";
  test::write_file(path, head);
  namespace fs = std::filesystem;
  fs::permissions(path, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);  // 0640
  // Root may give the file away, as a config owned by the daemon's own user is.
  const bool root = ::geteuid() == 0;
  if (root) REQUIRE(::chown(path.c_str(), 4321, 4321) == 0);
  replace_config_text(path, head + blog);
  CHECK(test::read_file(path) == head + blog);
  CHECK(fs::status(path).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
  struct stat after {};
  REQUIRE(::stat(path.c_str(), &after) == 0);
  if (root) {
    CHECK(after.st_uid == 4321);
    CHECK(after.st_gid == 4321);
  } else {
    CHECK(after.st_uid == ::geteuid());
  }
}

TEST_CASE("feeds add, remove, import-opml and export-opml through the real binary") {
  test::TempDir dir;
  const std::string config = (dir / "feedsieve.toml").string();
  test::write_file(config, head + tail);
  const auto feeds = [&](const std::vector<std::string>& args) { return run_feeds(config, args); };
  REQUIRE(feeds({"add", "https://new.example/feed.xml", "--no-discover", "--name", "new", "--tag", "ai"}).exit_code ==
          0);
  CHECK(test::read_file(config).substr(0, (head + tail).size()) == head + tail);
  CHECK(feeds({"add", "https://new.example/feed.xml", "--no-discover"}).exit_code == 1);  // already there
  CHECK(feeds({"add", "not-a-url", "--no-discover"}).exit_code == 1);
  CHECK(feeds({"list"}).out.find("https://new.example/feed.xml") != std::string::npos);

  REQUIRE(feeds({"remove", "new"}).exit_code == 0);
  CHECK(test::read_file(config) == head + tail);
  CHECK(feeds({"remove", "new"}).exit_code == 1);

  const auto imported = feeds({"import-opml", test::source_path("tests/fixtures/opml/miniflux.opml").string()});
  INFO(imported.err);
  REQUIRE(imported.exit_code == 0);
  CHECK(imported.out.find("imported 3 feeds") != std::string::npos);
  const auto again = feeds({"import-opml", test::source_path("tests/fixtures/opml/miniflux.opml").string()});
  CHECK(again.out.find("imported 0 feeds (3 already configured)") != std::string::npos);
  const auto exported = feeds({"export-opml"});
  CHECK(exported.exit_code == 0);
  CHECK(exported.out.find("xmlUrl=\"https://lwn.net/headlines/rss\"") != std::string::npos);
  CHECK(exported.out.find("<outline text=\"AI\">") != std::string::npos);
}

namespace {

boost::json::object route(const std::string& type, const std::string& body) {
  return {{"status", 200}, {"headers", {{"Content-Type", type}}}, {"body", body}};
}

const std::string kRss =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Site news</title>"
    "<item><title>One</title><link>https://site.example/1</link></item></channel></rss>";

}  // namespace

TEST_CASE("feeds add of a page adds the feed it advertises, keeping the file's bytes", "[discover]") {
  test::HttpServer server(
      {{"/news/", route("text/html", "<head><link rel='alternate' type='application/rss+xml' title='Main' href='main.rss'>"
                                     "<link rel='alternate' type='application/atom+xml' href='/comments.atom'>"
                                     "</head><body>news</body>")},
       {"/news/main.rss", route("application/rss+xml", kRss)},
       {"/plain/", route("text/html", "<body>no feed advertised</body>")},
       {"/feed", route("application/rss+xml", kRss)}});
  test::TempDir dir;
  const std::string config = (dir / "feedsieve.toml").string();
  test::write_file(config, head + tail);
  const auto feeds = [&](const std::vector<std::string>& args) { return run_feeds(config, args); };

  const auto added = feeds({"add", server.url("/news/")});
  INFO(added.err);
  REQUIRE(added.exit_code == 0);
  CHECK(added.out.find("picked " + server.url("/news/main.rss") + " (rss, \"Main\")") != std::string::npos);
  CHECK(added.out.find("also advertised: " + server.url("/comments.atom")) != std::string::npos);
  const std::string text = test::read_file(config);
  CHECK(text.substr(0, (head + tail).size()) == head + tail);
  CHECK(text.substr((head + tail).size()) == "\n[[feeds]]\nname = \"" + server.url("/news/main.rss") + "\"\nurl = \"" +
                                                 server.url("/news/main.rss") + "\"\n");

  // A feed URL is added as given; a page that advertises nothing falls back to the common paths.
  CHECK(feeds({"add", server.url("/news/main.rss")}).exit_code == 1);  // already configured, found as a feed
  const auto probed = feeds({"add", server.url("/plain/"), "--name", "probed"});
  INFO(probed.err);
  REQUIRE(probed.exit_code == 0);
  CHECK(probed.out.find("picked " + server.url("/feed") + " (rss2.0, \"Site news\"): its site answers") !=
        std::string::npos);
  CHECK(test::read_file(config).find("url = \"" + server.url("/feed") + "\"") != std::string::npos);

  // --no-discover adds the page itself.
  REQUIRE(feeds({"add", server.url("/plain/"), "--no-discover"}).exit_code == 0);
  CHECK(test::read_file(config).find("url = \"" + server.url("/plain/") + "\"") != std::string::npos);
}

TEST_CASE("feeds add of a page without any feed adds nothing and says why", "[discover]") {
  test::HttpServer server({{"/page", route("text/html", "<body>nothing</body>")}});
  test::TempDir dir;
  const std::string config = (dir / "feedsieve.toml").string();
  test::write_file(config, head + tail);
  const auto result = run_feeds(config, {"add", server.url("/page")});
  CHECK(result.exit_code == 1);
  CHECK(result.err.find("is a web page, not a feed") != std::string::npos);
  CHECK(test::read_file(config) == head + tail);
}
