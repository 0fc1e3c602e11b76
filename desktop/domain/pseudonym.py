"""Generated source pseudonyms, e.g. "amber-heron-42".

An editor counts independent sources by pseudonym; the correspondent never types one, so
no real name can slip in. 24 x 24 x 100 = 57,600 combinations: plenty for one
correspondent's sources, and collisions across correspondents are harmless.
"""

from __future__ import annotations

import secrets

_ADJECTIVES = (
    "amber", "azure", "brisk", "calm", "cedar", "coral", "dusky", "ember",
    "fern", "frost", "gold", "hazel", "indigo", "jade", "lunar", "maple",
    "misty", "olive", "pearl", "quiet", "russet", "silver", "swift", "teal",
)  # fmt: skip
_NOUNS = (
    "heron", "otter", "falcon", "gibbon", "hornbill", "ibis", "kite", "lotus",
    "magpie", "myna", "orchid", "panda", "pine", "plover", "quail", "reed",
    "river", "sparrow", "stork", "teak", "tiger", "wren", "yak", "zebu",
)  # fmt: skip


def generate_pseudonym() -> str:
    """A random pseudonym matching `report.PSEUDONYM_PATTERN`."""
    adjective = secrets.choice(_ADJECTIVES)
    noun = secrets.choice(_NOUNS)
    return f"{adjective}-{noun}-{secrets.randbelow(100):02d}"
