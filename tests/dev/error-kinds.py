#!/usr/bin/env python3
"""error-kinds.py: what kind of errors the extractor makes on gold sets.

Usage: error-kinds.py CORPGRAPH DIR...        (DIR holds *.txt and gold.jsonl)

Runs `CORPGRAPH extract` on each set's articles and sorts every miss and
every false positive into a kind, summed over all sets:
  miss/fp: status differs      the pair and relation agree, not the status
  miss/fp: relation differs    the pair is tied, by another relation
  miss/fp: one argument differs  same relation and one side, other side not
    (fp: name form when one name's words lie inside the other's, or one
    is the other's initials: "Ford" against "Ford Motor")
  miss: nothing                no triple of ours joins the pair at all,
    split by where the two names are written: both in one sentence of
    the article (and whether each is in some triple of ours there), or
    never in one sentence (the tie spans sentences: "it", "the firm")
  fp: no tie in gold           the gold joins the two nowhere
Only counts are printed, never names or sentences, so it may be pointed
at the blind sets of tests/heldout/ without reading them (their README
still rules: measure, never tune).  Names are compared by a key like
that of `corpgraph eval` (case, punctuation, a leading "the" and legal
suffixes ignored); symmetric relations in either order.
"""
import collections
import glob
import json
import re
import subprocess
import sys

LEGAL = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd",
         "limited", "plc", "ag", "sa", "nv", "gmbh", "llc", "lp", "se",
         "holdings", "holding", "group", "bv", "ab", "asa", "spa", "kk", "cos"}
SYMMETRIC = {"merged-with", "partners-with", "competes-with"}


def key(name):
    w = re.sub(r"[^\w& ]", " ", name.lower()).split()
    while w and w[0] == "the":
        w = w[1:]
    while len(w) > 1 and w[-1] in LEGAL:
        w = w[:-1]
    return " ".join(w)


def triple(d):
    s, o = key(d["subject"]), key(d["object"])
    if d["relation"] in SYMMETRIC and o < s:
        s, o = o, s
    return (d["doc"], s, d["relation"], o, d["status"])


def name_form(a, b):
    """Is name key a a form of name key b (words inside, or initials)?"""
    wa = set(a.replace("&", " and ").split())
    wb = set(b.replace("&", " and ").split())
    return (wa <= wb or wb <= wa or
            a.replace(" ", "") == "".join(x[0] for x in b.split()) or
            b.replace(" ", "") == "".join(x[0] for x in a.split()))


def norm(text):
    """Lower case, punctuation as spaces, one space between words."""
    return " " + " ".join(re.sub(r"[^\w&]", " ", text.lower()).split()) + " "


def sentences(path):
    """The body of an article cut into sentences (roughly), normalised."""
    with open(path, encoding="utf-8", errors="replace") as f:
        text = f.read()
    head, sep, body = text.partition("\n\n")
    if not sep or not re.match(r"^\w+:", head):
        body = text
    return [norm(x) for x in re.split(r"(?<=[.!?])[\"'\u201d]?\s+(?=[\"'\u201c(A-Z])|\n\s*\n", body)]


def nothing_kind(g, found, sents):
    """Sub-kind of a miss with no triple joining the pair."""
    s, o = " " + g[1] + " ", " " + g[3] + " "
    if not any(s in x and o in x for x in sents):
        return "miss: nothing: names never in one sentence"
    named = {x[1] for x in found if x[0] == g[0]} | \
            {x[3] for x in found if x[0] == g[0]}
    n = (g[1] in named) + (g[3] in named)
    return ("miss: nothing: in one sentence, %d of 2 names in our triples"
            % n)


def kind(t, ours, theirs, what):
    """The kind of error of triple t (in ours, not in theirs)."""
    pair = [x for x in theirs
            if x[0] == t[0] and {x[1], x[3]} == {t[1], t[3]}]
    if any(x[2] == t[2] for x in pair):
        return what + ": status differs"
    if pair:
        return what + ": relation differs"
    side = [x for x in theirs if x[0] == t[0] and x[2] == t[2] and
            (x[1] == t[1] or x[3] == t[3])]
    if side:
        if what == "fp":
            for x in side:
                a, b = (t[3], x[3]) if x[1] == t[1] else (t[1], x[1])
                if name_form(a, b):
                    return ("fp: one argument differs: name form, ours " +
                            ("shorter" if len(a) < len(b) else "longer"))
        return what + ": one argument differs"
    return "miss: nothing" if what == "miss" else "fp: no tie in gold"


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    prog, total = sys.argv[1], collections.Counter()
    for d in sys.argv[2:]:
        files = sorted(glob.glob(d + "/*.txt"))
        with open(d + "/gold.jsonl", encoding="utf-8") as f:
            gold = {triple(json.loads(l)) for l in f if l.strip()}
        out = subprocess.run([prog, "extract"] + files, capture_output=True,
                             text=True, check=False).stdout
        docs = {g[0] for g in gold}
        found = {t for t in (triple(json.loads(l))
                             for l in out.splitlines() if l.strip())
                 if t[0] in docs}
        ids = {}
        for p in files:
            ids[re.sub(r"\.txt$", "", p.rsplit("/", 1)[-1])] = p
        for g in gold - found:
            k = kind(g, gold, found, "miss")
            if k == "miss: nothing" and g[0] in ids:
                k = nothing_kind(g, found, sentences(ids[g[0]]))
            total[k] += 1
        for t in found - gold:
            total[kind(t, found, gold, "fp")] += 1
        total["gold"] += len(gold)
        total["found"] += len(found)
        total["correct"] += len(gold & found)
    for k in ("gold", "found", "correct"):
        print(f"{total.pop(k):6d}  {k}")
    for k in sorted(total):
        print(f"{total[k]:6d}  {k}")


if __name__ == "__main__":
    main()
