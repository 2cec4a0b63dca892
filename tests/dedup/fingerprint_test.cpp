// Fingerprints: copies of one article agree whatever their titles and
// truncation; different articles, even about one event, do not.
#include <catch2/catch.hpp>

#include "feeds/dedup/fingerprint.hpp"
#include "feeds/dedup/story_index.hpp"
#include "feeds/text/normalize.hpp"

using namespace feedsieve;

namespace {

const std::string wire =
    "BEIJING (Reuters) - Chinese artificial intelligence startup DeepSeek on Tuesday released an upgraded version "
    "of its R1 reasoning model on the developer platform Hugging Face, saying the update narrows the gap with "
    "leading closed systems from OpenAI and Google on mathematics and coding benchmarks. The company did not "
    "disclose how much computing power it used to train the model, which is released under the MIT licence.";

const std::string other_article =
    "Nvidia shares slipped on Tuesday after Chinese startup DeepSeek published a new version of its R1 model, "
    "reviving investor worries that cheaper training methods could dent demand for the company's most expensive "
    "chips. Analysts said the reaction was smaller than in January, when the first R1 release wiped billions off "
    "the chipmaker's market value in a single session.";

}  // namespace

TEST_CASE("normalization folds case and compatibility forms and splits CJK into characters") {
  CHECK(folded_words("ＤｅｅｐＳｅｅｋ’s R1—Open-Weight!") ==
        std::vector<std::string>{"deepseek", "s", "r1", "open", "weight"});
  CHECK(folded_words("深度求索 R1") == std::vector<std::string>{"深", "度", "求", "索", "r1"});
  CHECK(folded_words("STRASSE Straße").size() == 2);
  CHECK(folded_words("STRASSE Straße")[0] == folded_words("STRASSE Straße")[1]);
  CHECK(folded_words("").empty());
  // Thai: a character with its combining vowel and tone marks is one token.
  CHECK(folded_words("ที่นี่") == std::vector<std::string>{"ที่", "นี่"});
  CHECK(folded_words("\xff\xfeok\xc0") == std::vector<std::string>{"ok"});
}

TEST_CASE("boilerplate sentences are stripped") {
  CHECK(strip_boilerplate("Real text. Read more at example.com. More text.").find("example.com") == std::string::npos);
  CHECK(strip_boilerplate("Lead. This story originally appeared in Wired. Copyright.").find("Wired") == std::string::npos);
  CHECK(strip_boilerplate("The post Qwen 3 ships appeared first on AI News.").find("Qwen") == std::string::npos);
  CHECK(strip_boilerplate("The post office reopened.") == "The post office reopened.");
  CHECK(strip_boilerplate("He spread more butter.") == "He spread more butter.");  // "read more" starts no word there
  CHECK(strip_boilerplate("A. Subscribe to us! B.") == "A.  B.");
  CHECK(strip_dateline("BEIJING (Reuters) - Text") == " Text");
  CHECK(strip_dateline("Plain text - here") == "Plain text - here");
}

TEST_CASE("copies of one article share a fingerprint; another article about the event does not") {
  const Fingerprint a = fingerprint("DeepSeek updates R1 reasoning model", wire);
  const Fingerprint retitled = fingerprint("China's DeepSeek quietly ships R1 upgrade - Yahoo Finance", wire);
  const Fingerprint truncated = fingerprint("DeepSeek R1 update", wire.substr(0, 330) + "...");
  const Fingerprint tagged = fingerprint("x", wire + " Read more: subscribe to our newsletter.");
  const Fingerprint event = fingerprint("DeepSeek updates R1 reasoning model", other_article);
  CHECK(a.has_text());
  CHECK(a.lead_size == max_lead_shingles);
  CHECK(same_text(a, retitled));
  CHECK(same_text(a, truncated));
  CHECK(same_text(a, tagged));
  CHECK_FALSE(same_text(a, event));
}

