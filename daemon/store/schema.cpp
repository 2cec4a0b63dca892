#include "daemon/store/schema.hpp"

#include <SQLiteCpp/Transaction.h>
#include <spdlog/spdlog.h>

#include <array>
#include <string>

#include "daemon/store/store_error.hpp"

namespace feedsieve::store_detail {
namespace {

struct Migration {
  int version;      // user_version once the step is applied
  const char* sql;  // ends by setting PRAGMA user_version to `version`
};

// Version 1: feeds, stories, items and the full-text index over items.
// Times are RFC 3339 UTC text; fixed width, so text order is time order.
constexpr const char* schema_v1 = R"sql(
CREATE TABLE feeds (
  id            INTEGER PRIMARY KEY,
  name          TEXT NOT NULL UNIQUE,
  url           TEXT NOT NULL,
  etag          TEXT,
  last_modified TEXT,
  next_poll     TEXT,
  last_attempt  TEXT,
  last_success  TEXT,
  last_status   INTEGER NOT NULL DEFAULT 0,
  last_error    TEXT NOT NULL DEFAULT '',
  error_count   INTEGER NOT NULL DEFAULT 0,
  moved_to      TEXT,
  created_at    TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ', 'now'))
);

CREATE TABLE stories (
  id            INTEGER PRIMARY KEY,
  story_id      TEXT NOT NULL UNIQUE,
  canonical_url TEXT,
  title         TEXT NOT NULL DEFAULT '',
  published     TEXT,
  first_seen    TEXT NOT NULL,
  on_topic      INTEGER NOT NULL DEFAULT 1,
  topic_score   REAL NOT NULL DEFAULT 0,
  event_id      TEXT,
  sort_time     TEXT GENERATED ALWAYS AS (coalesce(published, first_seen)) VIRTUAL
);
CREATE INDEX stories_by_sort_time ON stories (sort_time);
CREATE INDEX stories_by_event ON stories (event_id) WHERE event_id IS NOT NULL;

CREATE TABLE items (
  id             INTEGER PRIMARY KEY,
  feed_id        INTEGER NOT NULL REFERENCES feeds (id),
  story_id       INTEGER NOT NULL REFERENCES stories (id),
  guid           TEXT NOT NULL,
  link           TEXT NOT NULL DEFAULT '',
  canonical_link TEXT,
  title          TEXT NOT NULL DEFAULT '',
  summary        TEXT NOT NULL DEFAULT '',
  content        TEXT NOT NULL DEFAULT '',
  authors        TEXT NOT NULL DEFAULT '[]',
  categories     TEXT NOT NULL DEFAULT '[]',
  enclosures     TEXT NOT NULL DEFAULT '[]',
  published      TEXT,
  updated        TEXT,
  fetched_at     TEXT NOT NULL,
  last_seen_at   TEXT NOT NULL,
  UNIQUE (feed_id, guid)
);
CREATE INDEX items_by_canonical_link ON items (canonical_link) WHERE canonical_link IS NOT NULL;
CREATE INDEX items_by_story ON items (story_id, published);

-- External-content FTS5 index over items; the triggers below keep it in step
-- with every insert, update and delete of items.
CREATE VIRTUAL TABLE items_fts USING fts5 (
  title, summary, content,
  content = 'items', content_rowid = 'id',
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE TRIGGER items_fts_after_insert AFTER INSERT ON items BEGIN
  INSERT INTO items_fts (rowid, title, summary, content)
  VALUES (new.id, new.title, new.summary, new.content);
END;
CREATE TRIGGER items_fts_after_delete AFTER DELETE ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary, content)
  VALUES ('delete', old.id, old.title, old.summary, old.content);
END;
CREATE TRIGGER items_fts_after_update AFTER UPDATE OF title, summary, content ON items BEGIN
  INSERT INTO items_fts (items_fts, rowid, title, summary, content)
  VALUES ('delete', old.id, old.title, old.summary, old.content);
  INSERT INTO items_fts (rowid, title, summary, content)
  VALUES (new.id, new.title, new.summary, new.content);
END;

PRAGMA user_version = 1;
)sql";

// Version 2: topic verdicts and dedup fingerprints per item, the
// expression indexes that look fingerprints up by 16-bit band, and the
// distinctive terms of each story for event grouping. Items of a v1 store
// are fingerprinted when a writer next opens it (fingerprinted = 0 until then).
constexpr const char* schema_v2 = R"sql(
ALTER TABLE items ADD COLUMN topic_score REAL NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN on_topic INTEGER NOT NULL DEFAULT 1;
ALTER TABLE items ADD COLUMN simhash INTEGER;
ALTER TABLE items ADD COLUMN title_key TEXT;
ALTER TABLE items ADD COLUMN fingerprinted INTEGER NOT NULL DEFAULT 0;
ALTER TABLE items ADD COLUMN merge_reason TEXT NOT NULL DEFAULT '';
ALTER TABLE items ADD COLUMN simhash2 INTEGER;
-- The lookup keys of each item's fingerprint (feeds/dedup/fingerprint.hpp:
-- window << 18 | band << 16 | 16 bits of the hash), up to 8 per item.
CREATE TABLE simhash_bands (
  band_key INTEGER NOT NULL,
  item_id  INTEGER NOT NULL,  -- items.id; rows of deleted items match nothing
  PRIMARY KEY (band_key, item_id)
) WITHOUT ROWID;
CREATE INDEX items_by_title_key ON items (title_key) WHERE title_key IS NOT NULL;
CREATE INDEX items_unfingerprinted ON items (id) WHERE fingerprinted = 0;

