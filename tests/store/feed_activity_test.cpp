// What each feed contributed, as Store::feed_activity reads it from the
// counters the store keeps on the feeds row, checked against the aggregate
// over items it replaces, after every kind of write that changes items.
#include <catch2/catch.hpp>
#include <map>
#include <optional>
#include <ostream>
#include <string>

#include "daemon/store/feed_status.hpp"
#include "daemon/store/schema.hpp"
#include "tests/store/store_fixtures.hpp"
#include "tests/support/support.hpp"

using namespace feedsieve;
using test::make_item;
using test::may;
using test::ok_poll;

namespace {

struct Contribution {
  std::int64_t items = 0;
  std::int64_t stories = 0;
  std::optional<std::int64_t> interval;  // seconds

  bool operator==(const Contribution&) const = default;
};

std::ostream& operator<<(std::ostream& out, const Contribution& c) {
  return out << "{items " << c.items << ", stories " << c.stories << ", interval "
             << (c.interval ? std::to_string(*c.interval) : "none") << "}";
}

Contribution of(const FeedActivity& activity) {
  Contribution c{activity.items, activity.stories, {}};
  if (activity.average_interval) c.interval = activity.average_interval->count();
  return c;
}

// The aggregate over every item that the counters stand in for.
std::map<std::int64_t, Contribution> recounted(const std::filesystem::path& path) {
  SQLite::Database db(path.string(), SQLite::OPEN_READONLY);
  SQLite::Statement select(db,
                           "SELECT f.id, count(i.id), count(DISTINCT i.story_id),"
                           " CAST(strftime('%s', max(coalesce(i.published, i.updated, i.fetched_at))) AS INTEGER) -"
                           " CAST(strftime('%s', min(coalesce(i.published, i.updated, i.fetched_at))) AS INTEGER)"
                           " FROM feeds f LEFT JOIN items i ON i.feed_id = f.id GROUP BY f.id");
  std::map<std::int64_t, Contribution> out;
  while (select.executeStep()) {
    Contribution c{select.getColumn(1).getInt64(), select.getColumn(2).getInt64(), {}};
    if (c.items > 1) c.interval = select.getColumn(3).getInt64() / (c.items - 1);
    out[select.getColumn(0).getInt64()] = c;
  }
  return out;
}

std::map<std::int64_t, Contribution> kept(const Store& store) {
  std::map<std::int64_t, Contribution> out;
  for (const auto& activity : store.feed_activity()) out[activity.feed_id] = of(activity);
  return out;
}

Contribution contribution(const Store& store, std::int64_t feed) { return kept(store).at(feed); }

void check_exact(const Store& store) {
  const auto expected = recounted(store.path());
  CHECK(kept(store) == expected);
}

// Two feeds in a fresh store.
struct TwoFeeds {
  test::TempDir dir;
  Store store{dir / "store.db"};
  const std::int64_t wire = store.upsert_feed("wire", "https://wire.example/rss").id;
  const std::int64_t blog = store.upsert_feed("blog", "https://blog.example/rss").id;
};

}  // namespace

TEST_CASE("feed counts follow new, repeated and edited items", "[store][activity]") {
  test::TempDir dir;
  Store store(dir / "store.db");
  const auto wire = store.upsert_feed("wire", "https://wire.example/rss").id;
  CHECK(contribution(store, wire) == Contribution{0, 0, {}});

  store.record_poll(ok_poll(wire, {make_item("1", "Alpine owls learn chess", "https://a.example/owls", may(1, 10)),
                                   make_item("2", "Desert kites map dunes", "https://a.example/kites", may(1, 12))}));
  CHECK(contribution(store, wire) == Contribution{2, 2, 2 * 3600});

  // Listed again, plus one new: only the new one counts.
  store.record_poll(ok_poll(wire,
                            {make_item("1", "Alpine owls learn chess", "https://a.example/owls", may(1, 10)),
                             make_item("2", "Desert kites map dunes", "https://a.example/kites", may(1, 12)),
                             make_item("3", "Harbour seals vote", "https://a.example/seals", may(1, 16))},
                            may(2)));
  CHECK(contribution(store, wire) == Contribution{3, 3, 3 * 3600});
  check_exact(store);

  // The newest item is re-dated earlier: the newest time comes from the others again.
  store.record_poll(
      ok_poll(wire, {make_item("3", "Harbour seals vote", "https://a.example/seals", may(1, 11))}, may(3)));
  CHECK(contribution(store, wire) == Contribution{3, 3, 3600});
  check_exact(store);

  // An undated item counts by when it was fetched.
  store.record_poll(ok_poll(wire, {make_item("4", "Glacier bees hum", "https://a.example/bees")}, may(1, 20)));
  CHECK(contribution(store, wire) == Contribution{4, 4, 10 * 3600 / 3});
  check_exact(store);
}

TEST_CASE_METHOD(TwoFeeds, "a late item merged into another feed's story counts that story once for its own feed",
                 "[store][activity]") {
  store.record_poll(ok_poll(wire, {make_item("w-1", "Comet tails sing", "https://a.example/comet", may(1, 8)),
                                   make_item("w-2", "Moss grows on Mars", "https://a.example/moss", may(1, 9))}));
  // A day later the blog carries the comet story (same canonical link), twice under two guids.
  store.record_poll(ok_poll(blog,
                            {make_item("b-1", "Comet tails sing", "https://a.example/comet", may(2, 8)),
                             make_item("b-2", "Comet tails sing (updated)", "https://a.example/comet", may(2, 9))},
                            may(2)));
  REQUIRE(store.stories(test::everything()).size() == 2);
  CHECK(contribution(store, wire) == Contribution{2, 2, 3600});
  CHECK(contribution(store, blog) == Contribution{2, 1, 3600});
  check_exact(store);
}