TEST_CASE("a copy without the dateline or with one edited word still matches") {
  const Fingerprint a = fingerprint("DeepSeek updates R1", wire);
  const std::string undated = wire.substr(wire.find(" - ") + 3);
  CHECK(same_text(a, fingerprint("x", undated)));
  CHECK(same_text(a, fingerprint("x", "BEIJING, May 28 (Reuters) \u2014 " + undated)));
  std::string edited = wire;
  edited.replace(edited.find("Tuesday"), 7, "Wednesday");
  CHECK(same_text(a, fingerprint("x", edited)));
}

TEST_CASE("a copy edited in both halves of the lead, or cut short, still matches") {
  const Fingerprint a = fingerprint("DeepSeek updates R1", wire);
  std::string edited = wire;
  edited.replace(edited.find("upgraded"), 8, "improved");  // token 9
  edited.replace(edited.find("narrows"), 7, "closes");     // token 25
  const Fingerprint b = fingerprint("x", edited);
  CHECK(lead_overlap(a, b).compared == max_lead_shingles);
  CHECK(lead_overlap(a, b).shared == max_lead_shingles - 6);
  CHECK(same_text(a, b));
  // Cut to its first 15 words: compared over what both have.
  const Fingerprint cut = fingerprint("x", "BEIJING (Reuters) - Chinese artificial intelligence startup DeepSeek on "
                                           "Tuesday released an upgraded version of its R1 reasoning...");
  CHECK(lead_overlap(a, cut).compared == 13);
  CHECK(same_text(a, cut));
  // The keys that find candidates: both copies share a band with the original.
  const auto shares_band = [&](const Fingerprint& x) {
    const BandKeys ka = band_keys(a), kx = band_keys(x);
    for (std::size_t i = 0; i < ka.size(); ++i)
      if (ka[i] == kx[i]) return true;
    return false;
  };
  CHECK(shares_band(b));
  CHECK(shares_band(cut));
  // Another article may share a band now and then (a name, a quote); the overlap turns it down.
  CHECK(lead_overlap(a, fingerprint("x", other_article)).shared < 6);
}

TEST_CASE("one template filled differently is different articles") {
  const auto filled = [](const char* company, const char* move, const char* price, const char* day, const char* eps,
                         const char* estimate) {
    return std::string("Shares of ") + company + " " + move + " to " + price + " in early trading on " + day +
           " after the company reported quarterly earnings of " + eps + " per share, compared with analyst "
           "estimates of " + estimate + " per share, according to data compiled by the exchange.";
  };
  const Fingerprint x = fingerprint("", filled("Acme Corp", "rose", "$41.20", "Tuesday", "$1.20", "$1.10"));
  const Fingerprint y = fingerprint("", filled("Globex Inc", "fell", "$12.05", "Monday", "$0.31", "$0.40"));
  CHECK(x.has_text());
  INFO("shared " << lead_overlap(x, y).shared << " of " << lead_overlap(x, y).compared);
  CHECK_FALSE(same_text(x, y));
}

TEST_CASE("the stored sketch reads back as the same fingerprint") {
  const Fingerprint a = fingerprint("", wire);
  Fingerprint b;
  set_lead(b, lead_bytes(a));
  CHECK(b.lead == a.lead);
  CHECK(b.lead_size == a.lead_size);
  set_lead(b, "abc");  // not a sketch: no text rather than garbage
  CHECK_FALSE(b.has_text());
}

TEST_CASE("title-only items match by their title without the outlet") {
  const Fingerprint a = fingerprint("Alibaba releases Qwen3 family of open models - Reuters", "");
  const Fingerprint b = fingerprint("alibaba releases QWEN3 family of open models | The Straits Times", "");
  const Fingerprint c = fingerprint("Alibaba releases Qwen3 family of closed models", "");
  CHECK_FALSE(a.has_text());
  CHECK(same_text(a, b));
  CHECK_FALSE(same_text(a, c));
  // Too short to identify an article: never matches.
  CHECK(fingerprint("Live updates", "").title_key.empty());
  CHECK_FALSE(same_text(fingerprint("", ""), fingerprint("", "")));
}

