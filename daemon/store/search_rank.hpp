#pragma once
// The rank of a ranked search: the FTS5 auxiliary function story_rank, and the
// document frequencies a query gives it. FTS5's own bm25() counts the stories
// of every phrase over the whole index before it ranks a single row, which
// costs as much as the phrase is common; story_rank is bm25 with that count
// taken as an argument, so the caller can bound its cost.
#include <SQLiteCpp/SQLiteCpp.h>

#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "daemon/store/statement_cache.hpp"

namespace feedsieve::store_detail {

// Registers story_rank, story_index_rows and story_index_tokens on `db`;
// every connection a Store opens needs them. Throws SQLite::Exception when it
// cannot.
//
// story_rank(table, N, T, F0, F1, ...) is bm25 (k1 = 1.2, b = 0.75, every
// column weighted 1) of the current row of the full-text table, negated as
// bm25() is (lower is better), over a corpus of N rows of T tokens in all:
// both verdicts' tables together (rank_corpus), so that the ranks of rows of
// either table compare. N or T other than an INTEGER (NULL) is the table's
// own. Fi stands for phrase i's document frequency: an INTEGER is the number
// of rows that contain it, a REAL the share of rows that do; phrase i then
// weighs log((N - n + 0.5) / (n + 0.5)) as in bm25() (n clamped to 0..N, at
// least 1e-6). A phrase without an argument weighs 1: with a single phrase
// the weight scales every score alike and cannot change the order.
// The last argument, when the call has more than one a phrase or it is a blob
// (story_rank(t, N, T, F0, F1, d.sz), story_rank(t, N, T, d.sz)), gives the
// row's record in the table's _docsize, which the query joins by rowid for
// less than story_rank's own lookup costs; one that is not such a record
// (NULL, text, a blob of another shape) is ignored and the sizes are looked up.
//
// story_index_rows(table) and story_index_tokens(table) are the table's row
// and token counts, in any query of it.
void register_search_functions(SQLite::Database& db);

// The rows and tokens of both full-text tables, which story_rank's N and T take.
struct RankCorpus {
  std::int64_t rows = 0;
  std::int64_t tokens = 0;
};

RankCorpus rank_corpus(SQLite::Database& db, StatementCache& statements);

// How many stories contain a phrase: counted, or the share of the newest
// stories that contain it.
using PhraseFrequency = std::variant<std::int64_t, double>;

struct FrequencyLimits {
  std::int64_t exact_below = 5'000;  // a phrase in fewer stories is counted exactly
  std::int64_t sample = 5'000;       // else its share of this many newest stories is measured
};

// The frequency of each FTS5 phrase (fts_phrases) in both full-text tables.
// Each costs at most exact_below matches read, plus, for a common phrase,
// `sample` entries of stories_by_sort_time and the phrase's matches among them.
// Statements come from `statements`, the cache of db's connection.
std::vector<PhraseFrequency> phrase_frequencies(SQLite::Database& db, StatementCache& statements,
                                                const std::vector<std::string>& phrases,
                                                const FrequencyLimits& limits = {});

// The same frequencies, with statements of their own.
std::vector<PhraseFrequency> phrase_frequencies(SQLite::Database& db, const std::vector<std::string>& phrases,
                                                const FrequencyLimits& limits = {});

// Binds frequencies[i] to the parameter named prefix + i.
void bind_frequencies(SQLite::Statement& statement, const std::string& prefix,
                      const std::vector<PhraseFrequency>& frequencies);

}  // namespace feedsieve::store_detail
