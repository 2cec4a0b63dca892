// story_rank (search_rank.hpp): bm25 with its document frequencies given, on
// a real store; the frequencies phrase_frequencies counts or estimates; and
// the order a ranked search gives stories for several words.
#include <catch2/catch.hpp>

#include <chrono>
#include <cmath>
#include <optional>
#include <set>
#include <variant>

#include "daemon/store/fts_query.hpp"
#include "daemon/store/search_rank.hpp"
#include "daemon/store/store.hpp"
#include "tests/store/store_fixtures.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using feedsieve::test::make_item;
using feedsieve::test::may;
using feedsieve::test::ok_poll;
using feedsieve::test::scalar;
using feedsieve::test::TempDir;
using store_detail::PhraseFrequency;

namespace {

// A second connection with story_rank, as every Store connection has it.
SQLite::Database ranking_connection(const std::filesystem::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  store_detail::register_search_functions(db);
  return db;
}

enum class Dating { apart, all_at_once, six_a_minute };

// Story i, dated i minutes after May 1st (or all at May 1st, as feeds that
// date every item with their build time do, or i * 10 seconds after it):
// "pier" in every story, "tide" in every third, "gull" in every 25th, one to
// four times.
NormalizedItem shore_item(int i, Dating dating) {
  std::string title = "Shore log " + std::to_string(i) + " pier";
  if (i % 3 == 0) title += " tide";
  for (int r = 0; i % 25 == 0 && r <= i % 4; ++r) title += " gull";
  const auto offset = dating == Dating::apart          ? std::chrono::seconds(60 * i)
                      : dating == Dating::six_a_minute ? std::chrono::seconds(10 * i)
                                                       : std::chrono::seconds(0);
  return make_item("s" + std::to_string(i), title, "https://shore.test/" + std::to_string(i), may(1) + offset);
}

struct ShoreStore {
  TempDir dir;
  std::filesystem::path path = dir / "feedsieve.db";
  Store store{path};

  explicit ShoreStore(int stories, Dating dating = Dating::apart) {
    const std::int64_t feed = store.upsert_feed("shore", "http://shore.test/feed").id;
    std::vector<NormalizedItem> items;
    for (int i = 0; i < stories; ++i) items.push_back(shore_item(i, dating));
    store.record_poll(ok_poll(feed, std::move(items), may(20)));
  }

  SQLite::Database connection() const { return ranking_connection(path); }
};

// Stories of "sand" with "wind" in some, from a few tokens to several
// hundred a column, so that the docsize records' varints take one byte and two.
struct DuneStore {
  TempDir dir;
  std::filesystem::path path = dir / "feedsieve.db";
  Store store{path};

  DuneStore() {
    const std::int64_t feed = store.upsert_feed("dunes", "http://dunes.test/feed").id;
    std::vector<NormalizedItem> items;
    for (int i = 0; i < 60; ++i) {
      const std::string model = i % 5 == 0 ? " gpt-4 v1.5" : "";
      NormalizedItem item = make_item("d" + std::to_string(i), "Dune report " + std::to_string(i) + " sand" + model,
                                      "https://dunes.test/" + std::to_string(i), may(1) + std::chrono::minutes(i));
      for (int r = 0; r < i * i / 8; ++r) item.item.summary += i % 4 == 0 ? "wind sand " : "grass ";
      for (int r = 0; r < i % 9; ++r) item.item.content += "<p>wind over the ridge</p>";
      items.push_back(std::move(item));
    }
    store.record_poll(ok_poll(feed, std::move(items), may(20)));
  }

  SQLite::Database connection() const { return ranking_connection(path); }

  // The titles of every page of a ranked search, read through the cursor.
  std::vector<std::string> ranked_titles(const std::string& search, int limit = 7, bool any_topic = true,
                                         std::optional<Timestamp> since = std::nullopt) const {
    StoryQuery query;
    query.search = search;
    query.ranked = true;
    query.include_off_topic = any_topic;
    query.since = since;
    query.limit = limit;
    return test::titles_of_all_pages(store, query);
  }
};

std::int64_t count_of(const PhraseFrequency& frequency) { return std::get<std::int64_t>(frequency); }
double share_of(const PhraseFrequency& frequency) { return std::get<double>(frequency); }

}  // namespace

