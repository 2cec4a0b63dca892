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

namespace feedsieve::store_detail {

inline constexpr std::chrono::hours event_window{48};

class EventMatcher {
 public:
  explicit EventMatcher(SQLite::Database& db);

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
  // Stories per term, counted up to just past max_term_stories.
  std::unordered_map<std::string, double> frequencies(const std::vector<std::string>& terms);
  std::vector<Candidate> candidates(std::int64_t story, const std::string& terms_json,
                                    const std::optional<std::string>& date);
  void join(std::int64_t story, const Candidate& with, const std::string& reason);

  SQLite::Database& db_;
  SQLite::Statement insert_term_, candidates_, terms_of_, frequency_, set_event_;
};

}  // namespace feedsieve::store_detail
