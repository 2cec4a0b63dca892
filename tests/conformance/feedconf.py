#!/usr/bin/env python3
"""Feed-parsing conformance: runs `BIN parse FILE [--url URL]` on every document
of a corpus (expected.json beside its docs/) and compares the fields each
document lists, as the corpus README describes:

- text (title, description, summary): Unicode NFC, all whitespace removed;
- content: its text nodes plus the absolute URL of every a[href] / img[src];
- links: normalized URLs; dates: RFC 3339, compared in UTC to the second,
  in `published` or `updated`; authors as a set; categories as a multiset;
  enclosures as an ordered list.

Every document also fails when the binary crashes (signal) or hangs, and the
whole run fails when any content is unsafe. Exit status: 0 when the pass rate
reaches --min-pass-rate and nothing crashed, hung or was unsafe; 1 otherwise.
"""
import argparse
import collections
import concurrent.futures
import html.parser
import json
import os
import re
import subprocess
import sys
import unicodedata
import urllib.parse

TIMEOUT_SECONDS = 10
WHITESPACE = re.compile(r"\s+", re.UNICODE)
CONTENT_TOKEN = re.compile(r"⟨(a|img):([^⟩]*)⟩")
UNSAFE_ELEMENTS = {"script", "iframe", "frame", "object", "embed", "applet", "meta", "link", "base", "style"}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "background", "poster", "xlink:href", "lowsrc", "dynsrc"}
UNSAFE_CSS = re.compile(r"expression\s*\(|behavior\s*:|-moz-binding", re.IGNORECASE)


# ---------------------------------------------------------------- normalizing

def squash(text):
    """NFC with all whitespace removed: block spacing does not matter."""
    return WHITESPACE.sub("", unicodedata.normalize("NFC", text or ""))


def normalize_url(url):
    url = (url or "").strip()
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if not scheme or not parts.netloc:
        return url
    host = parts.hostname or ""
    try:
        host = host.encode("idna").decode("ascii") if host else host
    except UnicodeError:
        pass
    host = host.lower()
    if ":" in host:
        host = "[" + host + "]"
    try:
        port = parts.port
    except ValueError:
        port = None
    default = {"http": 80, "https": 443, "ftp": 21}.get(scheme)
    netloc = host if port is None or port == default else f"{host}:{port}"
    if parts.username is not None:
        userinfo = parts.username + (":" + parts.password if parts.password is not None else "")
        netloc = userinfo + "@" + netloc
    path = remove_dot_segments(parts.path) or "/"
    upper = lambda s: re.sub(r"%[0-9a-fA-F]{2}", lambda m: m.group(0).upper(), s)
    return urllib.parse.urlunsplit((scheme, netloc, upper(path), upper(parts.query), upper(parts.fragment)))


def remove_dot_segments(path):
    output = []
    for segment in path.split("/"):
        if segment == "..":
            if len(output) > 1:
                output.pop()
        elif segment != ".":
            output.append(segment)
    result = "/".join(output)
    if path.endswith(("/.", "/..")):
        result += "/"
    return result


class ContentReader(html.parser.HTMLParser):
    """Text nodes and a[href]/img[src] tokens of an HTML fragment, and whether it is unsafe."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tokens = []
        self.unsafe = []
        self._skip = 0

    def handle_starttag(self, tag, attrs):
        self._check(tag, attrs)
        values = dict(attrs)
        if tag == "a" and values.get("href"):
            self.tokens.append(f"⟨a:{normalize_url(values['href'])}⟩")
        if tag == "img" and values.get("src"):
            self.tokens.append(f"⟨img:{normalize_url(values['src'])}⟩")
        if tag in ("script", "style"):
            self._skip += 1

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("script", "style"):
            self._skip -= 1

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip > 0:
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.tokens.append(data)

    def _check(self, tag, attrs):
        if tag in UNSAFE_ELEMENTS:
            self.unsafe.append(f"<{tag}>")
        for name, value in attrs:
            value = value or ""
            if name.startswith("on"):
                self.unsafe.append(f"{name}=")
            if name in URL_ATTRIBUTES or name == "style":
                compact = re.sub(r"[\s\x00-\x1f]+", "", value).lower()
                if compact.startswith(("javascript:", "vbscript:")):
                    self.unsafe.append(f"{name}={compact[:20]}")
                if compact.startswith("data:") and not (tag == "img" and compact.startswith("data:image/")):
                    self.unsafe.append(f"{name}={compact[:20]}")
            if name == "style" and UNSAFE_CSS.search(value):
                self.unsafe.append("style=" + value[:30])


def read_content(html_text):
    reader = ContentReader()
    reader.feed(html_text or "")
    reader.close()
    return reader


def content_key(text):
    """The comparable form of expected content: its tokens' URLs normalized, whitespace gone."""
    return squash(CONTENT_TOKEN.sub(lambda m: f"⟨{m.group(1)}:{normalize_url(m.group(2))}⟩", text or ""))


