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
// count() tallies the stories below this id in a byte array (a new story
// has at most max_event_terms terms, so a count fits a byte).
constexpr std::int64_t dense_ids = std::int64_t{1} << 26;
static_assert(max_event_terms < 256);

// A term's stories, read once for both its frequency and its candidates:
// a rare term's are all of them, a common one's stop just past the cap.
constexpr const char* stories_of_sql = "SELECT story_id FROM story_terms WHERE term = :term LIMIT :cap";
// A candidate counts only when it is dated near the new story. Both take a
// JSON array of stories.id: one statement for all of a new story's candidates.
constexpr const char* in_window_sql =
    "SELECT id, story_id, event_id FROM stories WHERE id IN (SELECT value FROM json_each(:stories))"
    " AND sort_time BETWEEN :from AND :to";
constexpr const char* terms_of_sql =
    "SELECT story_id, term FROM story_terms WHERE story_id IN (SELECT value FROM json_each(:stories))";

std::string window_edge(const std::optional<std::string>& date, std::chrono::hours by) {
  const auto parsed = date ? parse_date(*date) : std::nullopt;
  if (!parsed) return by.count() < 0 ? "" : "~";
  return format_rfc3339(std::chrono::time_point_cast<std::chrono::seconds>(*parsed + by));
}

// Terms or story ids as one bound JSON array, for json_each.
template <typename Value>
std::string json_array(const std::vector<Value>& values) {
  boost::json::array array;
  for (const Value& v : values) array.emplace_back(v);
  return boost::json::serialize(array);
}

std::string shared_list(const std::vector<std::string>& a, const std::vector<std::string>& b) {
  std::string out;
  for (const std::string& t : a)
    if (std::find(b.begin(), b.end(), t) != b.end()) out += (out.empty() ? "" : ", ") + t;
  return out;
}

}  // namespace

EventMatcher::EventMatcher(SQLite::Database& db, TermCache& cache)
    : db_(db),
      insert_terms_(db,
                    "INSERT OR IGNORE INTO story_terms (term, story_id) SELECT value, :story FROM json_each(:terms)"),
      stories_of_(db, stories_of_sql),
      in_window_(db, in_window_sql),
      terms_of_(db, terms_of_sql),
      set_event_(db, "UPDATE stories SET event_id = :event, event_reason = :reason WHERE id = :story"
                     " AND event_id IS NULL"),
      cache_(cache) {}

std::vector<std::string> EventMatcher::statements() { return {stories_of_sql, in_window_sql, terms_of_sql}; }