TEST_CASE("story_rank given exact document frequencies scores every row as bm25 does", "[store][search]") {
  ShoreStore s(300);
  SQLite::Database db = s.connection();
  const auto phrases = store_detail::fts_phrases("tide gull");
  const auto frequencies = store_detail::phrase_frequencies(db, phrases);
  REQUIRE(frequencies.size() == 2);
  CHECK(count_of(frequencies[0]) == 100);
  CHECK(count_of(frequencies[1]) == 12);
  SQLite::Statement select(db,
                           "SELECT bm25(stories_fts_on), story_rank(stories_fts_on, NULL, NULL, :df0, :df1), story_rank(stories_fts_on, NULL, NULL)"
                           " FROM stories_fts_on WHERE stories_fts_on MATCH :match");
  select.bind(":match", store_detail::fts_match_expression("tide gull"));
  store_detail::bind_frequencies(select, ":df", frequencies);
  int rows = 0;
  while (select.executeStep()) {
    ++rows;
    CHECK(select.getColumn(1).getDouble() == Approx(select.getColumn(0).getDouble()).epsilon(1e-12));
    CHECK(select.getColumn(2).getDouble() < 0.0);  // unweighted, still a score
  }
  CHECK(rows == 4);  // stories 0, 75, 150, 225
}

// FTS5 keeps one auxiliary record per cursor and function, which several
// calls of story_rank in one statement share.
TEST_CASE("calls of story_rank in one statement each rank by their own arguments", "[store][search]") {
  ShoreStore s(300);
  SQLite::Database db = s.connection();
  const std::string match = store_detail::fts_match_expression("tide gull");
  const std::vector<std::string> calls{"story_rank(stories_fts_on, NULL, NULL, 100, 12)",
                                       "story_rank(stories_fts_on, NULL, NULL)",
                                       "story_rank(stories_fts_on, 5000, 90000, 100, 12)",
                                       "story_rank(stories_fts_on, 5000.0, 90000.0, 0.5, 12)"};
  const auto ranks = [&](const std::string& columns) {
    SQLite::Statement select(db, "SELECT " + columns + " FROM stories_fts_on WHERE stories_fts_on MATCH :match"
                                 " ORDER BY rowid");
    select.bind(":match", match);
    std::vector<std::vector<double>> rows;
    while (select.executeStep()) {
      rows.emplace_back();
      for (int i = 0; i < select.getColumnCount(); ++i) rows.back().push_back(select.getColumn(i).getDouble());
    }
    return rows;
  };
  std::string every;
  for (const std::string& call : calls) every += (every.empty() ? "" : ", ") + call;
  const auto together = ranks(every);
  REQUIRE(together.size() == 4);
  for (std::size_t c = 0; c < calls.size(); ++c) {
    INFO(calls[c]);
    const auto alone = ranks(calls[c]);
    REQUIRE(alone.size() == together.size());
    for (std::size_t r = 0; r < alone.size(); ++r) CHECK(together[r][c] == alone[r][0]);
  }
  for (std::size_t r = 0; r < together.size(); ++r) {
    CHECK(together[r][0] != together[r][1]);  // weighted and unweighted differ
    CHECK(together[r][0] != together[r][2]);  // so do two corpora
    CHECK(together[r][2] != together[r][3]);  // and a share and a count
  }
  CHECK(ranks("story_rank(stories_fts_on, 5000.4, 89999.6, 100, 12)") == ranks(calls[2]));  // REAL counts are rounded
  CHECK_THROWS_WITH(ranks("story_rank(stories_fts_on, 5000)"), Catch::Contains("rows and tokens"));
}