ALTER TABLE stories ADD COLUMN event_reason TEXT NOT NULL DEFAULT '';
CREATE TABLE story_terms (
  term     TEXT NOT NULL,
  story_id INTEGER NOT NULL,  -- stories.id
  PRIMARY KEY (term, story_id)
) WITHOUT ROWID;

PRAGMA user_version = 2;
)sql";

// Version 3: the article page behind an item's link (fetch_article): its
// extracted main text, when it was fetched, why it could not be, and the
// canonical URL the page declares (rel=canonical / og:url).
constexpr const char* schema_v3 = R"sql(
ALTER TABLE items ADD COLUMN article_text TEXT;
ALTER TABLE items ADD COLUMN article_fetched_at TEXT;
ALTER TABLE items ADD COLUMN article_error TEXT;
ALTER TABLE items ADD COLUMN article_canonical_url TEXT;

PRAGMA user_version = 3;
)sql";

// Version 4: what the feed's last full document said about its own schedule
// (ttl, sy:updatePeriod, skipHours/skipDays, the pace of its items), kept so
// that the polls answered 304 Not Modified still honour it.
constexpr const char* schema_v4 = R"sql(
ALTER TABLE feeds ADD COLUMN poll_hints TEXT NOT NULL DEFAULT '{}';

PRAGMA user_version = 4;
)sql";

// Version 5: the near-duplicate fingerprint is the lead's shingle sketch,
// looked up by MinHash band keys (feeds/dedup/fingerprint.hpp), where it was
// two SimHashes: simhash and simhash2 are no longer written. The old band
// keys go, and every item is fingerprinted again when a writer next opens
// the store (fingerprinted = 0); stories stay as they are.
constexpr const char* schema_v5 = R"sql(
ALTER TABLE items ADD COLUMN lead_sketch BLOB;
DELETE FROM simhash_bands;
UPDATE items SET fingerprinted = 0, simhash = NULL, simhash2 = NULL;

PRAGMA user_version = 5;
)sql";

// Version 6: a story's terms by story, for event matching (a candidate's
// terms) and retention (deleting a story's rows), which otherwise scan
// story_terms whole.
constexpr const char* schema_v6 = R"sql(
CREATE INDEX story_terms_by_story ON story_terms (story_id);

PRAGMA user_version = 6;
)sql";

// Version 7: what each feed has contributed (`status`, GET /api/feeds), kept
// in step with items by triggers so that reading it is one pass over feeds
// instead of an aggregate over every item: its items, the distinct stories
// they belong to, and the oldest and newest item time (an item's date, else
// when it was fetched). The index answers a feed's oldest and newest time
// when an item goes or changes its date. Existing stores are counted once.
constexpr const char* schema_v7 = R"sql(
ALTER TABLE feeds ADD COLUMN item_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN story_count INTEGER NOT NULL DEFAULT 0;
ALTER TABLE feeds ADD COLUMN oldest_item TEXT;
ALTER TABLE feeds ADD COLUMN newest_item TEXT;
CREATE INDEX items_by_feed_time ON items (feed_id, coalesce(published, updated, fetched_at));

