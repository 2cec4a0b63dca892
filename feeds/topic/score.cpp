// Scoring: the item's fields are tokenized once; every term is then a
// token-run search over them. Items are short next to the cost of the
// daemon's I/O, so the plain scan is fast enough (see bench/dedup).
#include <algorithm>
#include <cstdio>
#include <string_view>
#include <unordered_set>

#include "feeds/text/normalize.hpp"
#include "feeds/topic/topic.hpp"

namespace feedsieve {
namespace {

struct Field {
  std::vector<Token> tokens;
};

struct Fields {
  Field title;
  Field body;  // summary then content
};

Fields tokenize(const TopicText& text) {
  Fields f;
  f.title.tokens = tokenize_for_compare(text.title);
  f.body.tokens = tokenize_for_compare(text.summary);
  std::vector<Token> content = tokenize_for_compare(text.content);
  f.body.tokens.insert(f.body.tokens.end(), std::make_move_iterator(content.begin()),
                       std::make_move_iterator(content.end()));
  return f;
}

bool contains(const Field& field, const std::vector<Token>& phrase, bool case_sensitive) {
  if (phrase.empty() || phrase.size() > field.tokens.size()) return false;
  const auto same = [case_sensitive](const Token& a, const Token& b) {
    return case_sensitive ? a.text == b.text : a.folded == b.folded;
  };
  return std::search(field.tokens.begin(), field.tokens.end(), phrase.begin(), phrase.end(), same) !=
         field.tokens.end();
}

enum class Where { nowhere, body, title };

Where find_phrase(const Fields& f, const std::vector<Token>& phrase, bool case_sensitive) {
  if (contains(f.title, phrase, case_sensitive)) return Where::title;
  if (contains(f.body, phrase, case_sensitive)) return Where::body;
  return Where::nowhere;
}

Where find_term(const Fields& f, const std::string& term, bool case_sensitive) {
  return find_phrase(f, tokenize_for_compare(term), case_sensitive);
}

// What a phrase matches: its words, folded unless case matters.
std::string phrase_key(const std::vector<Token>& phrase, bool case_sensitive) {
  std::string key(case_sensitive ? "=" : "~");
  for (const Token& t : phrase) (key += '\x1f') += case_sensitive ? t.text : t.folded;
  return key;
}

Where find_any(const Fields& f, const std::vector<std::string>& terms) {
  Where best = Where::nowhere;
  for (const std::string& term : terms) best = std::max(best, find_term(f, term, false));
  return best;
}

// Spellings that match the same words ("open-weights" and "open weights")
// are one term: the first of them in the profile counts, once.
void score_terms(const TopicProfile& profile, const Fields& f, TopicVerdict& v) {
  std::unordered_set<std::string> counted;
  for (const TermSet& set : profile.terms) {
    for (const std::string& term : set.terms) {
      const std::vector<Token> phrase = tokenize_for_compare(term);
      if (!counted.insert(phrase_key(phrase, set.case_sensitive)).second) continue;
      const Where where = find_phrase(f, phrase, set.case_sensitive);
      if (where == Where::nowhere) continue;
      const bool title = where == Where::title;
      v.matches.push_back({term, title, set.weight * (title ? profile.title_weight : 1.0)});
    }
  }
}

void score_groups(const TopicProfile& profile, const Fields& f, TopicVerdict& v) {
  for (const TermGroup& group : profile.groups) {
    Where weakest = Where::title;
    for (const auto& list : group.all) weakest = std::min(weakest, find_any(f, list));
    if (group.all.empty() || weakest == Where::nowhere) continue;
    const bool title = weakest == Where::title;
    v.matches.push_back({"group " + group.name, title, group.weight * (title ? profile.title_weight : 1.0)});
  }
}

}  // namespace

TopicVerdict score_topic(const TopicProfile& profile, const TopicText& text, double feed_weight) {
  TopicVerdict v;
  if (profile.empty()) return v;
  const Fields f = tokenize(text);
  score_terms(profile, f, v);
  score_groups(profile, f, v);
  double sum = 0;
  for (const TopicMatch& m : v.matches) sum += m.points;
  v.score = sum * feed_weight;
  v.on_topic = v.score >= profile.threshold;
  return v;
}

std::string describe_verdict(const TopicVerdict& verdict, const TopicProfile& profile, double feed_weight) {
  if (profile.empty()) return "topic: no [topic] profile, every item is kept (score 0)\n";
  std::string out;
  char line[512];
  for (const TopicMatch& m : verdict.matches) {
    std::snprintf(line, sizeof line, "  %+7.2f  %s (%s)\n", m.points, m.what.c_str(), m.in_title ? "title" : "body");
    out += line;
  }
  if (verdict.matches.empty()) out += "  no term or group of the profile matched\n";
  std::snprintf(line, sizeof line, "topic: score %.2f (sum x feed weight %.2f), threshold %.2f: %s\n", verdict.score,
                feed_weight, profile.threshold, verdict.on_topic ? "on topic" : "off topic");
  return out + line;
}

}  // namespace feedsieve
