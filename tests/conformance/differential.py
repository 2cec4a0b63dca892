#!/usr/bin/env python3
"""Differential check: `feedsieve parse` against python3-feedparser on the same files.

For every feed file given (or found below a folder given), both parsers read the
same bytes, and every field the parse JSON has is compared the way the feedconf
corpus README compares values (feedconf.py's rules): feed title, description and
link; per item, by position, title, summary, content (text and a/img URLs),
link, id, date, authors, categories and enclosures. A field only one side has
counts apart. Disagreements are not failures by themselves (feedparser has
bugs of its own); they are where to look. Exit status 0 unless a file makes
feedsieve crash or hang.

    tests/conformance/differential.py --binary build/feedsieve DIR_OR_FILE... [--show N]

Needs python3-feedparser (apt-get install python3-feedparser).
"""
import argparse
import collections
import html
import html.parser
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import feedconf  # noqa: E402  (the comparison rules)

try:
    import feedparser
except ImportError:
    sys.exit("differential.py: needs python3-feedparser (apt-get install python3-feedparser); "
             "run it with /usr/bin/python3 if another python3 comes first on PATH")


class PlainText(html.parser.HTMLParser):
    """The text a reader sees in an HTML fragment: script and style left out."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.parts = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._skip += tag in ("script", "style")

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def text_of(value, detail):
    """feedparser's value of a text construct as plain text."""
    if value is None:
        return None
    if "html" in ((detail or {}).get("type") or ""):
        reader = PlainText()
        reader.feed(value)
        reader.close()
        return "".join(reader.parts)
    return value


def content_tokens(html_text):
    return feedconf.squash("".join(feedconf.read_content(html_text).tokens))


def utc(struct):
    # Formatted by hand: strftime's %Y gives "1" for year 1, which no RFC 3339 reader takes.
    if not struct:
        return None
    return (f"{struct.tm_year:04d}-{struct.tm_mon:02d}-{struct.tm_mday:02d}"
            f"T{struct.tm_hour:02d}:{struct.tm_min:02d}:{struct.tm_sec:02d}Z")


def length_of(text):
    """An enclosure length as feedsieve gives it: a number, 0 when there is none."""
    try:
        return max(0, int(str(text).strip()))
    except ValueError:
        return 0


def text_field(name, theirs, ours):
    if theirs is None:
        return None
    return name, feedconf.squash(theirs) == feedconf.squash(ours), theirs, ours


def feed_fields(fp, mine):
    feed = fp.feed
    yield text_field("feed.title", text_of(feed.get("title"), feed.get("title_detail")), mine.get("title"))
    yield text_field("feed.description", text_of(feed.get("subtitle"), feed.get("subtitle_detail")),
                     mine.get("description"))
    # BCP 47 tags compare without case; feedsieve gives "" for a language that is no tag.
    if feed.get("language"):
        theirs = feed["language"].strip().replace("_", "-")
        yield "feed.language", theirs.lower() == (mine.get("language") or "").lower(), theirs, mine.get("language")
    if feed.get("link") and not (feed.get("link") == feed.get("id") and not mine.get("link")):
        yield "feed.link", feedconf.normalize_url(feed["link"]) == feedconf.normalize_url(mine.get("link")), \
            feed["link"], mine.get("link")


