#!/usr/bin/env python3
# check_samples.py: consistency checks for the bundled sample corpus and its
# hand-made gold triples (tests/samples/gold.jsonl).
#
# Usage: python3 tests/samples/check_samples.py [SOURCE_DIR]
#
# Checks that every article parses (text header, JSONL line, HTML page), has
# a unique id and a 150-400 word body; that every gold line uses the closed
# vocabulary of RELATIONS.md, a valid status and date, canonical order for
# symmetric relations, names a known article, and that both of its entities
# (or one of their aliases listed below) occur in that article's body.
# Exit status 0 when all is well, 1 with one message per problem otherwise.
import html.parser
import json
import os
import re
import sys

SYM = {"merged-with", "partners-with", "competes-with"}
RELATIONS = SYM | {"invested-in", "acquired", "subsidiary-of", "divested",
                   "supplies", "sued", "leads", "founded", "makes"}
STATUSES = {"holds", "ended", "negated", "reported"}
KEYS = {"doc", "subject", "relation", "object", "status", "date",
        "amount", "stake", "role", "note"}

# Canonical name -> other spellings an article may use instead.
ALIASES = {
    "Amazon Web Services": ["AWS"],
    "Google DeepMind": ["DeepMind"],
    "SoftBank": ["SoftBank Group"],
    "The New York Times": ["New York Times", "The Times"],
    "Federal Trade Commission": ["FTC"],
    "Meta": ["Meta Platforms", "Facebook"],
    "AMD": ["Advanced Micro Devices"],
    "TSMC": ["Taiwan Semiconductor"],
    "Samsung Electronics": ["Samsung"],
    "Arm": ["Arm Holdings"],
    "Karen Simonyan": ["Simonyan"],
    "Magnetar Capital": ["Magnetar"],
    "Google Brain": ["Brain"],
    "The Associated Press": ["Associated Press"],
}


class Page(html.parser.HTMLParser):
    """Collects <title>, the published_time meta and <article> paragraphs."""

    def __init__(self):
        super().__init__()
        self.title, self.date, self.paras = "", "", []
        self._in_title = self._in_article = self._in_p = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "title":
            self._in_title = True
        elif tag == "meta" and a.get("property") == "article:published_time":
            self.date = a.get("content", "")[:10]
        elif tag == "article":
            self._in_article = True
        elif tag == "p" and self._in_article:
            self._in_p = True
            self.paras.append("")

    def handle_endtag(self, tag):
        if tag == "title":
            self._in_title = False
        elif tag == "article":
            self._in_article = False
        elif tag == "p":
            self._in_p = False

    def handle_data(self, data):
        if self._in_title:
            self.title += data
        elif self._in_p:
            self.paras[-1] += data


def read_articles(sdir, errs):
    docs = {}
    for name in sorted(os.listdir(sdir)):
        path = os.path.join(sdir, name)
        if name.endswith(".jsonl"):
            for n, line in enumerate(open(path, encoding="utf-8"), 1):
                if not line.strip():
                    continue
                o = json.loads(line)
                for k in ("id", "date", "source", "title", "text"):
                    if not o.get(k):
                        errs.append(f"{name}:{n}: missing {k}")
                docs.setdefault(o["id"], []).append((f"{name}:{n}", o))
        elif name.endswith(".html"):
            p = Page()
            p.feed(open(path, encoding="utf-8").read())
            o = {"id": name[:-5], "date": p.date, "title": p.title.strip(),
                 "text": "\n\n".join(x.strip() for x in p.paras)}
            if not p.date or not o["title"]:
                errs.append(f"{name}: no date or title")
            docs.setdefault(o["id"], []).append((name, o))
        elif name.endswith(".txt"):
            raw = open(path, encoding="utf-8").read()
            head, _, body = raw.partition("\n\n")
            o = {"text": body}
            for line in head.splitlines():
                k, _, v = line.partition(": ")
                o[k] = v
            for k in ("id", "date", "source", "title"):
                if not o.get(k):
                    errs.append(f"{name}: missing header {k}")
            if not name.startswith(o.get("date", "?")) or \
                    name[:-4] != o.get("id"):
                errs.append(f"{name}: file name, id and date disagree")
            docs.setdefault(o.get("id"), []).append((name, o))
        else:
            errs.append(f"{name}: unexpected file in samples/")
    for i, lst in docs.items():
        if len(lst) > 1:
            errs.append(f"id {i} used {len(lst)} times")
        where, o = lst[0]
        words = len(o["text"].split())
        if not 150 <= words <= 400:
            errs.append(f"{where}: body has {words} words")
        if not re.fullmatch(r"\d{4}-\d\d-\d\d", o.get("date", "")):
            errs.append(f"{where}: bad date {o.get('date')!r}")
    return {i: lst[0][1] for i, lst in docs.items()}


def check_gold(path, docs, errs):
    seen = set()
    n_lines = 0
    used = set()
    for n, line in enumerate(open(path, encoding="utf-8"), 1):
        n_lines += 1
        g = json.loads(line)
        w = f"gold.jsonl:{n}"
        if set(g) - KEYS:
            errs.append(f"{w}: unknown keys {sorted(set(g) - KEYS)}")
        if g["relation"] not in RELATIONS:
            errs.append(f"{w}: relation {g['relation']}")
        if g["status"] not in STATUSES:
            errs.append(f"{w}: status {g['status']}")
        if not re.fullmatch(r"\d{4}(-\d\d(-\d\d)?)?", g["date"]):
            errs.append(f"{w}: date {g['date']}")
        if g["relation"] in SYM and g["object"] < g["subject"]:
            errs.append(f"{w}: symmetric pair not in canonical order")
        if "amount" in g and not re.fullmatch(r"\d+ [A-Z]{3}", g["amount"]):
            errs.append(f"{w}: amount {g['amount']}")
        key = tuple(g[k] for k in ("doc", "subject", "relation", "object",
                                   "status"))
        if key in seen:
            errs.append(f"{w}: duplicate")
        seen.add(key)
        d = docs.get(g["doc"])
        if d is None:
            errs.append(f"{w}: unknown doc {g['doc']}")
            continue
        used.add(g["doc"])
        for role in ("subject", "object"):
            name = g[role]
            names = [name] + ALIASES.get(name, [])
            if not any(x in d["text"] for x in names):
                errs.append(f"{w}: {role} {name!r} not in {g['doc']}")
    for i in sorted(set(docs) - used):
        errs.append(f"article {i} has no gold triples")
    return n_lines


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else \
        os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    errs = []
    docs = read_articles(os.path.join(src, "samples"), errs)
    n = check_gold(os.path.join(src, "tests", "samples", "gold.jsonl"),
                   docs, errs)
    for e in errs:
        print(e)
    words = sum(len(d["text"].split()) for d in docs.values())
    print(f"{len(docs)} articles, {words} words, {n} gold triples, "
          f"{len(errs)} problems")
    return 1 if errs else 0


if __name__ == "__main__":
    sys.exit(main())
