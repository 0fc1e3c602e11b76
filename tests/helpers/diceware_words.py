"""Reading a generated passphrase back as wordlist words."""

from desktop.domain.desk import diceware


def word_counts(text: str, words: set[str]) -> set[int]:
    """How many wordlist words `text` can be read as, joined by the separator: the list
    holds hyphenated words ("t-shirt"), so splitting by "-" alone miscounts."""
    pieces = text.split(diceware.SEPARATOR)
    counts: dict[int, set[int]] = {0: {0}}  # pieces consumed -> word counts reaching there
    for start in range(len(pieces)):
        for end in range(start + 1, len(pieces) + 1):
            if start in counts and diceware.SEPARATOR.join(pieces[start:end]) in words:
                counts.setdefault(end, set()).update(n + 1 for n in counts[start])
    return counts.get(len(pieces), set())


def reads_as_words(text: str, count: int) -> bool:
    """Whether `text` is `count` words of the shipped list, joined by the separator."""
    return count in word_counts(text, set(diceware.wordlist()))
