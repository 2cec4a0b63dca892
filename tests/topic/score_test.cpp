// Scoring rules on small hand-made profiles: boundaries, case, title weight,
// groups, negatives, feed weight, CJK.
#include <catch2/catch.hpp>

#include "feeds/topic/topic.hpp"

using namespace feedsieve;

namespace {

TopicProfile profile_of(std::vector<TermSet> terms, std::vector<TermGroup> groups = {}, double threshold = 2) {
  TopicProfile p;
  p.terms = std::move(terms);
  p.groups = std::move(groups);
  p.threshold = threshold;
  p.title_weight = 2;
  return p;
}

}  // namespace

TEST_CASE("terms match whole words, ignore case unless asked, and weigh more in titles") {
  const TopicProfile p = profile_of({{{"yi"}, 1.0, false}, {{"OLMo"}, 1.0, true}, {{"open weights"}, 3.0, false}});
  CHECK(score_topic(p, {"Bond yields rise", "", ""}).score == 0);
  CHECK(score_topic(p, {"", "Yi-Large beats rivals", ""}).score == 1);
  CHECK(score_topic(p, {"YI-Large beats rivals", "", ""}).score == 2);
  CHECK(score_topic(p, {"", "olmo is a word", ""}).score == 0);
  CHECK(score_topic(p, {"", "OLMo 2 is out", ""}).score == 1);
  CHECK(score_topic(p, {"", "", "released with open-weights today"}).score == 3);
  CHECK(score_topic(p, {"", "OPEN  WEIGHTS!", ""}).score == 3);
}

TEST_CASE("spellings of one term count once, the first of them in the profile") {
  const TopicProfile p =
      profile_of({{{"open-weights", "open weights", "Open Weights"}, 3.0, false}, {{"open weights"}, 5.0, false}});
  const TopicVerdict v = score_topic(p, {"", "released with open weights today", ""});
  CHECK(v.score == 3);
  REQUIRE(v.matches.size() == 1);
  CHECK(v.matches[0].what == "open-weights");
  // Case-sensitive and folded spellings match different text: both count.
  const TopicProfile cased = profile_of({{{"GLM"}, 1.0, true}, {{"glm"}, 2.0, false}});
  CHECK(score_topic(cased, {"", "GLM-4 is out", ""}).score == 3);
}

TEST_CASE("a group needs every list; negatives and the feed weight apply") {
  const TermGroup group{"open AI", {{"open-source"}, {"AI", "LLM"}}, 3.0};
  const TopicProfile p = profile_of({{{"tennis"}, -4.0, false}}, {group}, 3);
  CHECK_FALSE(score_topic(p, {"Open-source kernel released", "", ""}).on_topic);
  const TopicVerdict v = score_topic(p, {"Open-source LLM released", "", ""});
  CHECK(v.score == 6);
  REQUIRE(v.matches.size() == 1);
  CHECK(v.matches[0].what == "group open AI");
  CHECK(v.matches[0].in_title);
  CHECK(score_topic(p, {"Open-source tennis AI", "", ""}).score == -2);  // 6 - 4 x 2
  CHECK(score_topic(p, {"", "open-source AI", ""}, 0.5).score == 1.5);
  CHECK_FALSE(score_topic(p, {"", "open-source AI", ""}, 0.5).on_topic);
}

TEST_CASE("CJK terms match inside text without spaces; full-width forms fold") {
  const TopicProfile p = profile_of({{{"通义千问"}, 3.0, false}, {{"deepseek"}, 3.0, false}});
  CHECK(score_topic(p, {"", "阿里巴巴今天发布了通义千问的新版本", ""}).score == 3);
  CHECK(score_topic(p, {"", "阿里巴巴今天发布了新版本", ""}).score == 0);
  CHECK(score_topic(p, {"", "ＤｅｅｐＳｅｅｋ発表", ""}).score == 3);
}

TEST_CASE("an empty profile keeps everything; bad input does not break scoring") {
  CHECK(score_topic(TopicProfile{}, {"anything", "", ""}).on_topic);
  const TopicProfile p = profile_of({{{"deepseek"}, 3.0, false}});
  const std::string huge(1 << 20, 'x');
  CHECK(score_topic(p, {"", huge, huge}).score == 0);
  CHECK(score_topic(p, {"\xff\xfe deepseek \xc0", "", ""}).score == 6);
  CHECK(score_topic(p, {"", "", ""}).score == 0);
}