UPDATE feeds SET item_count = a.items, story_count = a.stories, oldest_item = a.oldest, newest_item = a.newest
FROM (SELECT feed_id, count(*) AS items, count(DISTINCT story_id) AS stories,
             min(coalesce(published, updated, fetched_at)) AS oldest,
             max(coalesce(published, updated, fetched_at)) AS newest
      FROM items GROUP BY feed_id) AS a
WHERE a.feed_id = feeds.id;

-- A story counts for a feed while at least one of the feed's items is in it.
-- ("+feed_id" keeps the look-up on items_by_story: a story has few items, a feed many.)
CREATE TRIGGER feed_counts_after_insert AFTER INSERT ON items BEGIN
  UPDATE feeds SET
    item_count = item_count + 1,
    story_count = story_count + NOT EXISTS (SELECT 1 FROM items
        WHERE story_id = new.story_id AND +feed_id = new.feed_id AND id != new.id),
    oldest_item = coalesce(min(oldest_item, coalesce(new.published, new.updated, new.fetched_at)),
                           coalesce(new.published, new.updated, new.fetched_at)),
    newest_item = coalesce(max(newest_item, coalesce(new.published, new.updated, new.fetched_at)),
                           coalesce(new.published, new.updated, new.fetched_at))
  WHERE id = new.feed_id;
END;
CREATE TRIGGER feed_counts_after_delete AFTER DELETE ON items BEGIN
  UPDATE feeds SET
    item_count = item_count - 1,
    story_count = story_count - NOT EXISTS (SELECT 1 FROM items
        WHERE story_id = old.story_id AND +feed_id = old.feed_id),
    oldest_item = (SELECT min(coalesce(published, updated, fetched_at)) FROM items WHERE feed_id = old.feed_id),
    newest_item = (SELECT max(coalesce(published, updated, fetched_at)) FROM items WHERE feed_id = old.feed_id)
  WHERE id = old.feed_id;
END;
-- An item that moves (feed, story) or changes its time counts as the old row
-- gone and the new one arrived; "other items" leave the row itself out, so an
-- unmoved item is counted once.
CREATE TRIGGER feed_counts_after_update AFTER UPDATE OF feed_id, story_id, published, updated, fetched_at ON items
WHEN old.feed_id IS NOT new.feed_id OR old.story_id IS NOT new.story_id
  OR coalesce(old.published, old.updated, old.fetched_at) IS NOT coalesce(new.published, new.updated, new.fetched_at)
BEGIN
  UPDATE feeds SET
    item_count = item_count - 1,
    story_count = story_count - NOT EXISTS (SELECT 1 FROM items
        WHERE story_id = old.story_id AND +feed_id = old.feed_id AND id != new.id)
  WHERE id = old.feed_id;
  UPDATE feeds SET
    item_count = item_count + 1,
    story_count = story_count + NOT EXISTS (SELECT 1 FROM items
        WHERE story_id = new.story_id AND +feed_id = new.feed_id AND id != new.id)
  WHERE id = new.feed_id;
  UPDATE feeds SET
    oldest_item = (SELECT min(coalesce(published, updated, fetched_at)) FROM items WHERE feed_id = feeds.id),
    newest_item = (SELECT max(coalesce(published, updated, fetched_at)) FROM items WHERE feed_id = feeds.id)
  WHERE id IN (old.feed_id, new.feed_id);
END;

PRAGMA user_version = 7;
)sql";

