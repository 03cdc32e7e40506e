#!/usr/bin/env python3
"""mark-gaps.py: keep the %%GAP markers of tests/extract/*.case honest.

Usage: mark-gaps.py CORPGRAPH CASE_FILE...

For each case file, runs `corpgraph eval --case` and
  - adds `%%GAP extractor: ...` (naming what is missed and what is found in
    excess) to every block that fails and has no marker yet;
  - removes the marker of every block that now passes (whether the script
    or a person wrote it), so a fixed gap becomes a regression test again.
A gap is a known failure of the extractor, listed and scored by eval but
not failing ctest; README "Quality" reports how many there are.
"""
import re
import subprocess
import sys


def failures(corpgraph, path):
    """Map text line -> list of 'miss: ..'/'extra: ..' for failing blocks."""
    out = subprocess.run([corpgraph, "eval", "--case", path],
                         capture_output=True, text=True).stdout
    fails, cur = {}, None
    for line in out.splitlines():
        m = re.match(r"(?:FAIL|GAP)\s+\S+?:(\d+)", line)
        if m:
            cur = int(m.group(1))
            fails[cur] = []
            continue
        m = re.match(r"\s+(miss|unexpected):\s+(.*?)(\s+\(rule .*\))?$", line)
        if m and cur is not None:
            kind = "misses" if m.group(1) == "miss" else "finds"
            fails[cur].append("%s %s" % (kind, m.group(2).strip()))
        elif not line.startswith(" "):
            cur = None
    return fails


def expects_tie(lines, i):
    """Does the expectation part holding line i (1-based) list a triple?"""
    a = i - 1
    while a > 0 and lines[a - 1].strip() != "--":
        a -= 1
    b = i - 1
    while b < len(lines) and lines[b].strip():
        b += 1
    return any("|" in l and not l.strip().startswith(("%%", "#"))
               for l in lines[a:b])


def main():
    corpgraph, files = sys.argv[1], sys.argv[2:]
    added = removed = 0
    for path in files:
        fails = failures(corpgraph, path)
        lines = open(path, encoding="utf-8").read().split("\n")
        out, text_start, in_expected = [], None, False
        for i, line in enumerate(lines, 1):
            s = line.strip()
            if not in_expected:
                if s and not s.startswith("#") and not s.startswith("@") \
                        and s != "--" and text_start is None:
                    text_start = i
                if s == "--":
                    in_expected = True
                    out.append(line)
                    why = fails.get(text_start)
                    block_gap = False
                    for l in lines[i:]:
                        if not l.strip():
                            break
                        if l.strip().startswith("%%GAP"):
                            block_gap = True
                    if why and not block_gap:
                        reason = "; ".join(why)
                        if len(reason) > 160:
                            reason = reason[:157] + "..."
                        out.append("%%GAP extractor " + reason)
                        added += 1
                    continue
                out.append(line)
            else:
                if not s:
                    in_expected, text_start = False, None
                elif s.startswith("%%GAP") and not fails.get(text_start):
                    removed += 1
                    if not expects_tie(lines, i):
                        out.append("%%NONE")  # a gap that expected nothing
                    continue
                out.append(line)
        open(path, "w", encoding="utf-8").write("\n".join(out))
    print("%d gaps added, %d removed" % (added, removed))


if __name__ == "__main__":
    main()
