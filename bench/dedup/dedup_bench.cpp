// bench_dedup [ITEMS]: synthetic items with injected duplicate groups through
// normalization + fingerprinting, then story assignment (StoryIndex).
// Reports items/s per phase (one core), index bytes per item, peak RSS, and
// pairwise precision/recall of the assignment against the injected groups.
//
// Copies are what syndication does to an article: a new title (often with
// " - Outlet"), the lead truncated to 35-60 words, boilerplate appended, a
// word or two edited, case changed. Originals are independent Zipf-worded
// texts; a tenth of them are "same event" rewrites that share the title's
// key words but not the text, which must stay separate stories.
#include <sys/resource.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "feeds/dedup/fingerprint.hpp"
#include "feeds/dedup/story_index.hpp"

namespace {

using namespace feedsieve;
using Clock = std::chrono::steady_clock;

struct Synthetic {
  std::string title;
  std::string body;
  std::uint32_t group;  // injected truth: copies share the original's group
};

class Words {
 public:
  explicit Words(std::mt19937_64& rng) : rng_(rng) {
    for (int i = 0; i < vocabulary; ++i) {
      std::string w;
      std::uint64_t x = static_cast<std::uint64_t>(i) * 2654435761u + 7;
      const int length = 3 + static_cast<int>(x % 7);
      for (int c = 0; c < length; ++c, x /= 23) w += static_cast<char>('a' + x % 23);
      words_.push_back(w);
    }
    double total = 0;
    for (int i = 0; i < vocabulary; ++i) cumulative_.push_back(total += 1.0 / std::pow(i + 1, 1.05));
  }
  const std::string& any() {
    const double u = std::uniform_real_distribution<double>(0, cumulative_.back())(rng_);
    return words_[std::lower_bound(cumulative_.begin(), cumulative_.end(), u) - cumulative_.begin()];
  }
  std::vector<std::string> text(int n) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) out.push_back(any());
    return out;
  }

 private:
  static constexpr int vocabulary = 30000;
  std::mt19937_64& rng_;
  std::vector<std::string> words_;
  std::vector<double> cumulative_;
};

std::string join(const std::vector<std::string>& words, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < words.size() && i < n; ++i) (out += i ? " " : "") += words[i];
  return out;
}

std::vector<Synthetic> generate(std::size_t count, std::mt19937_64& rng) {
  Words words(rng);
  std::vector<Synthetic> items;
  items.reserve(count);
  std::uniform_int_distribution<int> percent(0, 99);
  std::uint32_t group = 0;
  while (items.size() < count) {
    const std::vector<std::string> title = words.text(9);
    std::vector<std::string> body = words.text(80);
    const std::uint32_t original = group;
    items.push_back({join(title, 9), join(body, 80), original});
    if (percent(rng) < 10)  // another outlet's own article about the same event
      items.push_back({join(title, 6) + " " + words.any(), join(words.text(80), 80), ++group});
    if (percent(rng) < 30) {  // syndicated copies
      const int copies = 1 + percent(rng) % 8;
      for (int c = 0; c < copies && items.size() < count; ++c) {
        std::vector<std::string> copy = body;
        if (percent(rng) < 50) copy[static_cast<std::size_t>(percent(rng) % 40)] = words.any();
        std::string text = join(copy, static_cast<std::size_t>(35 + percent(rng) % 26));
        if (percent(rng) < 50) text += " Read more at the outlet. Subscribe to our newsletter.";
        if (percent(rng) < 20)
          for (char& ch : text) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
        items.push_back({join(words.text(7), 7) + " - Outlet " + std::to_string(c), text, original});
      }
    }
    ++group;
  }
  items.resize(count);
  return items;
}

double pairs(std::uint64_t n) { return static_cast<double>(n) * static_cast<double>(n - 1) / 2; }

// Pairwise precision and recall of `predicted` against `truth`.
void score(const std::vector<std::uint32_t>& predicted, const std::vector<Synthetic>& items) {
  std::unordered_map<std::uint64_t, std::uint64_t> both;
  std::unordered_map<std::uint32_t, std::uint64_t> pred, truth;
  for (std::size_t i = 0; i < items.size(); ++i) {
    ++both[(std::uint64_t{predicted[i]} << 32) | items[i].group];
    ++pred[predicted[i]];
    ++truth[items[i].group];
  }
  double tp = 0, pp = 0, tt = 0;
  for (const auto& [k, n] : both) tp += pairs(n);
  for (const auto& [k, n] : pred) pp += pairs(n);
  for (const auto& [k, n] : truth) tt += pairs(n);
  std::printf("duplicate pairs: injected %.0f, found %.0f, correct %.0f: precision %.4f, recall %.4f\n", tt, pp, tp,
              pp > 0 ? tp / pp : 1.0, tt > 0 ? tp / tt : 1.0);
}

double seconds_since(Clock::time_point start) { return std::chrono::duration<double>(Clock::now() - start).count(); }

}  // namespace

int main(int argc, char** argv) {
  const std::size_t count = argc > 1 ? std::strtoull(argv[1], nullptr, 10) : 1'000'000;
  std::mt19937_64 rng(20240501);
  std::printf("generating %zu items...\n", count);
  const std::vector<Synthetic> items = generate(count, rng);

  auto start = Clock::now();
  std::vector<Fingerprint> prints;
  prints.reserve(items.size());
  for (const Synthetic& s : items) prints.push_back(fingerprint(s.title, s.body));
  const double t_print = seconds_since(start);

  start = Clock::now();
  StoryIndex index;
  std::vector<std::uint32_t> stories;
  stories.reserve(items.size());
  for (const Fingerprint& f : prints) stories.push_back(index.assign(f));
  const double t_assign = seconds_since(start);

  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("normalize + fingerprint: %.0f items/s (%.2f s)\n", count / t_print, t_print);
  std::printf("story assignment:        %.0f items/s (%.2f s)\n", count / t_assign, t_assign);
  std::printf("index: %.1f bytes/item (%zu fingerprinted); peak RSS %.0f MiB (whole run, corpus included)\n",
              static_cast<double>(index.memory_bytes()) / count, index.items(), usage.ru_maxrss / 1024.0);
  score(stories, items);
  return 0;
}