// Version 8: a full-text index with one row per story (the title, summary and
// content of all its items, item by item) whose rowid is the story's listing
// key: its sort_time in whole seconds since 1900 (clamped to 1900..2172) in
// the high 33 bits, stories.id in the low 30. rowid order is then the
// newest-first listing order, so a search walks `ORDER BY rowid DESC` and
// stops after a page, and bm25 ranks stories, not items. It stores its own
// copy of the text so that a row can be moved or rebuilt by rowid alone.
// Triggers rebuild a story's row when its items change and move it when its
// sort_time does. Existing stories are indexed by version 9, which rebuilds
// the table at its own keys (indexing them here too would double the upgrade).
constexpr const char* schema_v8 = R"sql(
CREATE VIEW story_search_keys (id, search_key) AS
  SELECT id, (max(0, min(8589934591, coalesce(unixepoch(sort_time), 0) + 2208988800)) << 30) | id FROM stories;
-- A story's row of stories_fts as its items make it ("WHERE id = ?" reaches inside the GROUP BY).
CREATE VIEW story_search_text (id, search_key, title, summary, content) AS
  SELECT k.id, k.search_key, group_concat(i.title, char(10)), group_concat(i.summary, char(10)),
         group_concat(i.content, char(10))
  FROM story_search_keys k JOIN items i ON i.story_id = k.id GROUP BY k.id;

CREATE VIRTUAL TABLE stories_fts USING fts5 (
  title, summary, content,
  tokenize = 'unicode61 remove_diacritics 2'
);

CREATE TRIGGER stories_fts_after_item_insert AFTER INSERT ON items BEGIN
  DELETE FROM stories_fts WHERE rowid = (SELECT search_key FROM story_search_keys WHERE id = new.story_id);
  INSERT INTO stories_fts (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text WHERE id = new.story_id;
END;
CREATE TRIGGER stories_fts_after_item_update AFTER UPDATE OF title, summary, content, story_id ON items BEGIN
  DELETE FROM stories_fts
    WHERE rowid IN (SELECT search_key FROM story_search_keys WHERE id IN (old.story_id, new.story_id));
  INSERT INTO stories_fts (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text WHERE id IN (old.story_id, new.story_id);
END;
CREATE TRIGGER stories_fts_after_item_delete AFTER DELETE ON items BEGIN
  DELETE FROM stories_fts WHERE rowid = (SELECT search_key FROM story_search_keys WHERE id = old.story_id);
  INSERT INTO stories_fts (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text WHERE id = old.story_id;
END;
-- The row is found by the old key, computed from the old row as the view computes it.
CREATE TRIGGER stories_fts_after_story_move AFTER UPDATE OF published, first_seen ON stories
WHEN coalesce(old.published, old.first_seen) IS NOT coalesce(new.published, new.first_seen) BEGIN
  DELETE FROM stories_fts
    WHERE rowid = (max(0, min(8589934591, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0)
                              + 2208988800)) << 30) | old.id;
  INSERT INTO stories_fts (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text WHERE id = new.id;
END;
CREATE TRIGGER stories_fts_after_story_delete AFTER DELETE ON stories BEGIN
  DELETE FROM stories_fts
    WHERE rowid = (max(0, min(8589934591, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0)
                              + 2208988800)) << 30) | old.id;
END;

PRAGMA user_version = 8;
)sql";

// Version 9: the listing key also carries the story's topic verdict, so that
// a search for on-topic stories (the default) tests a bit of each match
// instead of looking every match's story up: whole seconds since 1900 in the
// high 33 bits as before, stories.id in the next 29, on_topic in the lowest.
// The key's order is still the listing order. The item triggers find rows
// through story_search_keys and need no change; the story triggers compute
// the old key themselves and follow the verdict as well as the date. The
// index is rebuilt at the new keys (dropping it is faster than moving rows).
// A story row of 2^29 or more would spill into the key's time bits: the
// store refuses to create one (about 537 million stories) instead.
constexpr const char* schema_v9 = R"sql(
DROP TRIGGER stories_fts_after_story_move;
DROP TRIGGER stories_fts_after_story_delete;
DROP VIEW story_search_text;
DROP VIEW story_search_keys;
DROP TABLE stories_fts;

CREATE VIEW story_search_keys (id, search_key) AS
  SELECT id, (max(0, min(8589934591, coalesce(unixepoch(sort_time), 0) + 2208988800)) << 30) | (id << 1)
             | (on_topic != 0) FROM stories;
CREATE VIEW story_search_text (id, search_key, title, summary, content) AS
  SELECT k.id, k.search_key, group_concat(i.title, char(10)), group_concat(i.summary, char(10)),
         group_concat(i.content, char(10))
  FROM story_search_keys k JOIN items i ON i.story_id = k.id GROUP BY k.id;

CREATE VIRTUAL TABLE stories_fts USING fts5 (
  title, summary, content,
  tokenize = 'unicode61 remove_diacritics 2'
);

INSERT INTO stories_fts (rowid, title, summary, content)
  SELECT search_key, title, summary, content FROM story_search_text;

CREATE TRIGGER stories_fts_after_story_move AFTER UPDATE OF published, first_seen, on_topic ON stories
WHEN coalesce(old.published, old.first_seen) IS NOT coalesce(new.published, new.first_seen)
  OR (old.on_topic != 0) IS NOT (new.on_topic != 0) BEGIN
  DELETE FROM stories_fts
    WHERE rowid = (max(0, min(8589934591, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0)
                              + 2208988800)) << 30) | (old.id << 1) | (old.on_topic != 0);
  INSERT INTO stories_fts (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text WHERE id = new.id;
END;
CREATE TRIGGER stories_fts_after_story_delete AFTER DELETE ON stories BEGIN
  DELETE FROM stories_fts
    WHERE rowid = (max(0, min(8589934591, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0)
                              + 2208988800)) << 30) | (old.id << 1) | (old.on_topic != 0);
