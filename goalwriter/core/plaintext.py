"""Goals as clean plain text, for pasting into a district's IEP system.

IEP systems often mangle typographic quotes, dashes and odd spaces, so the text is plain ASCII
punctuation with single spaces; letters outside ASCII (José, Núñez) are kept.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

_REPLACEMENTS = {
    "\u2018": "'", "\u2019": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-", "\u2014": "-", "\u2026": "...",
    "\u00a0": " ", "\u2009": " ", "\u202f": " ", "\u2022": "-", "\u2192": "->",
}
_TRANSLATE = str.maketrans(_REPLACEMENTS)


def clean(text: str) -> str:
    """Straight quotes and dashes, no control characters, single spaces."""
    text = (text or "").translate(_TRANSLATE)
    text = re.sub(r"[\x00-\x08\x0b-\x1f\x7f]", "", text)
    return re.sub(r"[ \t]+", " ", text).strip()


def goal_plain_text(
    number: int, area: str, sentence: str, baseline: str = "", objectives: Sequence[str] = ()
) -> str:
    """One goal: a heading line, the sentence, the baseline and numbered objectives."""
    lines = [f"Goal {number}" + (f" ({clean(area)})" if area.strip() else "") + ":", clean(sentence)]
    if baseline.strip():
        lines.append(f"Baseline: {clean(baseline)}")
    objectives = [clean(o) for o in objectives if o.strip()]
    if objectives:
        lines.append("Objectives:")
        lines.extend(f"  {number}.{i} {text}" for i, text in enumerate(objectives, start=1))
    return "\n".join(lines)


def goals_plain_text(goals: Sequence[tuple[str, str, str, Sequence[str]]], heading: str = "") -> str:
    """All of a student's goals, separated by blank lines; ``goals`` = (area, sentence, baseline, objectives)."""
    blocks = [clean(heading)] if heading.strip() else []
    blocks += [goal_plain_text(i, *g) for i, g in enumerate(goals, start=1)]
    return "\n\n".join(blocks) + "\n"
