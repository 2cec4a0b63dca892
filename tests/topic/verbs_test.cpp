// The real binary end to end: `run --once` scores and merges, `query` hides
// off-topic stories unless --all, `explain` gives the reasons, `rescore`
// re-applies an edited profile, `query --events` groups outlets.
#include <catch2/catch.hpp>

#include <fstream>

#include "tests/support/feed_text.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::Entry;
using feedsieve::test::run_feedsieve;
using Catch::Contains;

namespace {

const std::string lead =
    "Chinese artificial intelligence startup DeepSeek on Tuesday released an upgraded version of its R1 reasoning "
    "model on the developer platform Hugging Face, saying the update narrows the gap with leading closed systems.";

boost::json::object rss(const std::string& title, const std::vector<Entry>& entries) {
  return {{"body", test::rss_document(title, entries)},
          {"headers", boost::json::object{{"Content-Type", "application/rss+xml"}}}};
}

class Scenario {
 public:
  Scenario() {
    server_.set_routes({
        {"/a.xml", rss("Wire", {{"a1", "DeepSeek updates R1 reasoning model", "https://wire.example/r1",
                                 "Tue, 27 May 2025 10:00:00 GMT", lead},
                                {"a2", "Djokovic reaches Australian Open final", "https://wire.example/tennis",
                                 "Tue, 27 May 2025 11:00:00 GMT", "The former world number one won in four sets."}})},
        {"/b.xml", rss("Portal", {{"b1", "China's DeepSeek ships an R1 upgrade - Portal",
                                   "https://portal.example/x?ocid=rss", "Tue, 27 May 2025 12:00:00 GMT", lead}})},
    });
    write_config("5.0");
  }

  void write_config(const std::string& threshold) const {
    std::ofstream(config_) << "[store]\npath = \"" << (dir_ / "store.db").string() << "\"\n"
                           << "[[feeds]]\nname = \"Wire\"\nurl = \"" << server_.url("/a.xml") << "\"\n"
                           << "[[feeds]]\nname = \"Portal\"\nurl = \"" << server_.url("/b.xml") << "\"\n"
                           << "topic_weight = 0.5\n"
                           << "[topic]\nthreshold = " << threshold << "\n"
                           << "[[topic.terms]]\nterms = [\"DeepSeek\"]\nweight = 4\n"
                           << "[[topic.terms]]\nterms = [\"Australian Open\"]\nweight = 1\n";
  }

  test::ProcessResult run(std::vector<std::string> args) const {
    args.push_back("--config");
    args.push_back(config_.string());
    return run_feedsieve(args);
  }

 private:
  test::TempDir dir_;
  test::HttpServer server_;
  std::filesystem::path config_ = dir_ / "feedsieve.toml";
};

}  // namespace

TEST_CASE("topic verdicts, merges and their explanations through the CLI", "[e2e][topic][dedup]") {
  Scenario s;
  const auto run = s.run({"run", "--once"});
  REQUIRE(run.exit_code == 0);
  CHECK_THAT(run.out + run.err, Contains("3 new items") && Contains("2 new stories"));

  const auto kept = s.run({"query", "--format", "json"});
  REQUIRE(kept.exit_code == 0);
  const auto stories = boost::json::parse(kept.out).as_array();
  REQUIRE(stories.size() == 1);
  CHECK(stories[0].at("sources").as_array().size() == 2);
  CHECK(stories[0].at("topic_score").to_number<double>() == 8.0);
  CHECK(boost::json::parse(s.run({"query", "--all", "--format", "json"}).out).as_array().size() == 2);

  const auto explain = s.run({"explain", "https://portal.example/x"});
  REQUIRE(explain.exit_code == 0);
  // The Portal copy: 8 points x its feed's topic_weight 0.5 is under the threshold of 5.
  CHECK_THAT(explain.out, Contains("DeepSeek (title)") && Contains("feed weight 0.50") && Contains("off topic"));
  // Both feeds are polled at once, so either copy may found the story; the other joined it by its shingles.
  const auto wire = s.run({"explain", "https://wire.example/r1"});
  REQUIRE(wire.exit_code == 0);
  CHECK_THAT(explain.out + wire.out, Contains("it founded the story") && Contains("shingles with item"));
  // explain, rescore and the poll weigh a feed the same way: nothing looks changed.
  CHECK_THAT(explain.out, !Contains("the profile changed since"));
  CHECK_THAT(s.run({"rescore"}).out, Contains("rescored 3 items (0 changed)"));
  CHECK(s.run({"explain", "https://nowhere.example/"}).exit_code == 1);

  s.write_config("1.0");
  const auto rescore = s.run({"rescore"});
  REQUIRE(rescore.exit_code == 0);
  CHECK_THAT(rescore.out, Contains("rescored 3 items (2 changed)") && Contains("2 stories on topic"));
  CHECK(boost::json::parse(s.run({"query", "--format", "json"}).out).as_array().size() == 2);

  const auto events = s.run({"query", "--events", "--format", "json"});
  REQUIRE(events.exit_code == 0);
  CHECK(boost::json::parse(events.out).as_array().empty());  // one story per happening here
}