END;
CREATE TRIGGER stories_id_fits_search_key AFTER INSERT ON stories WHEN new.id >= 536870912 BEGIN
  SELECT RAISE(ABORT, 'stories.id has reached 2^29, more than the listing key of stories_fts holds');
END;

PRAGMA user_version = 9;
)sql";

// Version 10: one full-text table per verdict, stories_fts_on and
// stories_fts_off, at the same listing keys (the key keeps its verdict bit, so
// that v9's keys and the cursors that hold them keep their meaning). A search
// for one verdict walks only that verdict's matches: in one table, a verdict
// held by a share s of the stories had a search walk 1/s matches for each one
// it kept. A search of both merges the two walks in key order. (A verdict in
// the key's top bit would have split one table into two ranges instead, but
// rowids that far apart make FTS5 in SQLite 3.40 lose rows: see version 11.)
// The rows are copied from stories_fts by their verdict bit; a change of
// verdict moves a story's row from one table to the other. A row is inserted
// into its verdict's table only: in the item insert and delete triggers a
// condition on the story's verdict alone skips the other insert before its
// view is read; the item update trigger, which may rebuild two stories,
// filters on each row's verdict bit.
constexpr const char* schema_v10 = R"sql(
DROP TRIGGER stories_fts_after_item_insert;
DROP TRIGGER stories_fts_after_item_update;
DROP TRIGGER stories_fts_after_item_delete;
DROP TRIGGER stories_fts_after_story_move;
DROP TRIGGER stories_fts_after_story_delete;

