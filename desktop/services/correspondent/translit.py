"""A small engine for ICU/CLDR transform rules: the subset the Zawgyi transform uses.

ICU's rule-based transliterator runs its rules in phases (separated by ``::Null;``). In a
phase a cursor walks the text; at each position the first rule, in file order, whose
pattern matches there replaces what it matched, and the cursor moves past the replacement
(or to a ``|`` in it); where no rule matches the cursor moves one character on. The next
phase starts on the result. ICU's quantifiers (``*``, ``+``, ``?``) are greedy and never
give back what they took, which is what Python's possessive quantifiers do, so each rule
compiles to one regular expression and a phase to their alternation in rule order:
the leftmost match, first alternative first, is exactly ICU's choice.

Supported: ``$name = …;`` variables, ``→``/``>`` rules, ``[…]`` sets (ranges, ``^``,
nested sets, ``\\uXXXX`` and octal escapes), ``(…)`` groups and ``$1`` references,
quantifiers, the anchors ``^`` (start of text) and ``$`` (end of text), a ``|`` cursor in
the replacement, ``#`` comments. Anything else (contexts ``{…}``, reverse rules, named
transforms) raises `RuleError`, so a rule file this engine cannot honour never loads.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

__all__ = ["RuleError", "Transform"]

_VARIABLE = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_GROUP_REF = re.compile(r"\$([0-9])")
_MAX_REWRITES_PER_CHAR = 16  # ICU's own guard against rules that rewrite forever


class RuleError(ValueError):
    """The rule text uses syntax this engine does not implement, or is malformed."""


@dataclass(frozen=True)
class _Rule:
    groups: int  # capturing groups inside the rule's pattern
    output: tuple[str | int, ...]  # literal text, or a group number
    cursor: int | None  # characters of output before a "|", if any


def _escape_at(text: str, i: int) -> tuple[str, int]:
    """Decode the backslash escape starting at ``text[i]``; return it and the next index."""
    if i + 1 >= len(text):
        raise RuleError("a rule ends with a lone backslash")
    kind = text[i + 1]
    if kind in "uU":
        width = 4 if kind == "u" else 8
        digits = text[i + 2 : i + 2 + width]
        if len(digits) != width or not all(c in "0123456789abcdefABCDEF" for c in digits):
            raise RuleError(f"bad escape {text[i : i + 2 + width]!r}")
        return chr(int(digits, 16)), i + 2 + width
    if kind in "01234567":  # ICU reads 1–3 octal digits after a backslash
        end = i + 1
        while end < len(text) and end < i + 4 and text[end] in "01234567":
            end += 1
        return chr(int(text[i + 1 : end], 8)), end
    return kind, i + 2


def _parse_set(text: str, i: int) -> tuple[str, int]:
    """Parse the set starting at ``text[i] == "["``; return a regex class and the next index."""
    i += 1
    negate = i < len(text) and text[i] == "^"
    if negate:
        i += 1
    parts: list[str] = []
    previous: str | None = None
    while True:
        if i >= len(text):
            raise RuleError("unclosed [ in a rule")
        c = text[i]
        if c == "]":
            i += 1
            break
        if c.isspace():
            i += 1
            continue
        if c == "[":
            inner, i = _parse_set(text, i)
            parts.append(inner)
            previous = None
            continue
        if c == "-" and previous is not None and i + 1 < len(text) and text[i + 1] != "]":
            if text[i + 1] == "\\":
                high, i = _escape_at(text, i + 1)
            else:
                high, i = text[i + 1], i + 2
            parts[-1] = f"{re.escape(previous)}-{re.escape(high)}"
            previous = None
            continue
        if c == "\\":
            c, i = _escape_at(text, i)
        else:
            i += 1
        parts.append(re.escape(c))
        previous = c
    # A nested set becomes a union member: Python classes do not nest, so nested negated
    # sets are refused rather than silently misread.
    if any(p.startswith("[^") for p in parts):
        raise RuleError("a negated set inside a set is not supported")
    body = "".join(p[1:-1] if p.startswith("[") else p for p in parts)
    return f"[{'^' if negate else ''}{body}]", i


def _compile_pattern(text: str) -> tuple[str, int]:
    """Translate one rule's pattern side to a regex; return it and its group count."""
    out: list[str] = []
    groups = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
        elif c == "[":
            cls, i = _parse_set(text, i)
            out.append(cls)
        elif c == "\\":
            ch, i = _escape_at(text, i)
            out.append(re.escape(ch))
        elif c == "(":
            groups += 1
            out.append("(")
            i += 1
        elif c == ")":
            out.append(")")
            i += 1
        elif c in "*+?":
            if not out or out[-1] in ("(", r"\A"):
                raise RuleError(f"quantifier {c!r} with nothing to repeat")
            out.append(c + "+")  # possessive, as ICU's quantifiers are
            i += 1
        elif c == "^":
            if out:
                raise RuleError("^ anywhere but at the start of a pattern")
            out.append(r"\A")
            i += 1
        elif c == "$":
            if text[i + 1 :].strip():
                raise RuleError("$ anywhere but at the end of a pattern")
            out.append(r"\Z")
            i += 1
        elif c in "{}|'&":
            raise RuleError(f"unsupported syntax {c!r} in a pattern")
        else:
            out.append(re.escape(c))
            i += 1
    if not out:
        raise RuleError("a rule with an empty pattern")
    return "".join(out), groups