# ---------------------------------------------------------------- comparing

def lookup(doc, path):
    """Resolves 'feed.title', 'items[0].published', 'format' in the parse JSON; KeyError if absent."""
    node = doc
    for part in path.split("."):
        if part == "feed":
            continue
        match = re.fullmatch(r"(\w+)\[(\d+)\]", part)
        if match:
            node = node[match.group(1)][int(match.group(2))]
        else:
            node = node[part]
    return node


def parse_date(text):
    import datetime
    if text is None:
        return None
    value = datetime.datetime.fromisoformat(text.replace("Z", "+00:00"))
    if value.tzinfo is None:
        value = value.replace(tzinfo=datetime.timezone.utc)
    return value.astimezone(datetime.timezone.utc).replace(microsecond=0)


def author_matches(got, expected):
    name, email = (expected + ["", ""])[:2] if isinstance(expected, list) else (expected, "")
    g = squash(got)
    n, e = squash(name), squash(email)
    return (bool(n) and g == n) or (bool(e) and g == e) or (bool(n) and bool(e) and n in g and e in g) \
        or (not n and not e and not g)


def authors_equal(got, expected):
    got = [a for a in (got or []) if squash(a)]
    expected = [a for a in expected if squash(" ".join(a) if isinstance(a, list) else a)]
    if len(got) != len(expected):
        return False
    remaining = list(got)
    for person in expected:
        hit = next((g for g in remaining if author_matches(g, person)), None)
        if hit is None:
            return False
        remaining.remove(hit)
    return True


def enclosures_equal(got, expected):
    if len(got or []) != len(expected):
        return False
    for g, e in zip(got, expected):
        if normalize_url(g.get("url")) != normalize_url(e.get("url")):
            return False
        if (g.get("type") or "") != (e.get("type") or ""):
            return False
        if (g.get("length") or 0) != (e.get("length") or 0):
            return False
    return True


def field_kind(path):
    leaf = re.sub(r"\[\d+\]", "", path.split(".")[-1])
    if leaf in ("published", "updated"):
        return "date"
    return leaf


def compare(result, path, spec):
    """(ok, got) for one expected field."""
    try:
        got = lookup(result, path)
    except (KeyError, IndexError, TypeError):
        got = None
        if spec.get("optional"):
            return True, None
        return False, "<absent>"
    kind = field_kind(path)
    if "any_of" in spec:
        return got in spec["any_of"], got
    expected = spec.get("value")
    if kind == "date":
        sibling = "updated" if path.endswith("published") else "published"
        try:
            other = lookup(result, path.rsplit(".", 1)[0] + "." + sibling) if "." in path else None
        except (KeyError, IndexError, TypeError):
            other = None
        try:
            if expected is None:
                return got is None, got
            want = parse_date(expected)
            return want in (parse_date(got) if got else None, parse_date(other) if other else None), [got, other]
        except ValueError:
            return False, got
    if kind == "content":
        reader = read_content(got)
        return squash("".join(reader.tokens)) == content_key(expected), got
    if kind in ("link",):
        return normalize_url(got) == normalize_url(expected), got
    if kind == "authors":
        return authors_equal(got, expected), got
    if kind == "categories":
        return collections.Counter(map(squash, got or [])) == collections.Counter(map(squash, expected)), got
    if kind == "enclosures":
        return enclosures_equal(got, expected), got
    if kind == "id":
        return (got or "").strip() == (expected or "").strip(), got
    if kind == "format":
        return got == expected, got
    return squash(got) == squash(expected), got


def unsafe_content(result):
    problems = []
    for item in result.get("items", []) if isinstance(result, dict) else []:
        problems += read_content(item.get("content", "")).unsafe
    return problems