CREATE VIRTUAL TABLE stories_fts_on USING fts5 (
  title, summary, content,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE stories_fts_off USING fts5 (
  title, summary, content,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO stories_fts_on (rowid, title, summary, content)
  SELECT rowid, title, summary, content FROM stories_fts WHERE rowid & 1 = 1 ORDER BY rowid;
INSERT INTO stories_fts_off (rowid, title, summary, content)
  SELECT rowid, title, summary, content FROM stories_fts WHERE rowid & 1 = 0 ORDER BY rowid;
DROP TABLE stories_fts;

CREATE TRIGGER stories_fts_after_item_insert AFTER INSERT ON items BEGIN
  DELETE FROM stories_fts_on WHERE rowid = (SELECT search_key FROM story_search_keys WHERE id = new.story_id);
  DELETE FROM stories_fts_off WHERE rowid = (SELECT search_key FROM story_search_keys WHERE id = new.story_id);
  INSERT INTO stories_fts_on (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id = new.story_id AND (SELECT on_topic != 0 FROM stories WHERE id = new.story_id);
  INSERT INTO stories_fts_off (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id = new.story_id AND (SELECT on_topic = 0 FROM stories WHERE id = new.story_id);
END;
CREATE TRIGGER stories_fts_after_item_update AFTER UPDATE OF title, summary, content, story_id ON items BEGIN
  DELETE FROM stories_fts_on
    WHERE rowid IN (SELECT search_key FROM story_search_keys WHERE id IN (old.story_id, new.story_id));
  DELETE FROM stories_fts_off
    WHERE rowid IN (SELECT search_key FROM story_search_keys WHERE id IN (old.story_id, new.story_id));
  INSERT INTO stories_fts_on (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id IN (old.story_id, new.story_id) AND search_key & 1 = 1;
  INSERT INTO stories_fts_off (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id IN (old.story_id, new.story_id) AND search_key & 1 = 0;
END;
CREATE TRIGGER stories_fts_after_item_delete AFTER DELETE ON items BEGIN
  DELETE FROM stories_fts_on WHERE rowid = (SELECT search_key FROM story_search_keys WHERE id = old.story_id);
  DELETE FROM stories_fts_off WHERE rowid = (SELECT search_key FROM story_search_keys WHERE id = old.story_id);
  INSERT INTO stories_fts_on (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id = old.story_id AND (SELECT on_topic != 0 FROM stories WHERE id = old.story_id);
  INSERT INTO stories_fts_off (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id = old.story_id AND (SELECT on_topic = 0 FROM stories WHERE id = old.story_id);
END;
-- The old key names the old verdict's table; the row is deleted there and
-- rebuilt in the new verdict's.
CREATE TRIGGER stories_fts_after_story_move AFTER UPDATE OF published, first_seen, on_topic ON stories
WHEN coalesce(old.published, old.first_seen) IS NOT coalesce(new.published, new.first_seen)
  OR (old.on_topic != 0) IS NOT (new.on_topic != 0) BEGIN
  DELETE FROM stories_fts_on
    WHERE old.on_topic != 0
      AND rowid = (max(0, min(8589934591, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0)
                              + 2208988800)) << 30) | (old.id << 1) | 1;
  DELETE FROM stories_fts_off
    WHERE old.on_topic = 0
      AND rowid = (max(0, min(8589934591, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0)
                              + 2208988800)) << 30) | (old.id << 1);
  INSERT INTO stories_fts_on (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text WHERE id = new.id AND new.on_topic != 0;
  INSERT INTO stories_fts_off (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text WHERE id = new.id AND new.on_topic = 0;
END;
CREATE TRIGGER stories_fts_after_story_delete AFTER DELETE ON stories BEGIN
  DELETE FROM stories_fts_on
    WHERE old.on_topic != 0
      AND rowid = (max(0, min(8589934591, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0)
                              + 2208988800)) << 30) | (old.id << 1) | 1;
  DELETE FROM stories_fts_off
    WHERE old.on_topic = 0
      AND rowid = (max(0, min(8589934591, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0)
                              + 2208988800)) << 30) | (old.id << 1);
END;

PRAGMA user_version = 10;
)sql";

// Version 11: the listing key counts whole minutes since 1970 (clamped to
// 1970..2097, 26 bits) where it counted seconds since 1900 (33 bits), so
// that every key is below 2^56. FTS5 in SQLite 3.40 loses rows when it walks
// an AND of phrases newest first past two rowids of a doclist that differ by
// 2^56 or more (a nine-byte varint in its doclist index, read backwards): with
// seconds, stories a little over two years apart were enough. Within a minute
// stories order by row. The rows are copied to the new keys (the old key's
// seconds give the new key's minute, clamped alike) and the views and
// triggers rebuilt with the new formula.
constexpr const char* schema_v11 = R"sql(
DROP TRIGGER stories_fts_after_item_insert;
DROP TRIGGER stories_fts_after_item_update;
DROP TRIGGER stories_fts_after_item_delete;
DROP TRIGGER stories_fts_after_story_move;
DROP TRIGGER stories_fts_after_story_delete;
DROP VIEW story_search_text;
DROP VIEW story_search_keys;

CREATE VIEW story_search_keys (id, search_key) AS
  SELECT id, (max(0, min(67108863, coalesce(unixepoch(sort_time), 0) / 60)) << 30) | (id << 1) | (on_topic != 0)
  FROM stories;
CREATE VIEW story_search_text (id, search_key, title, summary, content) AS
  SELECT k.id, k.search_key, group_concat(i.title, char(10)), group_concat(i.summary, char(10)),
         group_concat(i.content, char(10))
  FROM story_search_keys k JOIN items i ON i.story_id = k.id GROUP BY k.id;

ALTER TABLE stories_fts_on RENAME TO stories_fts_on_v10;
ALTER TABLE stories_fts_off RENAME TO stories_fts_off_v10;
CREATE VIRTUAL TABLE stories_fts_on USING fts5 (
  title, summary, content,
  tokenize = 'unicode61 remove_diacritics 2'
);
CREATE VIRTUAL TABLE stories_fts_off USING fts5 (
  title, summary, content,
  tokenize = 'unicode61 remove_diacritics 2'
);
INSERT INTO stories_fts_on (rowid, title, summary, content)
  SELECT (max(0, min(67108863, ((rowid >> 30) - 2208988800) / 60)) << 30) | (rowid & 1073741823),
         title, summary, content
  FROM stories_fts_on_v10 ORDER BY rowid;
INSERT INTO stories_fts_off (rowid, title, summary, content)
  SELECT (max(0, min(67108863, ((rowid >> 30) - 2208988800) / 60)) << 30) | (rowid & 1073741823),
         title, summary, content
  FROM stories_fts_off_v10 ORDER BY rowid;
DROP TABLE stories_fts_on_v10;
DROP TABLE stories_fts_off_v10;

CREATE TRIGGER stories_fts_after_item_insert AFTER INSERT ON items BEGIN
  DELETE FROM stories_fts_on WHERE rowid = (SELECT search_key FROM story_search_keys WHERE id = new.story_id);
  DELETE FROM stories_fts_off WHERE rowid = (SELECT search_key FROM story_search_keys WHERE id = new.story_id);
  INSERT INTO stories_fts_on (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id = new.story_id AND (SELECT on_topic != 0 FROM stories WHERE id = new.story_id);
  INSERT INTO stories_fts_off (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id = new.story_id AND (SELECT on_topic = 0 FROM stories WHERE id = new.story_id);
END;
CREATE TRIGGER stories_fts_after_item_update AFTER UPDATE OF title, summary, content, story_id ON items BEGIN
  DELETE FROM stories_fts_on
    WHERE rowid IN (SELECT search_key FROM story_search_keys WHERE id IN (old.story_id, new.story_id));
  DELETE FROM stories_fts_off
    WHERE rowid IN (SELECT search_key FROM story_search_keys WHERE id IN (old.story_id, new.story_id));
  INSERT INTO stories_fts_on (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id IN (old.story_id, new.story_id) AND search_key & 1 = 1;
  INSERT INTO stories_fts_off (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id IN (old.story_id, new.story_id) AND search_key & 1 = 0;
END;
CREATE TRIGGER stories_fts_after_item_delete AFTER DELETE ON items BEGIN
  DELETE FROM stories_fts_on WHERE rowid = (SELECT search_key FROM story_search_keys WHERE id = old.story_id);
  DELETE FROM stories_fts_off WHERE rowid = (SELECT search_key FROM story_search_keys WHERE id = old.story_id);
  INSERT INTO stories_fts_on (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id = old.story_id AND (SELECT on_topic != 0 FROM stories WHERE id = old.story_id);
  INSERT INTO stories_fts_off (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text
    WHERE id = old.story_id AND (SELECT on_topic = 0 FROM stories WHERE id = old.story_id);
END;
CREATE TRIGGER stories_fts_after_story_move AFTER UPDATE OF published, first_seen, on_topic ON stories
WHEN coalesce(old.published, old.first_seen) IS NOT coalesce(new.published, new.first_seen)
  OR (old.on_topic != 0) IS NOT (new.on_topic != 0) BEGIN
  DELETE FROM stories_fts_on
    WHERE old.on_topic != 0
      AND rowid = (max(0, min(67108863, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0) / 60)) << 30)
                  | (old.id << 1) | 1;
  DELETE FROM stories_fts_off
    WHERE old.on_topic = 0
      AND rowid = (max(0, min(67108863, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0) / 60)) << 30)
                  | (old.id << 1);
  INSERT INTO stories_fts_on (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text WHERE id = new.id AND new.on_topic != 0;
  INSERT INTO stories_fts_off (rowid, title, summary, content)
    SELECT search_key, title, summary, content FROM story_search_text WHERE id = new.id AND new.on_topic = 0;
END;
CREATE TRIGGER stories_fts_after_story_delete AFTER DELETE ON stories BEGIN
  DELETE FROM stories_fts_on
    WHERE old.on_topic != 0
      AND rowid = (max(0, min(67108863, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0) / 60)) << 30)
                  | (old.id << 1) | 1;
  DELETE FROM stories_fts_off
    WHERE old.on_topic = 0
      AND rowid = (max(0, min(67108863, coalesce(unixepoch(coalesce(old.published, old.first_seen)), 0) / 60)) << 30)
                  | (old.id << 1);
END;

PRAGMA user_version = 11;
)sql";

// Version 12: the item's language (BCP 47, the feed's when the item names
// none; '' when neither does). Rows stored before keep '' until their feed
// delivers them again.
constexpr const char* schema_v12 = R"sql(
ALTER TABLE items ADD COLUMN language TEXT NOT NULL DEFAULT '';

PRAGMA user_version = 12;
)sql";

// Ordered; step i brings the schema from version i to version i + 1.
constexpr std::array migrations{
    Migration{1, schema_v1},
    Migration{2, schema_v2},
    Migration{3, schema_v3},
    Migration{4, schema_v4},
    Migration{5, schema_v5},
    Migration{6, schema_v6},
    Migration{7, schema_v7},
    Migration{8, schema_v8},
    Migration{9, schema_v9},
    Migration{10, schema_v10},
    Migration{11, schema_v11},
    Migration{12, schema_v12},
};

void refuse_newer(const std::filesystem::path& path, int found) {
  if (found <= known_schema_version()) return;
  throw_store_problem(path, "has schema version " + std::to_string(found) + ", this feedsieve knows up to " +
                                std::to_string(known_schema_version()) + "; upgrade feedsieve to use it");
}

// Applies the next step, if any, in its own write transaction. Returns false
// when the schema is already at `target`. The version is read again under the
// write lock, so two writers opening at once cannot both apply a step.
bool apply_next_step(SQLite::Database& db, const std::filesystem::path& path, int target) {
  SQLite::Transaction transaction(db, SQLite::TransactionBehavior::IMMEDIATE);
  const int version = schema_version(db);
  refuse_newer(path, version);
  if (version >= target) return false;
  const Migration& step = migrations.at(static_cast<std::size_t>(version));
  db.exec(step.sql);
  if (schema_version(db) != step.version)
    throw_store_error(path, "migration to schema version " + std::to_string(step.version),
                      "the step did not set user_version");
  transaction.commit();
  spdlog::info("store {}: migrated to schema version {}", path.string(), step.version);
  return true;
}

}  // namespace

int known_schema_version() { return migrations.back().version; }

int schema_version(SQLite::Database& db) { return db.execAndGet("PRAGMA user_version").getInt(); }

void migrate(SQLite::Database& db, const std::filesystem::path& path) { migrate(db, path, known_schema_version()); }

void migrate(SQLite::Database& db, const std::filesystem::path& path, int target) {
  const int found = guarded(path, "reading the schema version", [&] { return schema_version(db); });
  refuse_newer(path, found);
  if (found >= target) return;
  guarded(path, "migrating the schema", [&] {
    while (apply_next_step(db, path, target)) {
    }
  });
}

void require_current_schema(SQLite::Database& db, const std::filesystem::path& path) {
  const int found = guarded(path, "reading the schema version", [&] { return schema_version(db); });
  refuse_newer(path, found);
  if (found == 0) throw_store_problem(path, "has no feedsieve schema yet; run `feedsieve run` once to create it");
  if (found < known_schema_version())
    throw_store_problem(path, "has schema version " + std::to_string(found) + ", older than this feedsieve's " +
                                  std::to_string(known_schema_version()) +
                                  "; run `feedsieve run` once to migrate it");
}

}  // namespace feedsieve::store_detail
