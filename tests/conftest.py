"""Test setup shared by every test: Qt offscreen, a quiet environment."""

from __future__ import annotations

import os

# Before anything imports Qt: tests never need a display.
os.environ["QT_QPA_PLATFORM"] = "offscreen"