void EventMatcher::assign(std::int64_t story, const std::string& title, const std::string& body,
                          const std::optional<std::string>& date) {
  const std::vector<std::string> terms = distinctive_terms(title, body);
  insert_terms(story, terms);
  const Counts counts = count(story, terms);
  const std::vector<Candidate> found = candidates(counts, date);
  if (found.empty()) return;
  // IDF over the stories: rare terms name the event. A young store's counts
  // say little (in a store of two stories every shared term looks common),
  // so the count is taken as at least idf_floor_stories. The highest row id
  // stands for the count: exact but for pruned stories, and free to read.
  const double stories =
      std::max(idf_floor_stories, db_.execAndGet("SELECT coalesce(max(id), 0) FROM stories").getDouble());
  const auto weight = [&](double n) { return n > max_term_stories ? 0.0 : std::log((stories + 1) / (n + 1)) + 1; };
  // The new story's terms weighed once; any other (a candidate's own) weighs as a term of no story.
  std::unordered_map<std::string, double> weights;
  for (const auto& [t, n] : counts.frequency) weights.emplace(t, weight(n));
  const double unseen = weight(0);
  const auto idf = [&](const std::string& t) {
    const auto it = weights.find(t);
    return it == weights.end() ? unseen : it->second;
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

void EventMatcher::insert_terms(std::int64_t story, const std::vector<std::string>& terms) {
  insert_terms_.reset();
  insert_terms_.bind(":terms", json_array(terms));
  insert_terms_.bind(":story", story);
  // A new story has no rows yet; should one have been there, what is
  // remembered of it and of those terms is read again.
  const bool all_new = insert_terms_.exec() == static_cast<int>(terms.size());
  std::vector<std::string> sorted = terms;  // in the order story_terms_by_story reads them
  std::sort(sorted.begin(), sorted.end());
  if (all_new) {
    cache_.terms.insert_or_assign(story, std::move(sorted));
  } else {
    cache_.terms.erase(story);
  }
  for (const std::string& term : terms) {
    const auto known = cache_.rare.find(term);
    if (known == cache_.rare.end()) continue;
    if (!all_new) {
      cache_.rare.erase(known);
      continue;
    }
    known->second.push_back(story);
    if (known->second.size() > static_cast<std::size_t>(max_term_stories)) {
      cache_.common.insert(term);
      cache_.rare.erase(known);
    }
  }
}

// The new story's own terms are stored already, so it counts in the
// frequencies (as every stored story does) but is no candidate of its own.
EventMatcher::Counts EventMatcher::count(std::int64_t story, const std::vector<std::string>& terms) {
  Counts out;
  std::vector<std::int64_t> met;
  std::unordered_map<std::int64_t, int> beyond;  // ids past dense_ids, which rowids do not reach in practice
  for (const std::string& t : terms) {
    const std::vector<std::int64_t>* stories = stories_of(t);
    out.frequency[t] = stories ? static_cast<double>(stories->size()) : max_term_stories + 1;
    if (stories == nullptr) continue;
    for (const std::int64_t id : *stories) {
      if (id == story) continue;
      if (id < 0 || id >= dense_ids) {
        ++beyond[id];
        continue;
      }
      const auto at = static_cast<std::size_t>(id);
      if (at >= tally_.size()) tally_.resize(std::max(at + 1, 2 * tally_.size()));
      if (tally_[at]++ == 0) met.push_back(id);
    }
  }
  const auto enough = [](int shared) { return shared >= static_cast<int>(min_shared_event_terms); };
  for (const std::int64_t id : met) {
    std::uint8_t& shared = tally_[static_cast<std::size_t>(id)];
    if (enough(shared)) out.shared.emplace_back(id, shared);
    shared = 0;
  }
  for (const auto& [id, shared] : beyond)
    if (enough(shared)) out.shared.emplace_back(id, shared);
  return out;
}

// One index range per term, read up to just past the cap, and remembered.
const std::vector<std::int64_t>* EventMatcher::stories_of(const std::string& term) {
  if (cache_.common.count(term) != 0) return nullptr;
  if (const auto known = cache_.rare.find(term); known != cache_.rare.end()) return &known->second;
  stories_of_.reset();
  stories_of_.bind(":term", term);
  stories_of_.bind(":cap", max_term_stories + 1);
  std::vector<std::int64_t> ids;
  while (stories_of_.executeStep()) ids.push_back(stories_of_.getColumn(0).getInt64());
  if (ids.size() > static_cast<std::size_t>(max_term_stories)) {
    cache_.common.insert(term);
    return nullptr;
  }
  return &cache_.rare.emplace(term, std::move(ids)).first->second;
}

// The stories sharing at least min_shared_event_terms rare terms, most
// shared first (then the oldest), of those dated within the window: the
// first max_candidates of them, with their terms.
std::vector<EventMatcher::Candidate> EventMatcher::candidates(const Counts& counts,
                                                              const std::optional<std::string>& date) {
  std::vector<std::pair<int, std::int64_t>> ranked;  // (-shared, story): sorts as wanted
  for (const auto& [id, shared] : counts.shared) ranked.emplace_back(-shared, id);
  if (ranked.empty()) return {};
  std::sort(ranked.begin(), ranked.end());
  // Looked up max_candidates at a time, in rank order: most stores date
  // most candidates within the window, and many stories can share three terms.
  std::vector<Candidate> out;
  for (std::size_t from = 0; from < ranked.size() && out.size() < static_cast<std::size_t>(max_candidates);
       from += max_candidates) {
    std::vector<std::int64_t> ids;
    for (std::size_t i = from; i < std::min(ranked.size(), from + max_candidates); ++i) ids.push_back(ranked[i].second);
    std::unordered_map<std::int64_t, Candidate> near = in_window(ids, date);
    for (const std::int64_t id : ids)
      if (const auto it = near.find(id); it != near.end() && out.size() < static_cast<std::size_t>(max_candidates))
        out.push_back(std::move(it->second));
  }
  for (Candidate& c : out) c.terms = terms_of(c.story, out);
  return out;
}

std::unordered_map<std::int64_t, EventMatcher::Candidate> EventMatcher::in_window(
    const std::vector<std::int64_t>& stories, const std::optional<std::string>& date) {
  in_window_.reset();
  in_window_.bind(":stories", json_array(stories));
  in_window_.bind(":from", window_edge(date, -event_window));
  in_window_.bind(":to", window_edge(date, event_window));
  std::unordered_map<std::int64_t, Candidate> out;
  while (in_window_.executeStep()) {
    const std::int64_t id = in_window_.getColumn(0).getInt64();
    out.emplace(id, Candidate{id, in_window_.getColumn(1).getString(), column_optional(in_window_.getColumn(2)), {}});
  }
  return out;
}

// A story's terms never change once stored, so what was read or written is
// kept; the first story not known reads those of all `wanted` at once.
const std::vector<std::string>& EventMatcher::terms_of(std::int64_t story, const std::vector<Candidate>& wanted) {
  if (const auto known = cache_.terms.find(story); known != cache_.terms.end()) return known->second;
  std::vector<std::int64_t> missing;
  for (const Candidate& c : wanted)
    if (cache_.terms.count(c.story) == 0) missing.push_back(c.story);
  terms_of_.reset();
  terms_of_.bind(":stories", json_array(missing));
  for (const std::int64_t id : missing) cache_.terms[id];  // a story without terms has none
  while (terms_of_.executeStep())
    cache_.terms[terms_of_.getColumn(0).getInt64()].push_back(terms_of_.getColumn(1).getString());
  for (const std::int64_t id : missing) std::sort(cache_.terms[id].begin(), cache_.terms[id].end());
  return cache_.terms[story];
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
