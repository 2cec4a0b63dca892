#include "bench/dedup/synthetic.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <cmath>

namespace feedsieve::bench {
namespace {

// Zipf-distributed draws from a fixed vocabulary.
class Zipf {
 public:
  Zipf(std::vector<std::string> vocabulary, std::mt19937_64& rng) : words_(std::move(vocabulary)), rng_(rng) {
    double total = 0;
    for (std::size_t i = 0; i < words_.size(); ++i)
      cumulative_.push_back(total += 1.0 / std::pow(static_cast<double>(i + 1), 1.05));
  }
  const std::string& any() {
    const double u = std::uniform_real_distribution<double>(0, cumulative_.back())(rng_);
    return words_[static_cast<std::size_t>(std::lower_bound(cumulative_.begin(), cumulative_.end(), u) -
                                           cumulative_.begin())];
  }
  std::vector<std::string> text(int n) {
    std::vector<std::string> out;
    for (int i = 0; i < n; ++i) out.push_back(any());
    return out;
  }

 private:
  std::vector<std::string> words_;
  std::vector<double> cumulative_;
  std::mt19937_64& rng_;
};

std::vector<std::string> latin_words() {
  std::vector<std::string> out;
  for (std::uint64_t i = 0; i < 30000; ++i) {
    std::string w;
    std::uint64_t x = i * 2654435761u + 7;
    const int length = 3 + static_cast<int>(x % 7);
    for (int c = 0; c < length; ++c, x /= 23) w += static_cast<char>('a' + x % 23);
    out.push_back(w);
  }
  return out;
}

std::vector<std::string> han_characters() {
  std::vector<std::string> out;
  for (char32_t c = 0x4E00; c < 0x4E00 + 3000; ++c)  // three UTF-8 bytes each
    out.push_back({static_cast<char>(0xE0 | (c >> 12)), static_cast<char>(0x80 | ((c >> 6) & 0x3F)),
                   static_cast<char>(0x80 | (c & 0x3F))});
  return out;
}

std::string join(const std::vector<std::string>& words, std::size_t n, const char* sep = " ") {
  std::string out;
  for (std::size_t i = 0; i < words.size() && i < n; ++i) (out += i ? sep : "") += words[i];
  return out;
}

class Generator {
 public:
  Generator(std::size_t count, std::uint32_t feeds, std::mt19937_64& rng)
      : count_(count), feeds_(std::max<std::uint32_t>(feeds, 2)), rng_(rng), latin_(latin_words(), rng), han_(han_characters(), rng) {
    items_.reserve(count);
  }

  std::vector<Synthetic> run() {
    while (items_.size() < count_) {
      const int roll = percent();
      if (roll < 5) {
        cjk_family();
      } else if (roll < 10) {
        title_only_family();
      } else if (roll < 12) {
        template_family();
      } else {
        text_family();
      }
    }
    items_.resize(count_);
    return std::move(items_);
  }

 private:
  int percent() { return std::uniform_int_distribution<int>(0, 99)(rng_); }
  std::size_t below(std::size_t n) { return std::uniform_int_distribution<std::size_t>(0, n - 1)(rng_); }
  std::uint32_t any_feed() { return static_cast<std::uint32_t>(below(feeds_)); }
  std::uint32_t other_feed(std::uint32_t than) { return (than + 1 + static_cast<std::uint32_t>(below(feeds_ - 1))) % feeds_; }

  std::size_t add(std::string title, std::string body, std::uint32_t feed, Kind kind, std::size_t original) {
    items_.push_back({std::move(title), std::move(body), group_, feed, original, kind});
    return items_.size() - 1;
  }

  std::string copy_title(int c) { return join(latin_.text(7), 7) + (percent() < 60 ? " - Outlet " + std::to_string(c) : ""); }

  void edit(std::vector<std::string>& words, std::size_t from, std::size_t to) { words[from + below(to - from)] = latin_.any(); }

  // What syndication does to the lead, by kind.
  std::string copy_body(std::vector<std::string> words, Kind kind) {
    std::size_t keep = 35 + below(26);
    switch (kind) {
      case Kind::copy_one_edit: edit(words, 0, 32); break;
      case Kind::copy_both_halves: edit(words, 0, 16); edit(words, 16, 32); break;
      case Kind::copy_three_edits: for (int e = 0; e < 3; ++e) edit(words, 0, 32); break;
      case Kind::copy_truncated: keep = 14 + below(18); break;
      default: break;
    }
    std::string text = join(words, keep);
    if (kind == Kind::copy_boilerplate_first) text = "Subscribe to our newsletter for the latest news. " + text;
    if (percent() < 50) text += " Read more at the outlet. Subscribe to our newsletter.";
    if (percent() < 20)
      for (char& ch : text) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
    return text;
  }