TEST_CASE_METHOD(TwoFeeds, "retention takes pruned items out of their feeds' counts", "[store][activity]") {
  std::vector<NormalizedItem> items;
  for (int i = 0; i < 6; ++i)
    items.push_back(make_item("w-" + std::to_string(i), "Wire story number " + std::to_string(i) + " about otters",
                              "https://a.example/w" + std::to_string(i), may(1, 6 + i)));
  store.record_poll(ok_poll(wire, items, may(1)));
  store.record_poll(ok_poll(blog,
                            {make_item("b-1", "Wire story number 0 about otters", "https://a.example/w0", may(1, 6)),
                             make_item("b-2", "Blog note on herons", "https://a.example/herons", may(1, 7))},
                            may(1)));
  // Both feeds list something new later, so what they listed before may expire.
  store.record_poll(
      ok_poll(wire, {make_item("w-new", "Fresh wire item on lynx", "https://a.example/lynx", may(20, 6))}, may(20)));
  store.record_poll(ok_poll(
      blog, {make_item("b-new", "Fresh blog item on cranes", "https://a.example/cranes", may(20, 7))}, may(20)));
  REQUIRE(contribution(store, wire).items == 7);

  RetentionPolicy policy;
  policy.max_items_per_feed = 2;
  const PruneReport report = store.prune(policy, may(21));
  REQUIRE(report.items > 0);
  check_exact(store);
  // The wire keeps its two newest; the shared otter story 0 goes with both of its copies.
  CHECK(contribution(store, wire) == Contribution{2, 2, (19 * 24 * 3600 - 5 * 3600)});
  CHECK(contribution(store, blog) == Contribution{2, 2, 19 * 24 * 3600});

  policy.max_items_per_feed.reset();
  policy.keep_days = std::chrono::days(1);
  policy.keep_days_on_topic = std::chrono::days(1);
  store.prune(policy, may(30));
  check_exact(store);
}

TEST_CASE_METHOD(TwoFeeds, "a feed taken out of the config leaves the others' counts as they were",
                 "[store][activity]") {
  store.record_poll(ok_poll(wire, {make_item("w-1", "Comet tails sing", "https://a.example/comet", may(1, 8))}));
  store.record_poll(ok_poll(blog, {make_item("b-1", "Comet tails sing", "https://a.example/comet", may(1, 9)),
                                   make_item("b-2", "Herons fish at dawn", "https://a.example/herons", may(1, 10))}));
  const auto statuses = configured_statuses({{"wire", "https://wire.example/rss", true}}, store, may(2));
  REQUIRE(statuses.size() == 1);
  CHECK(statuses.front().activity.items == 1);
  CHECK(statuses.front().activity.stories == 1);
  // Back in the config under a new URL, the feed still owns the items it stored.
  store.upsert_feed("blog", "https://blog.example/atom");
  CHECK(contribution(store, blog) == Contribution{2, 2, 3600});
  check_exact(store);
}

TEST_CASE("the schema v7 migration counts what a v6 store holds", "[store][activity][schema]") {
  test::TempDir dir;
  const auto path = dir / "store.db";
  {
    SQLite::Database db(path.string(), SQLite::OPEN_READWRITE | SQLite::OPEN_CREATE);
    store_detail::migrate(db, path, 6);
    db.exec(
        "INSERT INTO feeds (id, name, url) VALUES (1, 'wire', 'https://wire.example/rss'),"
        " (2, 'blog', 'https://blog.example/rss'), (3, 'idle', 'https://idle.example/rss');"
        "INSERT INTO stories (id, story_id, first_seen) VALUES (1, 'comet', '2024-05-01T08:00:00Z'),"
        " (2, 'moss', '2024-05-01T10:00:00Z');"
        "INSERT INTO items (feed_id, story_id, guid, published, fetched_at, last_seen_at) VALUES"
        " (1, 1, 'w-1', '2024-05-01T08:00:00Z', '2024-05-01T12:00:00Z', '2024-05-01T12:00:00Z'),"
        " (1, 2, 'w-2', '2024-05-01T10:00:00Z', '2024-05-01T12:00:00Z', '2024-05-01T12:00:00Z'),"
        " (2, 1, 'b-1', NULL, '2024-05-01T12:00:00Z', '2024-05-01T12:00:00Z'),"
        " (2, 1, 'b-2', '2024-05-01T09:00:00Z', '2024-05-01T12:00:00Z', '2024-05-01T12:00:00Z');");
  }
  Store store(path);
  CHECK(test::scalar(path, "PRAGMA user_version") == store_detail::known_schema_version());
  CHECK(contribution(store, 1) == Contribution{2, 2, 2 * 3600});
  CHECK(contribution(store, 2) == Contribution{2, 1, 3 * 3600});
  CHECK(contribution(store, 3) == Contribution{0, 0, {}});
  check_exact(store);
}
