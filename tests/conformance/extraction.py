#!/usr/bin/env python3
"""Article-extraction score: runs `BIN extract FILE --url URL` on every page of
a corpus (pages/ID.html.gz, gunzipped first, and ground-truth.json) and scores
the text against the expected article body, as the corpus README describes:

- tokens are the matches of `\\w+` (Unicode, case kept); each page's 4-token
  shingles are counted as multisets (fewer than 4 tokens: the tokens);
- precision is the mean over pages with any output, recall the mean over all
  pages, F1 comes from those two means.

Prints one line per page with --verbose, then P/R/F1. Exit status: 0 when F1
reaches --min-f1 and nothing crashed or hung; 1 otherwise.
"""
import argparse
import collections
import concurrent.futures
import gzip
import json
import os
import re
import subprocess
import sys
import tempfile

TIMEOUT_SECONDS = 20
TOKEN = re.compile(r"\w+", re.UNICODE)


def shingles(text):
    tokens = TOKEN.findall(text or "")
    if len(tokens) < 4:
        return collections.Counter(tuple([t]) for t in tokens)
    return collections.Counter(tuple(tokens[i:i + 4]) for i in range(len(tokens) - 3))


def score(expected, extracted):
    """(precision or None when nothing was extracted, recall)."""
    want, got = shingles(expected), shingles(extracted)
    shared = sum((want & got).values())
    precision = shared / sum(got.values()) if got else None
    recall = shared / sum(want.values()) if want else 1.0
    return precision, recall


def extract(binary, page_path, url, workdir):
    """The extracted text, or raises RuntimeError naming the failure."""
    with gzip.open(page_path, "rb") as compressed:
        raw = compressed.read()
    plain = os.path.join(workdir, os.path.basename(page_path)[:-3])
    with open(plain, "wb") as out:
        out.write(raw)
    try:
        done = subprocess.run([binary, "extract", plain, "--url", url], capture_output=True,
                              timeout=TIMEOUT_SECONDS)
    except subprocess.TimeoutExpired:
        raise RuntimeError("hung for %d s" % TIMEOUT_SECONDS)
    if done.returncode < 0:
        raise RuntimeError("killed by signal %d" % -done.returncode)
    if done.returncode != 0:
        return ""
    return json.loads(done.stdout.decode("utf-8")).get("text") or ""


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--binary", required=True)
    parser.add_argument("--corpus", required=True)
    parser.add_argument("--min-f1", type=float, default=0.0)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args()

    with open(os.path.join(args.corpus, "ground-truth.json"), encoding="utf-8") as f:
        truth = json.load(f)
    failures = []
    results = {}
    with tempfile.TemporaryDirectory() as workdir, concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 2) as pool:
        jobs = {pool.submit(extract, args.binary, os.path.join(args.corpus, "pages", page_id + ".html.gz"),
                            entry["url"], workdir): page_id for page_id, entry in truth.items()}
        for job in concurrent.futures.as_completed(jobs):
            page_id = jobs[job]
            try:
                results[page_id] = score(truth[page_id]["articleBody"], job.result())
            except (RuntimeError, ValueError) as e:
                failures.append("%s: %s" % (page_id, e))
                results[page_id] = (None, 0.0)

    precisions = [p for p, _ in results.values() if p is not None]
    recalls = [r for _, r in results.values()]
    if args.verbose:
        for page_id in sorted(results, key=lambda k: results[k][1]):
            p, r = results[page_id]
            print("%s  P=%s R=%.3f  %s" % (page_id[:12], "-" if p is None else "%.3f" % p, r, truth[page_id]["url"]))
    precision = sum(precisions) / len(precisions) if precisions else 0.0
    recall = sum(recalls) / len(recalls) if recalls else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    for failure in failures:
        print("FAIL " + failure)
    print("extraction: %d pages, %d with text: precision %.3f, recall %.3f, F1 %.3f (gate %.3f)"
          % (len(results), len(precisions), precision, recall, f1, args.min_f1))
    return 0 if f1 >= args.min_f1 and not failures else 1


if __name__ == "__main__":
    sys.exit(main())
