// The shipped profile (config/feedsieve.toml) against realistic headlines:
// the topic's stories in, the near-misses the profile exists to reject out.
#include <catch2/catch.hpp>

#include "daemon/config/config.hpp"
#include "feeds/topic/topic.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;

namespace {

const TopicProfile& shipped() {
  static const TopicProfile profile =
      load_config(std::filesystem::path(FEEDSIEVE_SOURCE_DIR) / "config" / "feedsieve.toml").topic;
  return profile;
}

TopicVerdict judge(const std::string& title, const std::string& summary = "") {
  return score_topic(shipped(), {title, summary, ""});
}

}  // namespace

TEST_CASE("the shipped profile keeps open-model stories") {
  const char* const on_topic[][2] = {
      {"DeepSeek releases R1 reasoning model under MIT license", ""},
      {"Alibaba's Qwen3 tops open-source leaderboard", "The Chinese tech giant released the weights."},
      {"Moonshot AI's Kimi K2 takes on GPT-4 in coding", ""},
      {"Meta unveils Llama 4 as open-weight race heats up", ""},
      {"OpenAI releases gpt-oss, its first open-weight model since GPT-2", ""},
      {"Mistral AI raises funds to build European open models", ""},
      {"US lawmakers push bill to ban DeepSeek on government devices", ""},
      {"Zhipu launches GLM-4.5, an open-source rival to Western AI", ""},
      {"Ai2 ships OLMo 2 with fully open training data", ""},
      {"Google's Gemma 3 brings open AI models to phones", ""},
      {"深度求索发布新一代开源大模型", ""},
      {"阿里巴巴通义千问开源新模型", ""},
      {"Why Chinese labs keep open-sourcing their best AI", "Open-source large language models from China now lead downloads on Hugging Face."},
      {"Europe's open models answer DeepSeek", "Mistral's new open-weight LLM is free to download."},
      {"月之暗面发布Kimi K2开源模型", ""},
  };
  for (const auto& [title, summary] : on_topic) {
    INFO(title);
    const TopicVerdict v = judge(title, summary);
    INFO("score " << v.score);
    CHECK(v.on_topic);
  }
}

TEST_CASE("the shipped profile rejects the near-misses") {
  const char* const off_topic[][2] = {
      {"OpenAI launches GPT-5 for ChatGPT subscribers", "The new model is available today in the app."},
      {"Anthropic unveils Claude Opus with better coding", "The AI model is available through the company's API."},
      {"Linux 6.12 kernel release brings real-time scheduling", "The open source project merged the patches."},
      {"Redis switches back to an open source licence", "The database company changed its license again."},
      {"China and US agree to cut tariffs on soybeans", "Trade talks in Geneva ended with a deal on export controls for rare earths."},
      {"Djokovic reaches Australian Open final", "The former world number one beat his rival in four sets."},
      {"Kimi Antonelli wins Italian Grand Prix", "The Mercedes driver took pole in Formula 1."},
      {"Banks rethink the business model as open banking grows", "Analysts adjust their pricing model for the sector."},
      {"Tesla unveils a cheaper Model Y", ""},
      {"Baidu shares fall after quarterly results", ""},
      {"Google launches Gemini 2.5 Pro for paying subscribers", "The proprietary model leads several benchmarks."},
      {"xAI releases Grok 4 with higher API prices", "The chatbot is available to premium users only."},
      {"Linux 6.15 released with new Rust drivers", "Torvalds tagged the open-source kernel release on Sunday."},
      {"HashiCorp moves Terraform to the Business Source License", "The open source community forked it as OpenTofu."},
      {"China's exports jump as trade truce holds", "Shipments of chips and electronics rose, customs data showed."},
      {"Open model portfolios beat the market in May", "Wealth managers say the open models of asset allocation paid off."},
      {"Why the open model of play suits Arsenal", "The coach's model relies on full-backs who open the pitch."},
      {"中美贸易谈判取得进展，大豆关税下调", ""},
      {"Linux 内核 6.12 开源发布", "新版本改进了调度器。"},
      {"", ""},
  };
  for (const auto& [title, summary] : off_topic) {
    INFO(title);
    const TopicVerdict v = judge(title, summary);
    INFO("score " << v.score);
    CHECK_FALSE(v.on_topic);
  }
}
