#!/usr/bin/env python3
# check.py: mechanical checks of a gold-annotated article set: the
# development set in tests/dev/ (the default) or another one laid out the
# same way, such as the blind set tests/heldout/older/ (articles *.txt and
# their hand-made gold triples in gold.jsonl).
#
# Usage: python3 tests/dev/check.py [--counts] [--min-words N] [DIR]
#
# Every article: header lines id/date/source/title, a blank line, a body of
# 150-350 words (--min-words N lowers the floor, for sets with short wire
# briefs); id = file name without .txt and the date inside the name.
# Every gold line: known keys, a known doc, a relation and status of
# RELATIONS.md, a valid date (YYYY, YYYY-MM or YYYY-MM-DD), amount syntax,
# symmetric pairs in byte order, no duplicate (doc, s, r, o, status), and
# both names (or an alias listed below) present in that article's body.
# --counts prints the relation x status table used in README.md.
# Exit status 0 when all is well, 1 with one message per problem otherwise.
import datetime
import json
import os
import re
import sys

SYM = {"merged-with", "partners-with", "competes-with"}
RELATIONS = sorted(SYM | {"invested-in", "acquired", "subsidiary-of",
                          "divested", "supplies", "sued", "leads",
                          "founded", "makes"})
STATUSES = ["holds", "ended", "reported", "negated"]
KEYS = {"doc", "subject", "relation", "object", "status", "date",
        "amount", "stake", "role", "note"}

# Canonical name -> other spellings an article may use instead.
ALIASES = {
    "Amazon Web Services": ["AWS"],
    "Meta": ["Meta Platforms", "Facebook"],
    "AMD": ["Advanced Micro Devices"],
    "Samsung Electronics": ["Samsung"],
}


def valid_date(s):
    m = re.fullmatch(r"(\d{4})(?:-(\d\d)(?:-(\d\d))?)?", s)
    if not m:
        return False
    y, mo, d = (int(x) if x else 1 for x in m.groups())
    try:
        datetime.date(y, mo, d)
    except ValueError:
        return False
    return True


def read_articles(ddir, errs, min_words=150):
    docs = {}
    for name in sorted(os.listdir(ddir)):
        if not name.endswith(".txt"):
            continue
        raw = open(os.path.join(ddir, name), encoding="utf-8").read()
        head, _, body = raw.partition("\n\n")
        o = {"text": body}
        for line in head.splitlines():
            k, _, v = line.partition(": ")
            o[k] = v
        for k in ("id", "date", "source", "title"):
            if not o.get(k):
                errs.append(f"{name}: missing header {k}")
        if name[:-4] != o.get("id") or o.get("date", "?") not in name:
            errs.append(f"{name}: file name, id and date disagree")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", o.get("date", "")) or \
                not valid_date(o.get("date", "")):
            errs.append(f"{name}: bad date {o.get('date')!r}")
        words = len(body.split())
        if not min_words <= words <= 350:
            errs.append(f"{name}: body has {words} words")
        docs[o.get("id")] = o
    return docs


def check_gold(path, docs, errs):
    seen = set()
    used = set()
    lines = []
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        w = f"gold.jsonl:{n}"
        try:
            g = json.loads(line)
        except ValueError as e:
            errs.append(f"{w}: {e}")
            continue
        lines.append(g)
        if set(g) - KEYS:
            errs.append(f"{w}: unknown keys {sorted(set(g) - KEYS)}")
        for k in ("doc", "subject", "relation", "object", "status", "date"):
            if not isinstance(g.get(k), str) or not g.get(k):
                errs.append(f"{w}: missing {k}")
                break
        else:
            if g["relation"] not in RELATIONS:
                errs.append(f"{w}: relation {g['relation']}")
            if g["status"] not in STATUSES:
                errs.append(f"{w}: status {g['status']}")
            if not valid_date(g["date"]):
                errs.append(f"{w}: date {g['date']}")
            if g["relation"] in SYM and g["object"] < g["subject"]:
                errs.append(f"{w}: symmetric pair not in byte order")
            if g["subject"] == g["object"]:
                errs.append(f"{w}: subject equals object")
            if "amount" in g and not re.fullmatch(r"[1-9]\d* [A-Z]{3}",
                                                  g["amount"]):
                errs.append(f"{w}: amount {g['amount']}")
            if "stake" in g and not (isinstance(g["stake"], (int, float))
                                     and 0 < g["stake"] <= 100):
                errs.append(f"{w}: stake {g['stake']}")
            if "role" in g and g["relation"] != "leads":
                errs.append(f"{w}: role on {g['relation']}")
            key = tuple(g[k] for k in ("doc", "subject", "relation",
                                       "object", "status"))
            if key in seen:
                errs.append(f"{w}: duplicate")
            seen.add(key)
            d = docs.get(g["doc"])
            if d is None:
                errs.append(f"{w}: unknown doc {g['doc']}")
                continue
            used.add(g["doc"])
            if g["date"] > d["date"]:
                errs.append(f"{w}: date after the article")
            for role in ("subject", "object"):
                names = [g[role]] + ALIASES.get(g[role], [])
                if not any(x in d["text"] for x in names):
                    errs.append(f"{w}: {role} {g[role]!r} not in {g['doc']}")
    for i in sorted(set(docs) - used):
        errs.append(f"article {i} has no gold triples")
    return lines


def counts(lines):
    print("| relation | " + " | ".join(STATUSES) + " | total |")
    print("|---|" + "---:|" * (len(STATUSES) + 1))
    col = {s: 0 for s in STATUSES}
    for r in RELATIONS:
        row = [sum(1 for g in lines if g["relation"] == r
                   and g["status"] == s) for s in STATUSES]
        for s, c in zip(STATUSES, row):
            col[s] += c
        print(f"| {r} | " + " | ".join(map(str, row)) + f" | {sum(row)} |")
    print("| **total** | " + " | ".join(str(col[s]) for s in STATUSES) +
          f" | {sum(col.values())} |")


def main():
    args = [a for a in sys.argv[1:] if a != "--counts"]
    min_words = 150
    if "--min-words" in args:
        i = args.index("--min-words")
        if i + 1 >= len(args) or not args[i + 1].isdigit():
            print("--min-words needs a number")
            return 2
        min_words = int(args[i + 1])
        del args[i:i + 2]
    ddir = args[0] if args else os.path.dirname(os.path.abspath(__file__))
    errs = []
    docs = read_articles(ddir, errs, min_words)
    lines = check_gold(os.path.join(ddir, "gold.jsonl"), docs, errs)
    for e in errs:
        print(e)
    words = sum(len(d["text"].split()) for d in docs.values())
    print(f"{len(docs)} articles, {words} words, {len(lines)} gold triples, "
          f"{len(errs)} problems")
    if "--counts" in sys.argv:
        counts(lines)
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
