#!/usr/bin/env python3
"""make-dict.py: write the libFuzzer dictionary of fuzz_extract.

Usage: make-dict.py SOURCE_DIR > tests/fuzz/fuzz_extract.dict

The extractor's rules fire only on sentences with the right words in the
right places; random bytes almost never spell "agreed to acquire".  The
dictionary gives libFuzzer those words to splice in: the first phrases of
each class of src/extract/data/rules.txt, the literal words of its
patterns, the first names of the gazetteer (src/extract/data/gazetteer.tsv),
and a hand-made list of the shapes of news copy (legal suffixes, datelines,
money, curly quotes, the article header).  Each word is padded with
spaces so that a splice makes a token of its own.  Run it again when
rules.txt changes much; a stale dictionary only fuzzes less well.
"""
import re
import sys

PER_CLASS = 20  # phrases taken from each class
NAMES = 150     # gazetteer names taken (the file's first, best known)

HAND = [
    " Inc. ", " Corp. ", " Co. ", " Ltd ", " Ltd. ", " plc ", " PLC ",
    " AG ", " SA ", " N.V. ", " Bros. ", " Cos ", " Holdings ", " Group ",
    " U.S. ", " Mr. ", " Mr ", " Dr. ", " Sir ", " Lord ",
    "(Reuters) - ", " (AP) -- ", "NEW YORK, March 3 - ", "LONDON - ",
    "REDMOND, Wash., July 22 -- ", " mln dlrs ", " billion dlrs ",
    " pct ", " per cent ", " $1.2 billion ", " \xc2\xa3450m ",
    " \xe2\x82\xac2bn ", " 4.9% ", " 1,250 ", " March 3, 1987 ",
    " 28 October 2004 ", " on Tuesday ", " last year ", " said it ",
    " said on Thursday it ", " its ", " it's ", " n't ", " 's ",
    "\xe2\x80\x99s ", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98",
    "\xe2\x80\x99", " \xe2\x80\x94 ", " \xe2\x80\x93 ", "\xe2\x80\xa6",
    "\xc2\xa0", "\xc3\xa9", "\xc3\x89", "\xef\xbb\xbf", ". ", ", ", "; ",
    ": ", " (", ") ", " \"", "\" ", "?", "!", "\n", "\n\n", "\r\n",
    "id: a\ndate: 1987-03-02\n\n", "title: ", "source: ", "date: ",
    "2025-10-28", " ACQUIRE ", " TO BUY ", " UNIT ",
]


def esc(s):
    """A libFuzzer dictionary value: printable ASCII, else \\xNN."""
    out = []
    for b in s.encode("utf-8", "surrogateescape") if isinstance(s, str) \
            else s:
        c = chr(b)
        if c in '"\\':
            out.append("\\" + c)
        elif 0x20 <= b < 0x7F:
            out.append(c)
        else:
            out.append("\\x%02X" % b)
    return '"' + "".join(out) + '"'


def main():
    src = sys.argv[1] if len(sys.argv) > 1 else "."
    words = []
    seen = set()

    def add(w):
        if w and w not in seen and len(w) <= 40:
            seen.add(w)
            words.append(w)

    for w in HAND:
        add(w.encode("latin-1").decode("utf-8"))
    text = open(src + "/src/extract/data/rules.txt", encoding="utf-8").read()
    # logical lines: a line starting with blank space continues the last
    lines = []
    for raw in text.split("\n"):
        raw = raw.split("#", 1)[0].rstrip()
        if not raw:
            continue
        if raw[0] in " \t" and lines:
            lines[-1] += " " + raw.strip()
        else:
            lines.append(raw)
    for ln in lines:
        m = re.match(r"class\s+\S+\s*\+?=\s*(.*)", ln)
        if m:
            # the first phrases of each class: the long lists (given
            # names, countries) would crowd out the trigger words
            for ph in m.group(1).split("|")[:PER_CLASS]:
                ph = ph.split("=>", 1)[0].strip()
                if ph:
                    add(" " + ph + " ")
            continue
        m = re.match(r"(rule|recall)\s.*?:\s*(.*)", ln)
        if m:
            for el in m.group(2).split():
                el = el.lstrip("^").rstrip("?")
                if re.match(r"^[a-z][a-z'._|-]*$", el):
                    for alt in el.split("|"):
                        add(" " + alt.replace("_", " ") + " ")
    names = 0
    for raw in open(src + "/src/extract/data/gazetteer.tsv",
                    encoding="utf-8"):
        if raw.startswith("#") or "\t" not in raw or names >= NAMES:
            continue
        add(" " + raw.split("\t", 1)[0] + " ")
        names += 1
    print("# fuzz_extract.dict: libFuzzer dictionary for fuzz_extract, made by")
    print("# tests/fuzz/make-dict.py from rules.txt and gazetteer.tsv.")
    for i, w in enumerate(words):
        print("w%d=%s" % (i, esc(w)))


main()