TEST_CASE("story_rank given a row's docsize record scores it as its own size lookup does", "[store][search]") {
  DuneStore s;
  SQLite::Database db = s.connection();
  const auto phrases = store_detail::fts_phrases("sand wind");
  const auto frequencies = store_detail::phrase_frequencies(db, phrases);
  REQUIRE(scalar(s.path, "SELECT max(length(sz)) FROM stories_fts_on_docsize") > 3);  // some varint of two bytes
  SQLite::Statement select(db,
                           "SELECT story_rank(stories_fts_on, NULL, NULL, :df0, :df1), story_rank(stories_fts_on, NULL, NULL, :df0, :df1, d.sz),"
                           " story_rank(stories_fts_on, NULL, NULL, :df0, :df1, NULL), story_rank(stories_fts_on, NULL, NULL, :df0, :df1, x''),"
                           " story_rank(stories_fts_on, NULL, NULL, :df0, :df1, x'ff'),"
                           " story_rank(stories_fts_on, NULL, NULL, :df0, :df1, CAST(d.sz || x'00' AS BLOB)),"
                           " story_rank(stories_fts_on, NULL, NULL, :df0, :df1, substr(d.sz, 1, 2)),"
                           " story_rank(stories_fts_on, NULL, NULL, :df0, :df1, 'text'),"
                           " story_rank(stories_fts_on, NULL, NULL, :df0, :df1, x'010000')"
                           " FROM stories_fts_on f JOIN stories_fts_on_docsize d ON d.id = f.rowid"
                           " WHERE stories_fts_on MATCH :match");
  select.bind(":match", store_detail::fts_match_expression("sand wind"));
  store_detail::bind_frequencies(select, ":df", frequencies);
  int rows = 0;
  while (select.executeStep()) {
    ++rows;
    const double looked_up = select.getColumn(0).getDouble();
    CHECK(select.getColumn(1).getDouble() == looked_up);
    // Anything but a whole record of one varint a column: the lookup's score.
    for (int column = 2; column < 8; ++column) CHECK(select.getColumn(column).getDouble() == looked_up);
    // A record is read as the row's length (one token here, shorter than any row).
    CHECK(select.getColumn(8).getDouble() < looked_up);
  }
  CHECK(rows == 54);  // all have "sand"; "wind" is in the content but where i % 9 == 0, and in the summary of 36
}

TEST_CASE("story_rank of one phrase reads the record it is given as its only argument", "[store][search]") {
  DuneStore s;
  SQLite::Database db = s.connection();
  SQLite::Statement select(db,
                           "SELECT story_rank(stories_fts_on, NULL, NULL), story_rank(stories_fts_on, NULL, NULL, d.sz),"
                           " story_rank(stories_fts_on, NULL, NULL, x'010000'), story_rank(stories_fts_on, NULL, NULL, NULL)"
                           " FROM stories_fts_on f JOIN stories_fts_on_docsize d ON d.id = f.rowid"
                           " WHERE stories_fts_on MATCH '\"wind\"'");
  int rows = 0;
  while (select.executeStep()) {
    ++rows;
    const double looked_up = select.getColumn(0).getDouble();
    CHECK(select.getColumn(1).getDouble() == looked_up);
    CHECK(select.getColumn(2).getDouble() < looked_up);  // read: one token, shorter than any row
    CHECK(select.getColumn(3).getDouble() == looked_up);
  }
  CHECK(rows > 10);
}

TEST_CASE("story_rank reads a docsize record's sizes as FTS5 does, 31 bits each, and never overflows",
          "[store][search]") {
  DuneStore s;
  SQLite::Database db = s.connection();
  // 2^31 (five bytes) is 0 to FTS5's decoder; two columns of 2^31 - 1 add up past an int.
  SQLite::Statement select(db,
                           "SELECT story_rank(stories_fts_on, NULL, NULL, NULL, x'000000'),"
                           " story_rank(stories_fts_on, NULL, NULL, NULL, x'88808080000000'),"
                           " story_rank(stories_fts_on, NULL, NULL, NULL, x'87ffffff7f0000'),"
                           " story_rank(stories_fts_on, NULL, NULL, NULL, x'87ffffff7f87ffffff7f00'),"
                           " story_rank(stories_fts_on, NULL, NULL, NULL, x'8180808080808080ff0000'),"
                           " story_rank(stories_fts_on, NULL, NULL, NULL, x'817f0000')"
                           " FROM stories_fts_on WHERE stories_fts_on MATCH '\"wind\"'");
  int rows = 0;
  while (select.executeStep()) {
    ++rows;
    const double empty = select.getColumn(0).getDouble();
    CHECK(empty < 0.0);
    CHECK(select.getColumn(1).getDouble() == empty);
    const double longest = select.getColumn(2).getDouble();
    CHECK(longest < 0.0);
    CHECK(longest > empty);  // the longest row weighs least, but still matches
    CHECK(select.getColumn(3).getDouble() == longest);
    // Nine bytes: the ninth gives all 8 bits; 2^57 + 255 masks to 255.
    CHECK(select.getColumn(4).getDouble() == select.getColumn(5).getDouble());
  }
  CHECK(rows > 10);
}

