#!/usr/bin/python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""briefing-cli as a user and a script see it: output shapes, formats, exit codes."""

import json
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET

BUILD = os.environ["BRIEF_BUILD_ROOT"]
SOURCE = os.environ["BRIEF_SOURCE_ROOT"]
SHARED = os.environ.get("BRIEF_SHARED_DIR", os.path.join(SOURCE, "..", "shared"))
CLI = os.path.join(BUILD, "src", "cli", "briefing-cli")
SAMPLE = os.path.join(SOURCE, "data", "samples", "riverside-flood-barrier.txt")
KIM_PUTIN = os.path.join(SHARED, "samples", "kim-putin-summit.txt")

results = []


def check(name, condition, detail=""):
    results.append((bool(condition), name, detail))


def skip(name, reason):
    results.append((None, name, reason))


def run(*args):
    env = dict(os.environ, LC_ALL="C.UTF-8")
    return subprocess.run([CLI, *args], capture_output=True, text=True, env=env, timeout=60)


def timex_by_text(timexes, text):
    return [t for t in timexes if t["text"] == text]


def test_exit_codes(tmp):
    check("no arguments is a usage error", run().returncode == 2)
    check("--help succeeds", run("--help").returncode == 0 and "extract" in run("--help").stdout)
    version = run("--version")
    check("--version prints the version", version.returncode == 0 and version.stdout.startswith("briefing-cli "))
    check("unknown command is a usage error", run("summarise", SAMPLE).returncode == 2)
    check("bad --format is a usage error", run("extract", "--format", "xml", SAMPLE).returncode == 2)
    check("bad --dct is a usage error", run("extract", "--dct", "05/09/2023", SAMPLE).returncode == 2)
    check("bad --kind is a usage error", run("extract", "--kind", "poem", SAMPLE).returncode == 2)
    missing = run("extract", os.path.join(tmp, "missing.txt"))
    check("missing file is bad input with a message", missing.returncode == 1 and "missing.txt" in missing.stderr)
    binary = os.path.join(tmp, "image.png")
    with open(binary, "wb") as f:
        f.write(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    result = run("import", binary)
    check("binary file is bad input with a message", result.returncode == 1 and "text" in result.stderr,
          result.stderr)
    check("export needs --to", run("export", SAMPLE).returncode == 2)
    check("export refuses an unknown extension", run("export", "--to", os.path.join(tmp, "x.doc"), SAMPLE).returncode == 2)


def test_import():
    result = run("import", SAMPLE)
    check("import succeeds", result.returncode == 0, result.stderr)
    articles = json.loads(result.stdout)
    check("import gives an array of one article", isinstance(articles, list) and len(articles) == 1)
    article = articles[0]
    for key in ("title", "byline", "site", "url", "published", "language", "text", "paragraphs"):
        check(f"import has '{key}'", key in article)
    check("import reads the headline as title", article["title"] and "\n" not in article["title"])
    check("import reads the publication date", article["published"] == "2024-03-18", article["published"])
    kinds = {p["kind"] for p in article["paragraphs"]}
    check("paragraphs have kinds", kinds <= {"p", "h1", "h2", "h3", "blockquote", "li"} and len(article["paragraphs"]) > 3)
    text = run("import", "--format", "text", SAMPLE)
    check("import --format text prints the text", text.returncode == 0 and article["title"] in text.stdout)


def test_extract_sample():
    result = run("extract", "--format", "json", SAMPLE)
    check("extract succeeds on the sample", result.returncode == 0, result.stderr)
    data = json.loads(result.stdout)
    for key in ("article", "dct", "timexes", "events", "entities", "quotes"):
        check(f"extract has '{key}'", key in data)
    check("extract takes the DCT from the article", data["dct"] == "2024-03-18", data["dct"])
    text = data["article"]["text"]
    offsets_ok = all(text[t["start"]:t["end"]] == t["text"] for t in data["timexes"])
    check("timex offsets are code points into the text", offsets_ok and len(data["timexes"]) >= 5)
    events = data["events"]
    check("events carry dates, titles and sentences",
          events and all(e["date"]["value"] and e["title"] and e["sentence"] for e in events))
    check("event sentences are at their offsets",
          all(text[e["start"]:e["end"]] == e["sentence"] for e in events))
    jsonl = run("extract", "--format", "jsonl", SAMPLE, SAMPLE)
    lines = [json.loads(line) for line in jsonl.stdout.splitlines() if line.strip()]
    check("jsonl gives one object per article", jsonl.returncode == 0 and len(lines) == 2)


def test_extract_reference():
    if not os.path.exists(KIM_PUTIN):
        for name in ("reference article values", "reference TimeML"):
            skip(name, "../shared/samples is absent")
        return

    result = run("extract", "--dct", "2023-09-05", "--format", "json", KIM_PUTIN)
    check("extract succeeds on the reference article", result.returncode == 0, result.stderr)
    data = json.loads(result.stdout)
    text = data["article"]["text"]
    timexes = data["timexes"]
    for written, value in (("April 2019", "2019-04"), ("January 2020", "2020-01"), ("1991", "1991")):
        found = timex_by_text(timexes, written)
        check(f"'{written}' is {value}", found and found[0]["value"] == value, str(found))
        check(f"'{written}' has its offsets",
              found and all(text[t["start"]:t["end"]] == written for t in found))
    check("the DCT is the one given", data["dct"] == "2023-09-05")

    timeml = run("extract", "--dct", "2023-09-05", "--format", "timeml", KIM_PUTIN)
    check("timeml output succeeds", timeml.returncode == 0, timeml.stderr)
    root = ET.fromstring(timeml.stdout.encode("utf-8"))
    body = root.find("TEXT")
    with open(KIM_PUTIN, encoding="utf-8") as f:
        original = f.read()
    check("TimeML <TEXT> content equals the input", body is not None and "".join(body.itertext()) == original)
    values = {t.text: t.get("value") for t in body.iter("TIMEX3")}
    check("TimeML tags carry values", values.get("April 2019") == "2019-04" and values.get("1991") == "1991",
          str(values))
    check("TimeML tags carry tid and type",
          all(t.get("tid") and t.get("type") in ("DATE", "TIME", "DURATION", "SET") for t in body.iter("TIMEX3")))
    dct = root.find("DCT/TIMEX3")
    check("TimeML has the DCT", dct is not None and dct.get("value") == "2023-09-05")


def test_export(tmp):
    output = os.path.join(tmp, "note.md")
    result = run("export", "--to", output, SAMPLE)
    check("export writes Markdown", result.returncode == 0 and os.path.exists(output), result.stderr)
    with open(output, encoding="utf-8") as f:
        markdown = f.read()
    title = json.loads(run("import", SAMPLE).stdout)[0]["title"]
    check("the note starts with the title", markdown.startswith("# "), markdown[:80])
    check("the note names the source", "## Sources" in markdown and "riverside-flood-barrier.txt" in markdown)
    check("the note lists dated events", "## Timeline" in markdown and "**March 2021**" in markdown)
    titled = os.path.join(tmp, "titled.md")
    run("export", "--title", "Flood briefing", "--to", titled, SAMPLE)
    with open(titled, encoding="utf-8") as f:
        check("export --title sets the title", f.readline().strip() == "# Flood briefing")
    check("the default title is the article's", markdown.splitlines()[0].startswith("# " + title.split("*")[0][:10]))


def test_project(tmp):
    project = os.path.join(tmp, "flood.briefing")
    result = run("export", "--title", "Flood briefing", "--to", project, SAMPLE)
    check("export writes a .briefing project", result.returncode == 0 and os.path.exists(project), result.stderr)
    with open(project, encoding="utf-8") as f:
        data = json.load(f)
    check("the project names its format and version",
          data.get("format") == "io.github.briefingdesk.Briefing" and data.get("version") == 2)
    check("the project embeds its articles", len(data["articles"]) == 1 and "Millbrook" in data["articles"][0]["text"])
    check("the project holds the events", len(data["events"]) >= 5)

    note = os.path.join(tmp, "from-project.md")
    result = run("export", "--to", note, project)
    check("a .briefing is accepted as input", result.returncode == 0, result.stderr)
    with open(note, encoding="utf-8") as f:
        markdown = f.read()
    check("the note from the project keeps title and events",
          markdown.startswith("# Flood briefing") and "**March 2021**" in markdown)

    extracted = run("extract", project)
    check("extract reads a project", extracted.returncode == 0 and json.loads(extracted.stdout)["timexes"])

    damaged = os.path.join(tmp, "damaged.briefing")
    with open(project, encoding="utf-8") as f, open(damaged, "w", encoding="utf-8") as out:
        out.write(f.read()[: len(data["articles"][0]["text"]) // 2])
    result = run("export", "--to", os.path.join(tmp, "x.md"), damaged)
    check("a truncated project is bad input with a message", result.returncode == 1 and "damaged" in result.stderr,
          result.stderr)
    newer = os.path.join(tmp, "newer.briefing")
    with open(newer, "w", encoding="utf-8") as out:
        json.dump(dict(data, version=99), out)
    result = run("export", "--to", os.path.join(tmp, "x.md"), newer)
    check("a project from a newer version is refused", result.returncode == 1 and "newer" in result.stderr,
          result.stderr)
    with open(newer, encoding="utf-8") as f:
        check("the refused project is not overwritten", json.load(f)["version"] == 99)


def test_killed_while_saving(tmp):
    """Kill a saving process at random moments: the old or the new file is always intact."""
    import random
    import signal
    import time

    articles = []
    for i in range(60):
        path = os.path.join(tmp, f"article-{i}.txt")
        with open(SAMPLE, encoding="utf-8") as f:
            text = f.read()
        with open(path, "w", encoding="utf-8") as f:
            f.write(text.replace("Riverside", f"Riverside {i}", 1))
        articles.append(path)

    target = os.path.join(tmp, "killed.briefing")
    old = b'{"format": "io.github.briefingdesk.Briefing", "version": 1, "articles": [], "events": []}'
    full = run("export", "--to", os.path.join(tmp, "reference.briefing"), *articles)
    with open(os.path.join(tmp, "reference.briefing"), "rb") as f:
        new = f.read()
    rng = random.Random(20261128)
    intact = 0
    killed = 0
    for _ in range(100):
        with open(target, "wb") as f:
            f.write(old)
        process = subprocess.Popen([CLI, "export", "--to", target, *articles],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        time.sleep(rng.uniform(0, 0.12))
        if process.poll() is None:
            process.send_signal(signal.SIGKILL)
            killed += 1
        process.wait()
        with open(target, "rb") as f:
            contents = f.read()
        intact += contents in (old, new)
    check(f"killed {killed} of 100 saves: every time the old or the new file was intact",
          full.returncode == 0 and intact == 100 and killed > 10, f"intact {intact}, killed {killed}")


def test_export_formats(tmp):
    """Every export format by its extension; .timeline.json is not plain JSON."""
    expected = {
        "note.pdf": lambda b: b.startswith(b"%PDF-"),
        "note.html": lambda b: b.startswith(b"<!DOCTYPE html>") and b"<h1>" in b,
        "note.fodt": lambda b: ET.fromstring(b).get(
            "{urn:oasis:names:tc:opendocument:xmlns:office:1.0}mimetype") == "application/vnd.oasis.opendocument.text",
        "note.md": lambda b: b.startswith(b"# ") and b"| Date | Event | Source |" in b,
        "note.json": lambda b: isinstance(json.loads(b)["events"], list),
        "note.timeline.json": lambda b: "start_date" in json.loads(b)["events"][0],
        "note.ics": lambda b: b.startswith(b"BEGIN:VCALENDAR\r\n") and b.endswith(b"END:VCALENDAR\r\n"),
        "note.csv": lambda b: b.startswith(b"date,label,precision,") and b"\r\n" in b,
    }
    for name, valid in expected.items():
        output = os.path.join(tmp, name)
        result = run("export", "--to", output, SAMPLE)
        ok = result.returncode == 0 and os.path.exists(output)
        if ok:
            with open(output, "rb") as f:
                try:
                    ok = valid(f.read())
                except (ValueError, KeyError, IndexError, ET.ParseError) as error:
                    ok, result.stderr = False, str(error)
        check(f"export --to {name} writes that format", ok, result.stderr)
    result = run("export", "--to", os.path.join(tmp, "note.docx"), SAMPLE)
    check("export lists the formats for an unknown extension",
          result.returncode == 2 and ".timeline.json" in result.stderr and ".fodt" in result.stderr, result.stderr)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        test_exit_codes(tmp)
        test_import()
        test_extract_sample()
        test_extract_reference()
        test_export(tmp)
        test_export_formats(tmp)
        test_project(tmp)
        test_killed_while_saving(tmp)

    print(f"1..{len(results)}")
    failed = 0
    for number, (ok, name, detail) in enumerate(results, 1):
        if ok is None:
            print(f"ok {number} - {name} # SKIP {detail}")
        elif ok:
            print(f"ok {number} - {name}")
        else:
            failed += 1
            print(f"not ok {number} - {name}")
            if detail:
                print("# " + detail.replace("\n", "\n# "))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
