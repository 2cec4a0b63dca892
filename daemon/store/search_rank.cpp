#include "daemon/store/search_rank.hpp"

#include <sqlite3.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <functional>
#include <limits>
#include <memory>
#include <new>
#include <optional>

#include "daemon/store/fts_query.hpp"

namespace feedsieve::store_detail {
namespace {

// bm25's constants, as FTS5's bm25() has them.
constexpr double k1 = 1.2;
constexpr double b = 0.75;

// An argument story_rank's weights were worked out from.
struct Argument {
  int type = SQLITE_NULL;
  sqlite3_int64 integer = 0;
  double real = 0.0;
  bool operator==(const Argument&) const = default;
};

Argument argument_of(sqlite3_value* value) {
  const int type = sqlite3_value_type(value);
  return Argument{type, type == SQLITE_INTEGER ? sqlite3_value_int64(value) : 0,
                  type == SQLITE_FLOAT ? sqlite3_value_double(value) : 0.0};
}

// What story_rank works out once per query (FTS5 keeps it with the cursor),
// and the corpus and frequency arguments it came from: FTS5 keeps one per
// cursor and function, so two calls in one statement with other arguments
// would otherwise share the first call's.
struct RankData {
  double average_length = 0.0;        // tokens per row
  std::vector<double> weights;        // each phrase's IDF
  std::vector<Argument> arguments;    // the corpus's rows and tokens, then the frequencies
  std::vector<double> occurrences{};  // scratch: the current row's count of each phrase
};

// bm25's IDF of a phrase in `matching` of `rows` rows; a phrase in more than
// half the rows would weigh less than nothing, so it weighs almost nothing.
// A count taken apart from the rows (an estimate, or one read before a prune)
// may lie outside 0..rows; clamped, it never makes the log NaN.
double idf(double matching, double rows) {
  const double within = std::clamp(matching, 0.0, std::max(rows, 0.0));
  const double weight = std::log((rows - within + 0.5) / (within + 0.5));
  return weight > 0.0 ? weight : 1e-6;
}

double phrase_weight(sqlite3_value* frequency, double rows) {
  switch (sqlite3_value_type(frequency)) {
    case SQLITE_INTEGER:
      return idf(static_cast<double>(sqlite3_value_int64(frequency)), rows);
    case SQLITE_FLOAT:
      return idf(sqlite3_value_double(frequency) * rows, rows);
    default:
      return 1.0;
  }
}

// story_rank's arguments after the table: the corpus's rows and tokens.
constexpr int corpus_arguments = 2;

// Whether the last argument is the row's docsize record rather than a
// frequency: it is when the call passes more than one a phrase, and a blob
// (no frequency is one) always is, so that a caller whose phrases FTS5 counts
// otherwise still has its record read. `argc` counts the frequencies and the
// record only.
bool has_record(int argc, sqlite3_value** argv, int phrases) {
  return argc > 0 && (argc > phrases || sqlite3_value_type(argv[argc - 1]) == SQLITE_BLOB);
}

// A number argument (a REAL rounded), else what the table itself says.
int corpus_count(sqlite3_value* given, const std::function<int(sqlite3_int64&)>& own, sqlite3_int64& count) {
  switch (sqlite3_value_type(given)) {
    case SQLITE_INTEGER:
      count = sqlite3_value_int64(given);
      return SQLITE_OK;
    case SQLITE_FLOAT: {
      const double real = sqlite3_value_double(given);
      count = std::isnan(real) ? 0 : std::llround(std::clamp(real, 0.0, 9.0e18));
      return SQLITE_OK;
    }
    default:
      return own(count);
  }
}

// How many of the arguments the weights depend on: the corpus's two and the
// frequencies, not a docsize record after them.
int weighed_arguments(int argc, sqlite3_value** argv, int phrases) {
  const int rest = argc - corpus_arguments;
  return corpus_arguments + (has_record(rest, argv + corpus_arguments, phrases) ? rest - 1 : rest);
}

std::vector<Argument> arguments_of(int count, sqlite3_value** argv) {
  std::vector<Argument> arguments;
  for (int i = 0; i < count; ++i) arguments.push_back(argument_of(argv[i]));
  return arguments;
}

// Whether `data` was made from these arguments.
bool made_from(const RankData& data, int argc, sqlite3_value** argv) {
  const int count = weighed_arguments(argc, argv, static_cast<int>(data.weights.size()));
  if (count != static_cast<int>(data.arguments.size())) return false;
  for (int i = 0; i < count; ++i)
    if (!(argument_of(argv[i]) == data.arguments[static_cast<std::size_t>(i)])) return false;
  return true;
}

// Only the index's totals: xRowCount and xColumnTotalSize read one record
// that FTS5 keeps up to date, never a doclist.
int make_rank_data(const Fts5ExtensionApi* api, Fts5Context* fts, int argc, sqlite3_value** argv,
                   std::unique_ptr<RankData>& data) {
  sqlite3_int64 rows = 0;
  sqlite3_int64 tokens = 0;
  int rc = corpus_count(argv[0], [&](sqlite3_int64& n) { return api->xRowCount(fts, &n); }, rows);
  if (rc == SQLITE_OK)
    rc = corpus_count(argv[1], [&](sqlite3_int64& n) { return api->xColumnTotalSize(fts, -1, &n); }, tokens);
  if (rc != SQLITE_OK) return rc;
  const int phrases = api->xPhraseCount(fts);
  const int weighed = weighed_arguments(argc, argv, phrases);
  data = std::make_unique<RankData>();
  data->arguments = arguments_of(weighed, argv);
  data->average_length = rows > 0 && tokens > 0 ? static_cast<double>(tokens) / static_cast<double>(rows) : 1.0;
  data->occurrences.assign(static_cast<std::size_t>(phrases), 0.0);
  for (int i = 0; i < phrases; ++i) {
    const int at = corpus_arguments + i;
    data->weights.push_back(at < weighed ? phrase_weight(argv[at], static_cast<double>(rows)) : 1.0);
  }
  return SQLITE_OK;
}

// The RankData of this query and arguments, made on the first row that has them.
int rank_data(const Fts5ExtensionApi* api, Fts5Context* fts, int argc, sqlite3_value** argv, RankData*& out) {
  out = static_cast<RankData*>(api->xGetAuxdata(fts, 0));
  if (out != nullptr && made_from(*out, argc, argv)) return SQLITE_OK;
  std::unique_ptr<RankData> data;
  const int rc = make_rank_data(api, fts, argc, argv, data);
  if (rc != SQLITE_OK) return rc;
  out = data.get();
  // FTS5 owns it from here and frees it with the cursor (or at once if this fails).
  return api->xSetAuxdata(fts, data.release(),
                          [](void* p) { std::unique_ptr<RankData>(static_cast<RankData*>(p)).reset(); });
}

// Each phrase's occurrences in the current row, from its own position list
// (the row's, already read by the match).
int count_occurrences(const Fts5ExtensionApi* api, Fts5Context* fts, RankData& data) {
  for (std::size_t i = 0; i < data.occurrences.size(); ++i) {
    Fts5PhraseIter iter{};
    int column = 0;
    int offset = 0;
    const int rc = api->xPhraseFirst(fts, static_cast<int>(i), &iter, &column, &offset);
    if (rc != SQLITE_OK) return rc;
    double count = 0.0;
    for (; column >= 0; api->xPhraseNext(fts, &iter, &column, &offset)) count += 1.0;
    data.occurrences[i] = count;
  }
  return SQLITE_OK;
}

// One SQLite varint from bytes[at...] (groups of 7 bits, high bit set on all
// but the last; a ninth byte gives all 8) into `value`; how many bytes it
// took, 0 when it runs past `size`.
std::size_t read_varint(const unsigned char* bytes, std::size_t size, std::size_t at, std::uint64_t& value) {
  value = 0;
  for (std::size_t i = 0; i < 9 && at + i < size; ++i) {
    const unsigned char byte = bytes[at + i];
    if (i == 8) {
      value = (value << 8) | byte;
      return 9;
    }
    value = (value << 7) | (byte & 0x7fU);
    if ((byte & 0x80U) == 0) return i + 1;
  }
  return 0;
}

// A row's token count from its stories_fts_docsize record, which holds one
// varint per column as FTS5 writes it; nothing when `sizes` is not such a
// record. Each size is read as FTS5's decoder reads it (sqlite3Fts5GetVarint32:
// the low 31 bits), and the sum, which a corrupt record can push past an int,
// is clamped rather than left to wrap.
std::optional<int> recorded_length(sqlite3_value* sizes, int columns) {
  if (sqlite3_value_type(sizes) != SQLITE_BLOB) return std::nullopt;
  const auto* bytes = static_cast<const unsigned char*>(sqlite3_value_blob(sizes));
  const auto size = static_cast<std::size_t>(sqlite3_value_bytes(sizes));
  std::size_t at = 0;
  std::int64_t length = 0;
  for (int column = 0; column < columns; ++column) {
    std::uint64_t tokens = 0;
    const std::size_t taken = read_varint(bytes, size, at, tokens);
    if (taken == 0) return std::nullopt;
    at += taken;
    length += static_cast<std::int64_t>(tokens & 0x7fffffffU);
  }
  if (at != size) return std::nullopt;
  return static_cast<int>(std::min<std::int64_t>(length, std::numeric_limits<int>::max()));
}

// The row's length: from the record the query passed last, else from the
// index's per-row sizes, a lookup of its own by rowid (which costs a window of
// rows several milliseconds at a million stories).
int row_length(const Fts5ExtensionApi* api, Fts5Context* fts, int argc, sqlite3_value** argv, std::size_t phrases,
               int& length) {
  if (has_record(argc, argv, static_cast<int>(phrases))) {
    if (const std::optional<int> recorded = recorded_length(argv[argc - 1], api->xColumnCount(fts))) {
      length = *recorded;
      return SQLITE_OK;
    }
  }
  return api->xColumnSize(fts, -1, &length);
}

// The score, summed as bm25() sums it, so that equal inputs give equal ranks.
double score(const RankData& data, double length) {
  double sum = 0.0;
  for (std::size_t i = 0; i < data.weights.size(); ++i) {
    const double f = data.occurrences[i];
    sum += data.weights[i] * ((f * (k1 + 1.0)) / (f + k1 * (1 - b + b * length / data.average_length)));
  }
  return -1.0 * sum;
}

void rank_row(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int argc,
              sqlite3_value** argv) {
  if (argc < corpus_arguments) {
    sqlite3_result_error(context, "story_rank(table, rows, tokens, frequency...) needs the corpus's rows and tokens",
                         -1);
    return;
  }
  RankData* data = nullptr;
  int length = 0;
  int rc = rank_data(api, fts, argc, argv, data);
  if (rc == SQLITE_OK) rc = count_occurrences(api, fts, *data);
  if (rc == SQLITE_OK)
    rc = row_length(api, fts, argc - corpus_arguments, argv + corpus_arguments, data->weights.size(), length);
  if (rc == SQLITE_OK) {
    sqlite3_result_double(context, score(*data, static_cast<double>(length)));
  } else {
    sqlite3_result_error_code(context, rc);
  }
}

// SQLite calls this from C: no exception may leave it, so an allocation that
// fails is reported as SQLite's own out-of-memory, anything else as an error.
void story_rank(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int argc,
                sqlite3_value** argv) noexcept {
  try {
    rank_row(api, fts, context, argc, argv);
  } catch (const std::bad_alloc&) {
    sqlite3_result_error_nomem(context);
  } catch (const std::exception& e) {
    sqlite3_result_error(context, e.what(), -1);
  } catch (...) {
    sqlite3_result_error(context, "story_rank failed", -1);
  }
}

// The connection's fts5_api, which SQLite hands out through SELECT fts5(?1).
// (SQLiteCpp binds no pointers, so this one statement is plain sqlite3.)
fts5_api* fts5_of(SQLite::Database& db) {
  sqlite3_stmt* raw = nullptr;
  if (sqlite3_prepare_v2(db.getHandle(), "SELECT fts5(?1)", -1, &raw, nullptr) != SQLITE_OK)
    throw SQLite::Exception(db.getHandle());
  const std::unique_ptr<sqlite3_stmt, decltype(&sqlite3_finalize)> select(raw, &sqlite3_finalize);
  fts5_api* api = nullptr;
  sqlite3_bind_pointer(select.get(), 1, static_cast<void*>(&api), "fts5_api_ptr", nullptr);
  if (sqlite3_step(select.get()) != SQLITE_ROW) throw SQLite::Exception(db.getHandle());
  return api;
}

std::int64_t count_of(StatementCache& statements, SQLite::Database& db, const std::string& sql,
                      const std::string& phrase, const std::function<void(SQLite::Statement&)>& bind) {
  const StatementCache::Use count = statements.prepare(db, sql);
  count->bind(":phrase", phrase);
  bind(*count);
  count->executeStep();
  return count->getColumn(0).getInt64();
}

// The newest `sample` stories (by stories_by_sort_time) start at the
// sample-th newest sort_time; the others of that minute (the listing key's
// unit) come along, so the share is taken of all of them (many stories can
// share one time: feeds that date every item with the build time). A store
// with fewer has no sample.
struct Sample {
  std::int64_t start_key;  // the listing key of that time's minute
  double population;       // stories at or after its start
};

// When that time is the only one of its minute and one story's alone, the
// stories at or after the minute's start are the sample itself, and counting
// them again is not needed.
std::optional<Sample> newest_sample(StatementCache& statements, SQLite::Database& db, std::int64_t sample) {
  static const std::string sql =
      "SELECT " + search_key_sql("m", "0") +
      ", CASE WHEN (SELECT count(*) FROM stories WHERE sort_time BETWEEN m AND t) = 1"
      " THEN :offset + 1 ELSE (SELECT count(*) FROM stories WHERE sort_time >= m) END FROM"
      " (SELECT t, strftime('%Y-%m-%dT%H:%M:00Z', t) AS m FROM"
      " (SELECT sort_time AS t FROM stories ORDER BY sort_time DESC LIMIT 1 OFFSET :offset))";
  const StatementCache::Use start = statements.prepare(db, sql);
  start->bind(":offset", sample - 1);
  if (!start->executeStep()) return std::nullopt;
  return Sample{start->getColumn(0).getInt64(), start->getColumn(1).getDouble()};
}

// How many rows of both verdicts' tables `matches` selects, counting at most
// `limit` rows in all: the compound reads the tables one after the other and
// stops at the limit, so a common phrase costs no more than in one table.
std::string count_in_tables(const std::function<std::string(const std::string& table)>& matches,
                            const std::string& limit = "") {
  std::string arms;
  for (const char* table : search_tables) arms += (arms.empty() ? "" : " UNION ALL ") + matches(table);
  return "SELECT count(*) FROM (" + arms + limit + ")";
}

// The table's row and token counts, for the corpus of story_rank's caller.
template <bool tokens>
void index_total(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* context, int,
                 sqlite3_value**) noexcept {
  sqlite3_int64 total = 0;
  const int rc = tokens ? api->xColumnTotalSize(fts, -1, &total) : api->xRowCount(fts, &total);
  if (rc == SQLITE_OK) {
    sqlite3_result_int64(context, total);
  } else {
    sqlite3_result_error_code(context, rc);
  }
}

void create_function(SQLite::Database& db, fts5_api* api, const char* name, fts5_extension_function function) {
  const int rc = api->xCreateFunction(api, name, nullptr, function, nullptr);
  if (rc != SQLITE_OK) throw SQLite::Exception(db.getHandle(), rc);
}

}  // namespace

void register_search_functions(SQLite::Database& db) {
  fts5_api* api = fts5_of(db);
  if (api == nullptr || api->iVersion < 2) throw SQLite::Exception("this SQLite has no usable FTS5");
  create_function(db, api, "story_rank", &story_rank);
  create_function(db, api, "story_index_rows", &index_total<false>);
  create_function(db, api, "story_index_tokens", &index_total<true>);
}

RankCorpus rank_corpus(SQLite::Database& db, StatementCache& statements) {
  // An aux function runs in a query of its own table; one row of a scan is enough.
  static const std::string sql = [] {
    std::string arms;
    for (const char* table : search_tables) {
      if (!arms.empty()) arms += " UNION ALL ";
      arms += "SELECT * FROM (SELECT story_index_rows(" + std::string(table) + ") AS r, story_index_tokens(" +
              table + ") AS t FROM " + table + " LIMIT 1)";
    }
    return "SELECT coalesce(sum(r), 0), coalesce(sum(t), 0) FROM (" + arms + ")";
  }();
  const StatementCache::Use select = statements.prepare(db, sql);
  select->executeStep();
  return RankCorpus{select->getColumn(0).getInt64(), select->getColumn(1).getInt64()};
}


std::vector<PhraseFrequency> phrase_frequencies(SQLite::Database& db, StatementCache& statements,
                                                const std::vector<std::string>& phrases,
                                                const FrequencyLimits& limits) {
  static const std::string capped_count = count_in_tables(
      [](const std::string& table) { return "SELECT 1 FROM " + table + " WHERE " + table + " MATCH :phrase"; },
      " LIMIT :cap");
  std::vector<std::int64_t> found;
  for (const std::string& phrase : phrases)
    found.push_back(count_of(statements, db, capped_count, phrase,
                             [&](SQLite::Statement& count) { count.bind(":cap", limits.exact_below); }));
  std::vector<PhraseFrequency> frequencies(found.begin(), found.end());
  if (std::all_of(found.begin(), found.end(), [&](std::int64_t n) { return n < limits.exact_below; }))
    return frequencies;

  const std::optional<Sample> sample = newest_sample(statements, db, limits.sample);
  const std::string common = count_in_tables([&](const std::string& table) {
    return "SELECT 1 FROM " + table + " WHERE " + table + " MATCH :phrase" + (sample ? " AND rowid >= :start" : "");
  });
  for (std::size_t i = 0; i < phrases.size(); ++i) {
    if (found[i] < limits.exact_below) continue;
    const std::int64_t counted = count_of(statements, db, common, phrases[i], [&](SQLite::Statement& count) {
      if (sample) count.bind(":start", sample->start_key);
    });
    if (sample) {
      frequencies[i] = std::min(1.0, static_cast<double>(counted) / sample->population);
    } else {
      frequencies[i] = counted;
    }
  }
  return frequencies;
}

std::vector<PhraseFrequency> phrase_frequencies(SQLite::Database& db, const std::vector<std::string>& phrases,
                                                const FrequencyLimits& limits) {
  StatementCache statements;
  return phrase_frequencies(db, statements, phrases, limits);
}

void bind_frequencies(SQLite::Statement& statement, const std::string& prefix,
                      const std::vector<PhraseFrequency>& frequencies) {
  for (std::size_t i = 0; i < frequencies.size(); ++i) {
    const std::string name = prefix + std::to_string(i);
    std::visit([&](const auto value) { statement.bind(name, value); }, frequencies[i]);
  }
}

}  // namespace feedsieve::store_detail