def item_fields(i, entry, item):
    at = f"items[{i}]."
    yield text_field(at + "title", text_of(entry.get("title"), entry.get("title_detail")), item.get("title"))
    if "content" in entry:
        value = entry["content"][0].get("value", "")
        # Text content: its '<' is a character, not markup.
        theirs = value if "html" in (entry["content"][0].get("type") or "") else html.escape(value)
        yield at + "content", content_tokens(theirs) == content_tokens(item.get("content")), theirs, item.get("content")
        # feedparser copies the content into a missing summary; feedsieve leaves it empty.
        if entry.get("summary") != value:
            yield text_field(at + "summary", text_of(entry.get("summary"), entry.get("summary_detail")),
                             item.get("summary") or "")
    elif entry.get("summary") is not None:
        # Without a content element feedparser's summary is the description,
        # which feedsieve keeps as plain text.
        yield text_field(at + "summary", text_of(entry["summary"], entry.get("summary_detail")), item.get("summary"))
    # feedparser takes an entry's id for its missing link (even a urn:); feedsieve does not.
    if entry.get("link") and not (entry.get("guidislink") and not item.get("link")):
        yield at + "link", feedconf.normalize_url(entry["link"]) == feedconf.normalize_url(item.get("link")), \
            entry["link"], item.get("link")
    if entry.get("id"):
        yield at + "id", entry["id"].strip() == (item.get("id") or "").strip(), entry["id"], item.get("id")
    theirs = utc(entry.get("published_parsed") or entry.get("updated_parsed"))
    ours = [d for d in (item.get("published"), item.get("updated")) if d]
    if theirs or ours:
        got = {feedconf.parse_date(d) for d in ours}
        yield at + "date", (feedconf.parse_date(theirs) in got) if theirs else not ours, theirs, ours
    people = [[a.get("name") or "", a.get("email") or ""] for a in entry.get("authors", []) if a]
    if people:
        yield at + "authors", feedconf.authors_equal(item.get("authors"), people), people, item.get("authors")
    terms = [t.get("term") for t in entry.get("tags", []) if t.get("term")]
    if terms:
        yield at + "categories", collections.Counter(map(feedconf.squash, terms)) == \
            collections.Counter(map(feedconf.squash, item.get("categories") or [])), terms, item.get("categories")
    enclosures = [{"url": e.get("href"), "type": e.get("type"), "length": length_of(e.get("length"))}
                  for e in entry.get("enclosures", []) if e.get("href")]
    if enclosures:
        yield at + "enclosures", feedconf.enclosures_equal(item.get("enclosures"), enclosures), enclosures, \
            item.get("enclosures")


def compare_file(binary, path):
    """(crash, comparisons); a comparison is (field, agree, theirs, ours)."""
    try:
        proc = subprocess.run([binary, "parse", path], capture_output=True, timeout=feedconf.TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        return f"hung (over {feedconf.TIMEOUT_SECONDS} s)", []
    if proc.returncode < 0 or proc.returncode >= 128:
        return f"crashed (exit {proc.returncode})", []
    try:
        fp = feedparser.parse(path)
    except Exception as error:  # feedparser's own failures are not ours to report
        return None, [("<feedparser>", True, repr(error), None)]
    theirs_is_feed = bool(fp.entries) or bool(fp.feed.get("title"))
    if proc.returncode != 0:
        reason = proc.stderr.decode("utf-8", "replace").strip()
        return None, [("<parse>", not theirs_is_feed, "a feed" if theirs_is_feed else "not a feed", reason[:160])]
    mine = json.loads(proc.stdout)
    if not fp.get("version") and not fp.entries:
        # Nothing feedparser recognizes (JSON Feed, for example, before feedparser 6.1).
        return None, [("<feedparser reads nothing>", True, None, mine.get("format"))]
    out = [f for f in feed_fields(fp, mine) if f]
    items = mine.get("items", [])
    if len(fp.entries) != len(items):
        out.append(("items", False, len(fp.entries), len(items)))
    for i, (entry, item) in enumerate(zip(fp.entries, items)):
        out += [f for f in item_fields(i, entry, item) if f]
    return None, out


def files_below(paths):
    for path in paths:
        if os.path.isdir(path):
            for folder, _, names in sorted(os.walk(path)):
                yield from (os.path.join(folder, n) for n in sorted(names))
        else:
            yield path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--show", type=int, default=40, help="disagreements to print")
    args = parser.parse_args()

    tally = collections.defaultdict(lambda: [0, 0])  # field kind -> [agree, differ]
    shown = files = 0
    crashes = []
    for path in files_below(args.paths):
        files += 1
        crash, comparisons = compare_file(args.binary, path)
        if crash:
            crashes.append(f"{path}: {crash}")
        for field, agree, theirs, ours in comparisons:
            kind = field.split(".")[-1] if "." in field else field
            tally[kind][0 if agree else 1] += 1
            if not agree and shown < args.show:
                shown += 1
                print(f"DIFF {path}: {field}: feedparser {json.dumps(theirs, ensure_ascii=False)[:160]}"
                      f" feedsieve {json.dumps(ours, ensure_ascii=False)[:160]}")
    print(f"{'field':<14} {'agree':>6} {'differ':>7}")
    for kind, (agree, differ) in sorted(tally.items()):
        print(f"{kind:<14} {agree:>6} {differ:>7}")
    for line in crashes:
        print("CRASH " + line)
    print(f"differential: {files} files, {sum(d for _, d in tally.values())} disagreements, {len(crashes)} crashed or hung")
    return 1 if crashes else 0


if __name__ == "__main__":
    sys.exit(main())