  void text_family() {
    const std::vector<std::string> title = latin_.text(9);
    const std::vector<std::string> body = latin_.text(80);
    const std::uint32_t feed = any_feed();
    const std::size_t original = add(join(title, 9), join(body, 80), feed, Kind::original, 0);
    if (percent() < 30) {
      static constexpr std::array kinds{Kind::copy_retitled, Kind::copy_one_edit, Kind::copy_both_halves,
                                        Kind::copy_three_edits, Kind::copy_truncated, Kind::copy_boilerplate_first};
      const int copies = 1 + percent() % 8;
      for (int c = 0; c < copies; ++c) {
        const Kind kind = kinds[below(kinds.size())];
        add(copy_title(c), copy_body(body, kind), other_feed(feed), kind, original);
      }
    }
    ++group_;
    if (percent() < 10) same_event(title, body, feed);
  }

  // Another outlet's article: the title's words, three of the names and a
  // five-word quote of the original in otherwise independent text.
  void same_event(const std::vector<std::string>& title, const std::vector<std::string>& body, std::uint32_t feed) {
    std::vector<std::string> own = latin_.text(80);
    own[3] = body[2], own[11] = body[9], own[25] = body[20];
    std::copy(body.begin() + 10, body.begin() + 15, own.begin() + 14);
    add(join(title, 6) + " " + latin_.any(), join(own, 80), other_feed(feed), Kind::same_event, 0);
    ++group_;
  }

  void cjk_family() {
    const std::vector<std::string> body = han_.text(120);
    const std::uint32_t feed = any_feed();
    const std::size_t original = add(join(han_.text(12), 12, ""), join(body, 120, ""), feed, Kind::cjk_original, 0);
    if (percent() < 30)
      for (int c = 0, copies = 1 + percent() % 3; c < copies; ++c) {
        std::vector<std::string> copy = body;
        copy[below(32)] = han_.any();
        add(join(han_.text(10), 10, ""), join(copy, 40 + below(80), ""), other_feed(feed), Kind::copy_cjk, original);
      }
    ++group_;
  }

  void title_only_family() {
    const std::string title = join(latin_.text(9), 9);
    const std::uint32_t feed = any_feed();
    const std::size_t original = add(title, "", feed, Kind::title_only, 0);
    if (percent() < 50)
      for (int c = 0, copies = 1 + percent() % 3; c < copies; ++c)
        add(title + " - Outlet " + std::to_string(c), "", other_feed(feed), Kind::copy_title_only, original);
    ++group_;
  }

  // One feed's template with six slots in the lead (a results notice, a
  // price alert): each item is its own story. Another feed uses it once.
  void template_family() {
    const std::vector<std::string> shape = latin_.text(40);
    const std::uint32_t feed = any_feed();
    const int items = 3 + percent() % 4;
    for (int i = 0; i <= items; ++i) {
      std::vector<std::string> words = shape;
      for (const std::size_t slot : {2, 7, 12, 18, 23, 28}) words[slot] = latin_.any();
      const std::string body = join(words, 40) + " " + join(latin_.text(30), 30);
      const bool other = i == items;
      add(join(latin_.text(8), 8), body, other ? other_feed(feed) : feed,
          other ? Kind::template_other_feed : Kind::template_same_feed, 0);
      ++group_;
    }
  }

  std::size_t count_;
  std::uint32_t feeds_;
  std::mt19937_64& rng_;
  Zipf latin_, han_;
  std::vector<Synthetic> items_;
  std::uint32_t group_ = 0;
};

}  // namespace

const char* kind_name(Kind kind) {
  static constexpr std::array<const char*, kind_count> names{
      "original",           "original (CJK)",       "original (title only)",
      "copy: retitled",     "copy: one edit",       "copy: edits in both halves",
      "copy: three edits",  "copy: cut to 14-31 words", "copy: boilerplate first",
      "copy: CJK",          "copy: title only",     "negative: same event",
      "negative: template, same feed", "negative: template, other feed"};
  return names[static_cast<std::size_t>(kind)];
}

bool is_copy(Kind kind) {
  switch (kind) {
    case Kind::copy_retitled: case Kind::copy_one_edit: case Kind::copy_both_halves: case Kind::copy_three_edits:
    case Kind::copy_truncated: case Kind::copy_boilerplate_first: case Kind::copy_cjk: case Kind::copy_title_only:
      return true;
    default:
      return false;
  }
}

std::vector<Synthetic> generate(std::size_t count, std::mt19937_64& rng, std::uint32_t feeds) {
  return Generator(count, feeds, rng).run();
}

}  // namespace feedsieve::bench
