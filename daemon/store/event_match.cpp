#include "daemon/store/event_match.hpp"

#include <boost/json.hpp>
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <unordered_map>

#include "daemon/store/optional_text.hpp"
#include "feeds/date/date.hpp"
#include "feeds/dedup/event_terms.hpp"

namespace feedsieve::store_detail {
namespace {

constexpr int max_candidates = 20;
constexpr double idf_floor_stories = 1000;
// A term in more stories than this names no happening ("model", "china"):
// it takes no part in matching, and counting its stories stops there, so a
// new story costs the same in a store of a million.
constexpr int max_term_stories = 1000;

constexpr const char* candidates_sql =
    "SELECT s.id, s.story_id, s.event_id FROM story_terms t JOIN stories s ON s.id = t.story_id"
    " WHERE t.term IN (SELECT value FROM json_each(:terms)) AND s.id != :story"
    " AND s.sort_time BETWEEN :from AND :to"
    " GROUP BY s.id HAVING count(*) >= :min_shared ORDER BY count(*) DESC, s.id LIMIT :limit";

constexpr const char* terms_of_sql = "SELECT term FROM story_terms WHERE story_id = :story";
constexpr const char* frequency_sql = "SELECT count(*) FROM (SELECT 1 FROM story_terms WHERE term = :term LIMIT :cap)";

std::string window_edge(const std::optional<std::string>& date, std::chrono::hours by) {
  const auto parsed = date ? parse_date(*date) : std::nullopt;
  if (!parsed) return by.count() < 0 ? "" : "~";
  return format_rfc3339(std::chrono::time_point_cast<std::chrono::seconds>(*parsed + by));
}

std::string as_json(const std::vector<std::string>& terms) {
  boost::json::array array;
  for (const std::string& t : terms) array.emplace_back(t);
  return boost::json::serialize(array);
}

std::string shared_list(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::string out;
  for (const std::string& t : a)
    if (std::find(b.begin(), b.end(), t) != b.end()) out += (out.empty() ? "" : ", ") + t;
  return out;
}

}  // namespace

EventMatcher::EventMatcher(SQLite::Database& db)
    : db_(db),
      insert_term_(db, "INSERT OR IGNORE INTO story_terms (term, story_id) VALUES (:term, :story)"),
      candidates_(db, candidates_sql),
      terms_of_(db, terms_of_sql),
      frequency_(db, frequency_sql),
      set_event_(db, "UPDATE stories SET event_id = :event, event_reason = :reason WHERE id = :story"
                     " AND event_id IS NULL") {}

std::vector<std::string> EventMatcher::statements() { return {candidates_sql, terms_of_sql, frequency_sql}; }

void EventMatcher::assign(std::int64_t story, const std::string& title, const std::string& body,
                          const std::optional<std::string>& date) {
  const std::vector<std::string> terms = distinctive_terms(title, body);
  for (const std::string& term : terms) {
    insert_term_.reset();
    insert_term_.bind(":term", term);
    insert_term_.bind(":story", story);
    insert_term_.exec();
  }
  // IDF over the stories: rare terms name the event. A young store's counts
  // say little (in a store of two stories every shared term looks common),
  // so the count is taken as at least idf_floor_stories. The highest row id
  // stands for the count: exact but for pruned stories, and free to read.
  const std::unordered_map<std::string, double> df = frequencies(terms);
  std::vector<std::string> rare;
  for (const std::string& t : terms)
    if (df.at(t) <= max_term_stories) rare.push_back(t);
  const std::vector<Candidate> found = candidates(story, as_json(rare), date);
  if (found.empty()) return;
  const double stories =
      std::max(idf_floor_stories, db_.execAndGet("SELECT coalesce(max(id), 0) FROM stories").getDouble());
  const auto idf = [&](const std::string& t) {
    const auto it = df.find(t);
    const double n = it == df.end() ? 0 : it->second;
    return n > max_term_stories ? 0.0 : std::log((stories + 1) / (n + 1)) + 1;
  };

  const Candidate* best = nullptr;
  double best_score = min_event_similarity;
  for (const Candidate& c : found) {
    const double score = event_similarity(terms, c.terms, idf);
    if (score >= best_score) best = &c, best_score = score;
  }
  if (best == nullptr) return;
  char reason[96];
  std::snprintf(reason, sizeof reason, "term similarity %.2f with story %s (threshold %.2f); shared: ", best_score,
                best->story_id.c_str(), min_event_similarity);
  join(story, *best, reason + shared_list(terms, best->terms));
}

std::unordered_map<std::string, double> EventMatcher::frequencies(const std::vector<std::string>& terms) {
  std::unordered_map<std::string, double> out;
  for (const std::string& t : terms) {
    frequency_.reset();
    frequency_.bind(":term", t);
    frequency_.bind(":cap", max_term_stories + 1);
    out[t] = frequency_.executeStep() ? frequency_.getColumn(0).getDouble() : 0;
  }
  return out;
}

std::vector<EventMatcher::Candidate> EventMatcher::candidates(std::int64_t story, const std::string& terms_json,
                                                              const std::optional<std::string>& date) {
  std::vector<Candidate> out;
  candidates_.reset();
  candidates_.bind(":terms", terms_json);
  candidates_.bind(":story", story);
  candidates_.bind(":from", window_edge(date, -event_window));
  candidates_.bind(":to", window_edge(date, event_window));
  candidates_.bind(":min_shared", static_cast<int>(min_shared_event_terms));
  candidates_.bind(":limit", max_candidates);
  while (candidates_.executeStep())
    out.push_back({candidates_.getColumn(0).getInt64(), candidates_.getColumn(1).getString(),
                   column_optional(candidates_.getColumn(2)), {}});
  for (Candidate& c : out) {
    terms_of_.reset();
    terms_of_.bind(":story", c.story);
    while (terms_of_.executeStep()) c.terms.push_back(terms_of_.getColumn(0).getString());
  }
  return out;
}

void EventMatcher::join(std::int64_t story, const Candidate& with, const std::string& reason) {
  const std::string event = with.event_id.value_or(with.story_id);
  if (!with.event_id) {
    set_event_.reset();
    set_event_.bind(":event", event);
    set_event_.bind(":reason", "first story of the event");
    set_event_.bind(":story", with.story);
    set_event_.exec();
  }
  set_event_.reset();
  set_event_.bind(":event", event);
  set_event_.bind(":reason", reason);
  set_event_.bind(":story", story);
  set_event_.exec();
}

}  // namespace feedsieve::store_detail