TEST_CASE("bad input: text without spaces, 1 MB bodies, shared boilerplate") {
  // Thai is written without spaces between words: shingled by character.
  const std::string thai_a = "บริษัทอาลีบาบาเปิดตัวโมเดลปัญญาประดิษฐ์โอเพนซอร์สรุ่นใหม่ในวันอังคาร";
  const std::string thai_b = "ตลาดหุ้นเอเชียปิดตลาดปรับตัวลดลงหลังรายงานตัวเลขเงินเฟ้อของสหรัฐ";
  CHECK(fingerprint("", thai_a).has_text());
  CHECK(same_text(fingerprint("", thai_a), fingerprint("", thai_a + " อ่านเพิ่มเติม")));
  CHECK_FALSE(same_text(fingerprint("", thai_a), fingerprint("", thai_b)));

  const std::string cjk_a = "阿里巴巴周二发布了新一代通义千问开源模型，称其在数学和编程基准测试中超过了此前所有的开源模型。";
  const std::string cjk_b = "美国商务部周二宣布对人工智能芯片实施新的出口管制措施，涉及多家中国科技公司和数据中心。";
  CHECK(fingerprint("", cjk_a).has_text());
  CHECK(same_text(fingerprint("", cjk_a), fingerprint("", cjk_a + "更多内容")));
  CHECK_FALSE(same_text(fingerprint("", cjk_a), fingerprint("", cjk_b)));

  std::string huge;
  while (huge.size() < (1u << 20)) huge += "word" + std::to_string(huge.size()) + " ";
  CHECK(fingerprint("t", huge).lead_size == max_lead_shingles);
  CHECK_FALSE(fingerprint("t", std::string(1 << 20, 'a')).has_text());

  const std::string boiler = " Subscribe to our newsletter for the latest tech news every morning. Read more stories on our site.";
  const Fingerprint x = fingerprint("Short one", "Qwen ships." + boiler);
  const Fingerprint y = fingerprint("Another", "Kernel 6.12 out." + boiler);
  CHECK_FALSE(same_text(x, y));
}

TEST_CASE("the story index assigns near-duplicates of other feeds to the first story") {
  StoryIndex index;
  const std::uint32_t s1 = index.assign(fingerprint("DeepSeek updates R1", wire), 1);
  const std::uint32_t s2 = index.assign(fingerprint("Nvidia slips", other_article), 1);
  CHECK(s1 != s2);
  CHECK(index.assign(fingerprint("Retitled", wire.substr(0, 300)), 2) == s1);
  CHECK(index.assign(fingerprint("Alibaba releases Qwen3 family of open models", ""), 2) != s1);
  CHECK(index.assign(fingerprint("Alibaba releases Qwen3 family of open models - AP", ""), 3) ==
        index.assign(fingerprint("alibaba releases qwen3 family of open models", ""), 4));
  CHECK(index.memory_bytes() > 0);
}

TEST_CASE("the story index never merges one feed's items, by text or by title") {
  StoryIndex index;
  const std::uint32_t s1 = index.assign(fingerprint("DeepSeek updates R1", wire), 7);
  CHECK(index.assign(fingerprint("DeepSeek updates R1 again", wire), 7) != s1);
  const std::uint32_t t1 = index.assign(fingerprint("Alibaba releases Qwen3 family of open models", ""), 7);
  CHECK(index.assign(fingerprint("Alibaba releases Qwen3 family of open models", ""), 7) != t1);
  // The earliest item of another feed is still found after one of the same feed.
  CHECK(index.assign(fingerprint("Alibaba releases Qwen3 family of open models", ""), 8) == t1);
  CHECK(index.assign(fingerprint("Copy", wire), 8) == s1);
}