def _compile_output(text: str) -> tuple[tuple[str | int, ...], int | None]:
    parts: list[str | int] = []
    literal: list[str] = []
    cursor: int | None = None
    length = 0
    i = 0
    while i < len(text):
        c = text[i]
        if c.isspace():
            i += 1
            continue
        if c == "$":
            m = _GROUP_REF.match(text, i)
            if not m:
                raise RuleError(f"bad reference in replacement {text!r}")
            if literal:
                parts.append("".join(literal))
                literal = []
            parts.append(int(m.group(1)))
            i = m.end()
            continue
        if c == "|":
            if cursor is not None or any(isinstance(p, int) for p in parts):
                # The cursor's offset must be known without the groups' lengths.
                raise RuleError("| after a group reference or twice in a replacement")
            cursor = length
            i += 1
            continue
        if c in "[](){}^*+?'&":
            raise RuleError(f"unsupported syntax {c!r} in a replacement")
        if c == "\\":
            c, i = _escape_at(text, i)
        else:
            i += 1
        literal.append(c)
        length += 1
    if literal:
        parts.append("".join(literal))
    return tuple(parts), cursor


def _statements(source: str) -> list[str]:
    """Split rule text into statements, dropping comments."""
    statements: list[str] = []
    current: list[str] = []
    i = 0
    while i < len(source):
        c = source[i]
        if c == "\\" and i + 1 < len(source):
            current.append(source[i : i + 2])
            i += 2
        elif c == "#":
            while i < len(source) and source[i] != "\n":
                i += 1
        elif c == ";":
            statements.append("".join(current).strip())
            current = []
            i += 1
        else:
            current.append(c)
            i += 1
    if "".join(current).strip():
        raise RuleError("the rule text ends without ';'")
    return [s for s in statements if s]


def _split_rule(statement: str) -> tuple[str, str]:
    depth = 0
    i = 0
    while i < len(statement):
        c = statement[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            depth += 1
        elif c == "]":
            depth -= 1
        elif depth == 0 and c in "→>":
            return statement[:i], statement[i + 1 :]
        elif depth == 0 and c in "←<↔":
            raise RuleError("only forward rules (→ or >) are supported")
        i += 1
    raise RuleError(f"not a rule: {statement!r}")


class _Phase:
    def __init__(self, rules: list[tuple[str, int, _Rule]]) -> None:
        alternatives: list[str] = []
        self._by_group: dict[int, tuple[int, _Rule]] = {}
        index = 1
        for pattern, groups, rule in rules:
            alternatives.append(f"({pattern})")
            self._by_group[index] = (index, rule)
            index += 1 + groups
        self._regex = re.compile("|".join(alternatives))

    def apply(self, text: str) -> str:
        pos = 0
        budget = _MAX_REWRITES_PER_CHAR * (len(text) + 1)
        while pos <= len(text) and budget > 0:
            m = self._regex.search(text, pos)
            if m is None:
                break
            base = m.lastindex or 0  # the rule's own group closes after its inner ones
            _, rule = self._by_group[base]
            replacement = "".join(
                p if isinstance(p, str) else (m.group(base + p) or "") for p in rule.output
            )
            text = text[: m.start()] + replacement + text[m.end() :]
            pos = m.start() + (len(replacement) if rule.cursor is None else rule.cursor)
            budget -= 1
        return text


class Transform:
    """A compiled rule set: `Transform(rules_text)(text)` runs every phase in order."""

    def __init__(self, source: str) -> None:
        variables: dict[str, str] = {}
        phases: list[list[tuple[str, int, _Rule]]] = [[]]

        def expand(part: str) -> str:
            def value(m: re.Match[str]) -> str:
                if m.group(1) not in variables:
                    raise RuleError(f"undefined variable ${m.group(1)}")
                return variables[m.group(1)]

            return _VARIABLE.sub(value, part)

        for statement in _statements(source):
            if statement.startswith("::"):
                if statement[2:].strip() != "Null":
                    raise RuleError(f"unsupported transform {statement!r}")
                phases.append([])
                continue
            definition = re.fullmatch(r"\$([A-Za-z_][A-Za-z0-9_]*)\s*=\s*(.*)", statement, re.S)
            if definition:
                variables[definition.group(1)] = expand(definition.group(2).strip())
                continue
            left, right = _split_rule(statement)
            pattern, groups = _compile_pattern(expand(left))
            output, cursor = _compile_output(expand(right))
            if any(isinstance(p, int) and not 1 <= p <= groups for p in output):
                raise RuleError(f"a replacement refers to a missing group: {statement!r}")
            phases[-1].append((pattern, groups, _Rule(groups, output, cursor)))
        self._phases = [_Phase(rules) for rules in phases if rules]

    def __call__(self, text: str) -> str:
        for phase in self._phases:
            text = phase.apply(text)
        return text
