// [topic] and [[feeds]] topic_weight: read into the profile, mistakes named at their position.
#include <catch2/catch.hpp>

#include <fstream>

#include "daemon/config/config.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::TempDir;

namespace {

Config load_text(const TempDir& dir, const std::string& text) {
  const auto path = dir.path() / "topic.toml";
  std::ofstream(path) << text;
  return load_config(path);
}

}  // namespace

TEST_CASE("[topic] reads terms, groups, threshold and per-feed weight") {
  const TempDir dir;
  const Config c = load_text(dir, R"(
[[feeds]]
url = "https://example.com/feed.xml"
topic_weight = 0.5
[topic]
threshold = 3
title_weight = 1.5
[[topic.terms]]
terms = ["DeepSeek", "Qwen"]
weight = 4
[[topic.terms]]
terms = ["OLMo"]
case_sensitive = true
[[topic.groups]]
name = "open model"
all = [["open-weight"], ["model", "LLM"]]
weight = -2
)");
  REQUIRE(c.feeds.size() == 1);
  CHECK(c.feeds[0].topic_weight == 0.5);
  CHECK(c.topic.threshold == 3.0);
  CHECK(c.topic.title_weight == 1.5);
  REQUIRE(c.topic.terms.size() == 2);
  CHECK(c.topic.terms[0].terms == std::vector<std::string>{"DeepSeek", "Qwen"});
  CHECK(c.topic.terms[0].weight == 4.0);
  CHECK(c.topic.terms[1].case_sensitive);
  REQUIRE(c.topic.groups.size() == 1);
  CHECK(c.topic.groups[0].name == "open model");
  CHECK(c.topic.groups[0].all.size() == 2);
  CHECK(c.topic.groups[0].weight == -2.0);
}

TEST_CASE("[topic] mistakes name their line") {
  const TempDir dir;
  CHECK_THROWS_WITH(load_text(dir, "[topic]\n[[topic.terms]]\nweight = 2\n"),
                    Catch::Contains("topic.toml:2") && Catch::Contains("non-empty 'terms'"));
  CHECK_THROWS_WITH(load_text(dir, "[topic]\n[[topic.groups]]\nname = \"x\"\nall = [\"a\"]\n"),
                    Catch::Contains("topic.toml:4") && Catch::Contains("non-empty lists of strings"));
  CHECK_THROWS_WITH(load_text(dir, "[topic]\nthreshhold = 2\n"), Catch::Contains("unknown key 'threshhold'"));
}

TEST_CASE("the shipped config's profile loads") {
  const Config c = load_config(std::filesystem::path(FEEDSIEVE_SOURCE_DIR) / "config" / "feedsieve.toml");
  CHECK_FALSE(c.topic.empty());
  CHECK(c.topic.threshold > 0);
}