TEST_CASE("story_rank of one word without frequencies orders the stories as bm25 does", "[store][search]") {
  ShoreStore s(300);
  SQLite::Database db = s.connection();
  const auto order = [&](const char* rank) {
    SQLite::Statement select(db, std::string("SELECT rowid FROM stories_fts_on WHERE stories_fts_on MATCH '\"gull\"'"
                                             " ORDER BY ") + rank + ", rowid");
    std::vector<std::int64_t> rows;
    while (select.executeStep()) rows.push_back(select.getColumn(0).getInt64());
    return rows;
  };
  const auto by_bm25 = order("bm25(stories_fts_on)");
  REQUIRE(by_bm25.size() == 12);
  CHECK(order("story_rank(stories_fts_on, NULL, NULL)") == by_bm25);
}

TEST_CASE("phrase_frequencies counts rare phrases and measures common ones on the newest stories",
          "[store][search]") {
  ShoreStore s(600);
  // Half the stories off topic: every count and share is of both tables.
  test::execute(s.path, "UPDATE stories SET on_topic = 0 WHERE id % 2 = 0");
  REQUIRE(scalar(s.path, "SELECT count(*) FROM stories_fts_off") == 300);
  SQLite::Database db = s.connection();
  const auto phrases = store_detail::fts_phrases("pier tide gull nowhere");
  SECTION("above the exact limit, a phrase's share of the newest `sample` stories") {
    const auto frequencies = store_detail::phrase_frequencies(db, phrases, {50, 300});
    REQUIRE(frequencies.size() == 4);
    CHECK(share_of(frequencies[0]) == 1.0);                    // every story
    CHECK(share_of(frequencies[1]) == Approx(1.0 / 3.0));      // stories 300..599, every third
    CHECK(count_of(frequencies[2]) == 24);                     // under the limit: counted
    CHECK(count_of(frequencies[3]) == 0);
  }
  SECTION("a store smaller than the sample is counted whole") {
    const auto frequencies = store_detail::phrase_frequencies(db, phrases, {50, 1'000});
    CHECK(count_of(frequencies[0]) == 600);
    CHECK(count_of(frequencies[1]) == 200);
    CHECK(count_of(frequencies[2]) == 24);
  }
}

// Matches are counted from the listing key of the sample's first minute, so
// the share is of every story from that minute's start on.
TEST_CASE("a sample that starts within a minute is measured from the minute's start", "[store][search]") {
  ShoreStore s(600, Dating::six_a_minute);
  SQLite::Database db = s.connection();
  // The 298th newest story is 302, 20 seconds into the minute of stories 300 to 305.
  const auto frequencies = store_detail::phrase_frequencies(db, store_detail::fts_phrases("tide"), {50, 298});
  REQUIRE(frequencies.size() == 1);
  CHECK(share_of(frequencies[0]) == Approx(100.0 / 300.0));  // stories 300..599, every third
}

TEST_CASE("stories of one time past the sample are all measured, so a share stays a share", "[store][search]") {
  ShoreStore s(600, Dating::all_at_once);
  SQLite::Database db = s.connection();
  const auto phrases = store_detail::fts_phrases("pier tide");
  const auto frequencies = store_detail::phrase_frequencies(db, phrases, {50, 300});
  REQUIRE(frequencies.size() == 2);
  CHECK(share_of(frequencies[0]) == 1.0);  // 600 of the 600 stories at the sample's time, not 600 of 300
  CHECK(share_of(frequencies[1]) == Approx(1.0 / 3.0));
  SQLite::Statement select(db,
                           "SELECT story_rank(stories_fts_on, NULL, NULL, :df0, :df1), story_rank(stories_fts_on, NULL, NULL, 3.5, -2.0)"
                           " FROM stories_fts_on WHERE stories_fts_on MATCH :match");
  select.bind(":match", store_detail::fts_match_expression("pier tide"));
  store_detail::bind_frequencies(select, ":df", frequencies);
  int rows = 0;
  while (select.executeStep()) {
    ++rows;
    // A NaN score comes back as NULL, and a NULL rank ends a page walk.
    CHECK(select.getColumn(0).isFloat());
    CHECK(select.getColumn(1).isFloat());  // out-of-range frequencies are clamped
  }
  CHECK(rows == 200);
}

TEST_CASE("a ranked search of two words ranks more of the rarer word first", "[store][search]") {
  TempDir dir;
  Store store(dir / "feedsieve.db");
  const std::int64_t feed = store.upsert_feed("bay", "http://bay.test/feed").id;
  std::vector<NormalizedItem> items;
  // "boat" is in every story, "squall" in three. Same lengths; the story with
  // more of the rare word comes last, so that equal weights would tie the two
  // and list it second (ties go by row).
  for (int i = 0; i < 40; ++i)
    items.push_back(make_item("b" + std::to_string(i), "Harbour boat report number " + std::to_string(i),
                              "https://bay.test/b" + std::to_string(i), may(2) + std::chrono::minutes(i)));
  items.push_back(make_item("few", "squall boat boat boat", "https://bay.test/few", may(3)));
  items.push_back(make_item("other", "squall report with boat", "https://bay.test/other", may(3)));
  items.push_back(make_item("many", "squall squall squall boat", "https://bay.test/many", may(3)));
  store.record_poll(ok_poll(feed, std::move(items), may(20)));
  StoryQuery query;
  query.search = "boat squall";
  query.ranked = true;
  std::vector<std::string> titles;
  for (const StoryView& story : store.stories(query)) titles.push_back(story.title);
  CHECK(titles ==
        std::vector<std::string>{"squall squall squall boat", "squall boat boat boat", "squall report with boat"});
}

TEST_CASE("fts_phrases keeps exactly the words the full-text tables' tokenizer finds a token in", "[store][search]") {
  DuneStore s;
  SQLite::Database db(s.path.string(), SQLite::OPEN_READWRITE);
  // A table tokenized as the full-text tables are, from stories_fts_on's CREATE statement.
  std::string create = db.execAndGet("SELECT sql FROM sqlite_master WHERE name = 'stories_fts_on'").getString();
  create.replace(create.find("stories_fts_on"), std::string("stories_fts_on").size(), "temp.words");
  db.exec(create);
  db.exec("CREATE VIRTUAL TABLE temp.word_tokens USING fts5vocab(temp, words, instance)");
  const std::vector<std::string> words = {
      "sand", "\u2014", "\u2013", "\u2026", "\u00b7", "\u00ab\u00bb", "\u00bd", "\u0661\u0662", "gpt-4", "v1.5",
      "\u00e9", "\u0301", "e\u0301", "\U0001f600", "\u20ac", "\u00a9", "\u3005", "\u65e5\u672c", "\u01c5",
      "\u216b", "\ue000", "\u0378", "_", "'", "-", "%%", "\x80", "\xc3", "\xff", "\xe2\x80", "(\u00e9)",
      "\u00a0", "\u3000", "\u200b", "\u00ad"};
  SQLite::Statement insert(db, "INSERT INTO temp.words (rowid, title) VALUES (?, ?)");
  for (std::size_t i = 0; i < words.size(); ++i) {
    insert.bind(1, static_cast<std::int64_t>(i));
    insert.bind(2, words[i]);
    insert.exec();
    insert.reset();
  }
  std::set<std::int64_t> tokenized;
  SQLite::Statement select(db, "SELECT DISTINCT doc FROM temp.word_tokens");
  while (select.executeStep()) tokenized.insert(select.getColumn(0).getInt64());
  for (std::size_t i = 0; i < words.size(); ++i) {
    INFO("word " << i << ": " << words[i]);
    CHECK(store_detail::fts_phrases(words[i]).size() == (tokenized.count(static_cast<std::int64_t>(i)) ? 1U : 0U));
  }
}

TEST_CASE("a word of punctuation between two words is no phrase, so the weights stay the words' own",
          "[store][search]") {
  DuneStore s;
  SQLite::Database db = s.connection();
  for (const std::string search : {"sand \u2014 wind", "gpt-4 wind", "v1.5 \u00b7 sand"}) {
    INFO(search);
    const auto phrases = store_detail::fts_phrases(search);
    REQUIRE(phrases.size() == 2);  // "gpt-4" is one phrase of two tokens, as FTS5 reads it quoted
    const auto frequencies = store_detail::phrase_frequencies(db, phrases);
    SQLite::Statement select(db,
                             "SELECT bm25(stories_fts_on), story_rank(stories_fts_on, NULL, NULL, :df0, :df1, d.sz)"
                             " FROM stories_fts_on f JOIN stories_fts_on_docsize d ON d.id = f.rowid"
                             " WHERE stories_fts_on MATCH :match");
    select.bind(":match", store_detail::fts_match_expression(search));
    store_detail::bind_frequencies(select, ":df", frequencies);
    int rows = 0;
    while (select.executeStep()) {
      ++rows;
      CHECK(select.getColumn(1).getDouble() == Approx(select.getColumn(0).getDouble()).epsilon(1e-12));
    }
    CHECK(rows > 5);
  }
  CHECK(s.ranked_titles("sand \u2014 wind") == s.ranked_titles("sand wind"));
  CHECK(s.ranked_titles("\u2014 gpt-4 \u2026 wind") == s.ranked_titles("gpt-4 wind"));
}

// Only the window's join gives story_rank the record: were it left out, the
// row's sizes would be looked up instead, which for a sound record gives the
// same score. A record whose sizes add up past an int tells the two apart:
// read from the join it is clamped (the longest row, ranked last), while
// FTS5's own sum wraps.
TEST_CASE("a ranked search gives story_rank each row's docsize record", "[store][search]") {
  DuneStore s;
  std::int64_t key = 0;
  std::string title;
  {
    SQLite::Database db(s.path.string(), SQLite::OPEN_READWRITE);
    key = db.execAndGet("SELECT min(rowid) FROM stories_fts_on WHERE stories_fts_on MATCH 'wind'").getInt64();
    SQLite::Statement story(db, "SELECT title FROM stories WHERE id = (?1 & 1073741823) >> 1");
    story.bind(1, key);
    REQUIRE(story.executeStep());
    title = story.getColumn(0).getString();
    SQLite::Statement corrupt(db, "UPDATE stories_fts_on_docsize SET sz = x'87ffffff7f87ffffff7f00' WHERE id = ?");
    corrupt.bind(1, key);
    REQUIRE(corrupt.exec() == 1);
  }
  {
    SQLite::Database db = s.connection();
    SQLite::Statement scores(db,
                             "SELECT story_rank(stories_fts_on, NULL, NULL, d.sz), story_rank(stories_fts_on, NULL, NULL) FROM stories_fts_on f"
                             " JOIN stories_fts_on_docsize d ON d.id = f.rowid WHERE stories_fts_on MATCH 'wind' AND f.rowid = ?");
    scores.bind(1, key);
    REQUIRE(scores.executeStep());
    REQUIRE(scores.getColumn(0).getDouble() != scores.getColumn(1).getDouble());
  }
  for (const std::string search : {"wind", "sand wind"}) {
    INFO(search);
    const std::vector<std::string> titles = s.ranked_titles(search);
    REQUIRE(titles.size() > 10);
    CHECK(titles.back() == title);
  }
}

// Every dune story is on topic, so "on topic only" (stories_fts_on alone),
// "any verdict" (merged with the empty stories_fts_off) and "since" (the
// window joined to the stories and filtered) must give the same pages.
TEST_CASE("a ranked search ranks the same pages whether or not its window reads the stories", "[store][search]") {
  DuneStore s;
  REQUIRE(scalar(s.path, "SELECT count(*) FROM stories WHERE on_topic = 0") == 0);
  for (const std::string search : {"wind", "sand wind", "gpt-4 sand"}) {
    INFO(search);
    const std::vector<std::string> unfiltered = s.ranked_titles(search, 5, true);
    REQUIRE(unfiltered.size() > 10);
    CHECK(unfiltered == s.ranked_titles(search, 5, false));
    CHECK(unfiltered == s.ranked_titles(search, 5, true, may(1) - std::chrono::hours(1)));
  }
}
