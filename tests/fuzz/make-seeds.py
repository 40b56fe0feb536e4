#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Writes the seed corpus of each fuzz target from the test fixtures.

usage: make-seeds.py SOURCE_ROOT OUTPUT_DIR

OUTPUT_DIR/<target>/ gets one file per seed, shaped the way the target reads
its input (see the comment at the top of each tests/fuzz/fuzz-*.c)."""

import gzip
import hashlib
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1])
out = pathlib.Path(sys.argv[2])

fixtures = sorted(p for p in (root / "tests" / "fixtures").rglob("*")
                  if p.is_file() and p.suffix != ".md")
samples = sorted(p for p in (root / "data" / "samples").rglob("*") if p.is_file())
every_file = fixtures + samples

# fuzz-html-import: the last byte picks the file name (page.html, page.mhtml,
# page.html.gz, none).
NAME_BYTE = {".html": b"\0", ".htm": b"\0", ".mhtml": b"\1", ".mht": b"\1", ".gz": b"\2"}
# fuzz-date-engine and fuzz-analysis: a flags byte (bit 0 narrative, the rest
# picks the document creation time), then the text.
FLAGS = [b"\x00", b"\x02", b"\x03", b"\x0c"]
SEPARATOR = b"\x1e"

DATE_SENTENCES = [
    "The talks collapsed on 5 September 2023, two months after the vote.",
    "In April 2019 the barrier opened; last year it failed twice, and next July it closes.",
    "By the 1990s, and again in Q2 2021, the river rose. On Monday at 3 p.m. it peaked.",
    "It will be finished within three weeks, early next year or by mid-2025.",
    "Yesterday, 12/03/2022, and the day before; the 19th century; every Tuesday.",
]


def text_of(path):
    data = path.read_bytes()
    if path.suffix == ".gz":
        data = gzip.decompress(data)
    text = data.decode("utf-8", "replace")
    if path.suffix in (".html", ".htm", ".mhtml", ".mht", ".rss", ".atom", ".gz"):
        text = re.sub(r"<[^>]*>", " ", text)
        text = re.sub(r"[ \t]+", " ", text)
    return text


def write(target, payload):
    folder = out / target
    folder.mkdir(parents=True, exist_ok=True)
    name = hashlib.sha1(payload).hexdigest()
    (folder / name).write_bytes(payload)


for path in every_file:
    data = path.read_bytes()
    write("fuzz-text-decode", data)
    if path.parent.name != "hostile":
        write("fuzz-html-import", data + NAME_BYTE.get(path.suffix, b"\3"))
    if path.suffix in (".rss", ".atom", ".xml"):
        write("fuzz-feed-import", data)
    if path.suffix == ".briefing":
        write("fuzz-briefing-load", data)

for path in sorted(root.glob("tests/fixtures/hostile/**/*")):
    if not path.is_file() or path.suffix == ".md":
        continue
    data = path.read_bytes()
    for name_byte in (b"\0", b"\1", b"\2"):
        write("fuzz-html-import", data + name_byte)
    write("fuzz-feed-import", data)
    write("fuzz-briefing-load", data)

texts = [text_of(p) for p in every_file if p.suffix != ".briefing"] + DATE_SENTENCES
for i, text in enumerate(texts):
    encoded = text.encode("utf-8")[:16384]
    for target in ("fuzz-date-engine", "fuzz-analysis"):
        write(target, FLAGS[i % len(FLAGS)] + encoded)
    fields = [b"Briefing %d" % i, b"Analyst", b"Ministers", b"OFFICIAL", b"2023-09-06",
              b"Notes *with* [markdown] & <xml>", b"Article %d" % i, encoded,
              b"Second", DATE_SENTENCES[i % len(DATE_SENTENCES)].encode("utf-8")]
    write("fuzz-export", FLAGS[i % len(FLAGS)] + SEPARATOR.join(fields) + SEPARATOR + b"\0\1\2\3")

for target in ("fuzz-text-decode", "fuzz-html-import", "fuzz-feed-import", "fuzz-date-engine",
               "fuzz-analysis", "fuzz-briefing-load", "fuzz-export"):
    (out / target).mkdir(parents=True, exist_ok=True)
    print(f"{target}: {len(list((out / target).iterdir()))} seeds")
