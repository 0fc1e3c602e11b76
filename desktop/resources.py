"""Where the top-level ``resources/`` folder is, in a checkout and in a frozen build.

The folder holds fonts, icons, translations and the gazetteer. It sits next to the
``desktop`` package in a source checkout, an editable install and a regular (wheel)
install, which puts it beside ``desktop/`` in site-packages (package data, see
pyproject.toml), and at the root of the unpacked bundle (``sys._MEIPASS``) in a
PyInstaller build, where the spec must copy it as ``resources``.
"""

from __future__ import annotations

import sys
from pathlib import Path

__all__ = ["resource_path", "resources_root"]


def resources_root() -> Path:
    """Return the ``resources/`` folder for this run of the application.

    In a PyInstaller bundle (``sys.frozen`` set and ``sys._MEIPASS`` a string) it is
    ``Path(sys._MEIPASS) / "resources"``; otherwise it is ``resources/`` beside the
    ``desktop`` package (``Path(__file__).parents[1] / "resources"``). The path is
    returned whether or not it exists; nothing is created or read.
    """
    bundle = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and isinstance(bundle, str):
        return Path(bundle) / "resources"
    return Path(__file__).resolve().parents[1] / "resources"


def resource_path(*parts: str) -> Path:
    """Return the path of ``resources/<parts...>``, e.g. ``resource_path("gazetteer",
    "gazetteer.json")``.

    Raises ``ValueError`` if a part is absolute or contains ``..``, so a caller can never
    reach outside the resources folder. Does not check that the file exists.
    """
    for part in parts:
        candidate = Path(part)
        if candidate.is_absolute() or ".." in candidate.parts:
            raise ValueError(f"resource path part {part!r} must be relative and without '..'")
    return resources_root().joinpath(*parts)
