#include "daemon/store/term_cache.hpp"

namespace feedsieve::store_detail {
namespace {

// About 8 bytes a story of a term and 32 to 60 a term of a story (a string,
// its heap text when long), plus the maps' nodes: a million entries are some
// tens of megabytes, then it starts again. Counting walks the maps, so it is
// done every so many polls: the bound is overshot by at most what those polls read.
constexpr std::size_t max_entries = 1'000'000;
constexpr unsigned polls_between_counts = 64;

}  // namespace

TermCache::State TermCache::state(SQLite::Database& db) {
  return {db.execAndGet("PRAGMA data_version").getInt64(), static_cast<std::int64_t>(db.getTotalChanges())};
}

void TermCache::begin(SQLite::Database& db) {
  const bool count = ++polls_ % polls_between_counts == 0;
  if (trusted_ != state(db) || (count && entries() > max_entries)) clear();
  trusted_.reset();
  pending_.reset();
}

void TermCache::committing(SQLite::Database& db) { pending_ = state(db); }

void TermCache::committed() {
  trusted_ = pending_;
  pending_.reset();
}

std::size_t TermCache::entries() const {
  std::size_t n = common.size();
  for (const auto& [term, stories] : rare) n += 1 + stories.size();
  for (const auto& [story, story_terms] : terms) n += 1 + story_terms.size();
  return n;
}

void TermCache::clear() {
  rare.clear();
  common.clear();
  terms.clear();
}

}  // namespace feedsieve::store_detail
