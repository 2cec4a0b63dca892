#pragma once
// The topic profile and the pure scoring of one item against it.
//
// A term is a phrase of words; it matches a run of whole tokens (see
// feeds/text/normalize.hpp), so "yi" never matches inside "yield", and a CJK
// term matches a run of characters anywhere. Terms ignore case unless the
// entry asks for case. Each distinct term counts once per item: weight x
// title_weight when it is in the title, weight when only in the body.
// A group matches when every one of its term lists has a match somewhere in
// the item; it then adds its weight (x title_weight when all lists matched in
// the title). Negative weights are the negative terms. The item's score is
// the sum times the feed's weight; it is on topic at score >= threshold.
#include <string>
#include <vector>

namespace feedsieve {

struct TermSet {
  std::vector<std::string> terms;
  double weight = 1.0;
  bool case_sensitive = false;

  bool operator==(const TermSet&) const = default;
};

struct TermGroup {
  std::string name;
  std::vector<std::vector<std::string>> all;  // every list must match (each: any of its terms)
  double weight = 1.0;

  bool operator==(const TermGroup&) const = default;
};

struct TopicProfile {
  std::vector<TermSet> terms;
  std::vector<TermGroup> groups;
  double threshold = 1.0;
  double title_weight = 2.0;

  // A profile with no terms and no groups keeps everything (score 0, on topic).
  bool empty() const { return terms.empty() && groups.empty(); }
  bool operator==(const TopicProfile&) const = default;
};

struct TopicText {
  std::string title;
  std::string summary;  // plain text
  std::string content;  // plain text (not HTML)
};

struct TopicMatch {
  std::string what;    // the term, or "group NAME"
  bool in_title = false;
  double points = 0;   // what it added to the score (before the feed weight)
};

struct TopicVerdict {
  double score = 0;
  bool on_topic = true;
  std::vector<TopicMatch> matches;  // in profile order
};

TopicVerdict score_topic(const TopicProfile& profile, const TopicText& text, double feed_weight = 1.0);

// One line per match and a verdict line, for `feedsieve explain`.
std::string describe_verdict(const TopicVerdict& verdict, const TopicProfile& profile, double feed_weight);

}  // namespace feedsieve