# ---------------------------------------------------------------- running

def run_doc(binary, corpus, doc):
    command = [binary, "parse", os.path.join(corpus, doc["file"])]
    if doc.get("url"):
        command += ["--url", doc["url"]]
    outcome = {"id": doc["id"], "category": doc["category"], "failures": [], "crash": None, "unsafe": []}
    try:
        proc = subprocess.run(command, capture_output=True, timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        outcome["crash"] = f"hung (over {TIMEOUT_SECONDS} s)"
        return outcome
    except OSError as error:
        outcome["crash"] = f"could not run {binary}: {error.strerror}"
        return outcome
    stderr = proc.stderr.decode("utf-8", "replace").strip()
    if proc.returncode < 0 or proc.returncode >= 128 or "AddressSanitizer" in stderr or "runtime error:" in stderr:
        outcome["crash"] = f"crashed (exit {proc.returncode}): {stderr.splitlines()[-1] if stderr else ''}"
        return outcome
    status = doc.get("status", "feed")
    result = None
    if proc.returncode == 0:
        try:
            result = json.loads(proc.stdout.decode("utf-8"))
        except (UnicodeDecodeError, json.JSONDecodeError) as error:
            outcome["failures"].append(("<stdout>", "JSON", f"not JSON: {error}"))
            return outcome
        outcome["unsafe"] = unsafe_content(result)
    if status == "feed" and proc.returncode != 0:
        outcome["failures"].append(("<exit>", 0, f"exit {proc.returncode}: {stderr[:200]}"))
        return outcome
    if status == "notfeed":
        if proc.returncode == 0:
            outcome["failures"].append(("<exit>", "non-zero", 0))
        elif not stderr:
            outcome["failures"].append(("<stderr>", "a reason", ""))
        return outcome
    if result is None:
        return outcome  # status "any": a clean refusal is fine
    for path, spec in doc.get("fields", {}).items():
        ok, got = compare(result, path, spec)
        if not ok:
            outcome["failures"].append((path, spec.get("value", spec.get("any_of")), got))
    return outcome


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--min-pass-rate", type=float, default=0.0)
    parser.add_argument("--show", type=int, default=40, help="failing documents to print")
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 2)
    args = parser.parse_args()

    with open(os.path.join(args.corpus, "expected.json"), encoding="utf-8") as f:
        docs = json.load(f)["docs"]
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        outcomes = list(pool.map(lambda d: run_doc(args.binary, args.corpus, d), docs))

    per_category = collections.OrderedDict()
    for o in sorted(outcomes, key=lambda o: o["category"]):
        passed, total = per_category.get(o["category"], (0, 0))
        ok = not o["failures"] and not o["crash"]
        per_category[o["category"]] = (passed + ok, total + 1)
    print(f"{'category':<22} {'pass':>5} {'total':>6} {'rate':>7}")
    for category, (passed, total) in per_category.items():
        print(f"{category:<22} {passed:>5} {total:>6} {passed / total:>7.1%}")

    failing = [o for o in outcomes if o["failures"] or o["crash"]]
    for o in failing[: args.show]:
        if o["crash"]:
            print(f"FAIL {o['id']}: {o['crash']}")
        for path, expected, got in o["failures"]:
            print(f"FAIL {o['id']}: {path}: expected {json.dumps(expected, ensure_ascii=False)[:160]}"
                  f" got {json.dumps(got, ensure_ascii=False)[:160]}")
    if len(failing) > args.show:
        print(f"... and {len(failing) - args.show} more failing documents")

    crashed = [o for o in outcomes if o["crash"]]
    unsafe = [o for o in outcomes if o["unsafe"]]
    for o in unsafe:
        print(f"UNSAFE {o['id']}: {', '.join(sorted(set(o['unsafe'])))[:200]}")
    passed = len(outcomes) - len(failing)
    rate = passed / len(outcomes) if outcomes else 0.0
    print(f"pass rate {rate:.1%} (minimum {args.min_pass_rate:.1%}); {len(crashed)} crashed or hung; "
          f"{len(unsafe)} with unsafe content")
    print(f"feedconf: {passed} passed, {len(failing)} failed")
    return 0 if rate >= args.min_pass_rate and not crashed and not unsafe else 1


if __name__ == "__main__":
    sys.exit(main())
