#pragma once
// Events: a new story joins the event of the most similar story (by
// distinctive terms, feeds/dedup/event_terms.hpp) dated within event_window
// of it. An event is named by the story_id of its first story, and a story's
// event_id, once set, never changes.
#include <SQLiteCpp/SQLiteCpp.h>

#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "daemon/store/term_cache.hpp"

namespace feedsieve::store_detail {

inline constexpr std::chrono::hours event_window{48};

// One lives for one poll (one transaction); what it reads of story_terms
// it keeps in `cache`, which outlives it (term_cache.hpp).
class EventMatcher {
 public:
  EventMatcher(SQLite::Database& db, TermCache& cache);

  // Records the new story's terms and joins it to an event when one fits.
  void assign(std::int64_t story, const std::string& title, const std::string& body,
              const std::optional<std::string>& date);

  // The SQL of the lookups, for checking their query plans.
  static std::vector<std::string> statements();

 private:
  struct Candidate {
    std::int64_t story;
    std::string story_id;
    std::optional<std::string> event_id;
    std::vector<std::string> terms;
  };
  // Per term, its stories counted up to just past max_term_stories; the
  // other stories with at least min_shared_event_terms of the rare terms,
  // with how many they have.
  struct Counts {
    std::unordered_map<std::string, double> frequency;
    std::vector<std::pair<std::int64_t, int>> shared;
  };
  void insert_terms(std::int64_t story, const std::vector<std::string>& terms);
  Counts count(std::int64_t story, const std::vector<std::string>& terms);
  // The stories of a term, read or remembered; nullptr for a common term.
  const std::vector<std::int64_t>* stories_of(const std::string& term);
  std::vector<Candidate> candidates(const Counts& counts, const std::optional<std::string>& date);
  std::unordered_map<std::int64_t, Candidate> in_window(const std::vector<std::int64_t>& stories,
                                                        const std::optional<std::string>& date);
  const std::vector<std::string>& terms_of(std::int64_t story, const std::vector<Candidate>& wanted);
  void join(std::int64_t story, const Candidate& with, const std::string& reason);

  SQLite::Database& db_;
  SQLite::Statement insert_terms_, stories_of_, in_window_, terms_of_, set_event_;
  TermCache& cache_;
  // count()'s tally by stories.id (rowids are dense), all zero between
  // stories: a new story meets thousands of stories through its terms.
  std::vector<std::uint8_t> tally_;
};

}  // namespace feedsieve::store_detail
