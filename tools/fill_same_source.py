"""Fill unfinished .ts translations whose source text is translated in another context.

Run after `pyside6-lupdate` when a string moves between classes; prints what it filled.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path


def main(path: Path) -> int:
    tree = ET.parse(path)  # noqa: S314 (our own file)
    known: dict[str, str] = {}
    messages = tree.getroot().iter("message")
    all_messages = list(messages)
    for message in all_messages:
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or source.text is None:
            continue
        if translation.get("type") is None and translation.text:
            known[source.text] = translation.text
    filled = 0
    for message in all_messages:
        source, translation = message.find("source"), message.find("translation")
        if source is None or translation is None or source.text is None:
            continue
        if translation.get("type") == "unfinished" and source.text in known:
            translation.text = known[source.text]
            del translation.attrib["type"]
            filled += 1
            print(f"filled: {source.text}")
    if filled:
        tree.write(path, encoding="utf-8", xml_declaration=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
