"""Generated source pseudonyms, e.g. "amber-heron-42".

An editor counts independent sources by pseudonym; the correspondent never types one, so
no real name can slip in. 24 x 24 x 100 = 57,600 combinations: plenty for one
correspondent's sources, and collisions across correspondents are harmless.

A report's pseudonym is accepted only if it is made of these very words (`is_pseudonym`):
a free shape like "brang-seng-42" could carry a real name. The word lists may grow in a
later version, never shrink, so every stored pseudonym stays valid.
"""

from __future__ import annotations

import re
import secrets

ADJECTIVES = (
    "amber", "azure", "brisk", "calm", "cedar", "coral", "dusky", "ember",
    "fern", "frost", "gold", "hazel", "indigo", "jade", "lunar", "maple",
    "misty", "olive", "pearl", "quiet", "russet", "silver", "swift", "teal",
)  # fmt: skip
NOUNS = (
    "heron", "otter", "falcon", "gibbon", "hornbill", "ibis", "kite", "lotus",
    "magpie", "myna", "orchid", "panda", "pine", "plover", "quail", "reed",
    "river", "sparrow", "stork", "teak", "tiger", "wren", "yak", "zebu",
)  # fmt: skip


# adjective-noun-NN, the words from the lists above only.
PSEUDONYM_PATTERN = re.compile(f"({'|'.join(ADJECTIVES)})-({'|'.join(NOUNS)})-[0-9]{{2}}")


def generate_pseudonym() -> str:
    """A random pseudonym, e.g. "amber-heron-42"; `is_pseudonym` accepts every one."""
    adjective = secrets.choice(ADJECTIVES)
    noun = secrets.choice(NOUNS)
    return f"{adjective}-{noun}-{secrets.randbelow(100):02d}"


def is_pseudonym(text: str) -> bool:
    """True if `text` is a pseudonym `generate_pseudonym` could have made."""
    return PSEUDONYM_PATTERN.fullmatch(text) is not None
