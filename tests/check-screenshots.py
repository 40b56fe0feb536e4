#!/usr/bin/env python3
# SPDX-License-Identifier: GPL-3.0-or-later
"""Every screenshot the metainfo names is a PNG in data/screenshots/ of the
size the metainfo gives.  Usage: check-screenshots.py METAINFO SOURCE_ROOT.
Speaks TAP."""

import struct
import sys
import xml.etree.ElementTree as ET

PREFIX = "https://raw.githubusercontent.com/briefingdesk/briefing/main/"


def main():
    metainfo, root = sys.argv[1:3]
    images = ET.parse(metainfo).getroot().findall("./screenshots/screenshot/image")
    results = []
    for image in images:
        url = (image.text or "").strip()
        ok = url.startswith(PREFIX + "data/screenshots/") and url.endswith(".png")
        detail = url
        if ok:
            path = root + "/" + url[len(PREFIX):]
            try:
                with open(path, "rb") as handle:
                    head = handle.read(24)
                ok = head[:8] == b"\x89PNG\r\n\x1a\n"
                width, height = struct.unpack(">II", head[16:24])
                want = (int(image.get("width", width)), int(image.get("height", height)))
                ok = ok and (width, height) == want
                detail = f"{path}: {width}x{height}, metainfo says {want[0]}x{want[1]}"
            except (OSError, struct.error) as error:
                ok, detail = False, str(error)
        results.append(ok)
        print(f"{'ok' if ok else 'not ok'} {len(results)} - screenshot {url.rsplit('/', 1)[-1]}")
        if not ok:
            print(f"# {detail}")
    results.append(len(images) >= 2)
    print(f"{'ok' if results[-1] else 'not ok'} {len(results)} - at least two screenshots ({len(images)})")
    print(f"1..{len(results)}")
    return 0 if all(results) else 1


if __name__ == "__main__":
    sys.exit(main())
