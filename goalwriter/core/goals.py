"""Goal parts and the goal sentence composed from them."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

PART_FIELDS = ("area", "baseline", "condition", "behavior", "criterion", "measurement", "reporting", "target_date")
SENTENCE_FIELDS = ("condition", "behavior", "criterion", "measurement", "reporting", "target_date")

_CONDITION_LEADS = (
    "given", "with", "without", "during", "when", "in", "using", "after", "before", "at", "on", "across",
    "within", "upon", "while", "from", "following", "provided", "in the",
)


@dataclass(frozen=True)
class GoalParts:
    area: str = ""
    baseline: str = ""
    condition: str = ""
    behavior: str = ""
    criterion: str = ""
    measurement: str = ""
    reporting: str = ""
    target_date: dt.date | None = None


def _clean(text: str) -> str:
    return re.sub(r"\s+", " ", text or "").strip().rstrip(".;,").strip()


def format_target_date(value: dt.date | None) -> str:
    return f"{value:%B} {value.day}, {value.year}" if value else ""


def condition_phrase(condition: str) -> str:
    text = _clean(condition)
    if not text:
        return ""
    first = text.split(" ", 1)[0].lower()
    if first in _CONDITION_LEADS:
        return text[0].lower() + text[1:] if not text[:2].isupper() else text
    return f"given {text}"


def behavior_phrase(behavior: str) -> str:
    text = _clean(behavior)
    text = re.sub(r"^(?:the student |student )?will\s+", "", text, flags=re.IGNORECASE)
    return text


def measurement_phrase(measurement: str) -> str:
    text = _clean(measurement)
    if not text:
        return ""
    if re.match(r"^(as )?(measured|documented|recorded|observed)\b", text, re.IGNORECASE):
        return text if text.lower().startswith("as ") else f"as {text}"
    return f"as measured by {text}"


def reporting_phrase(reporting: str) -> str:
    text = _clean(reporting)
    if not text:
        return ""
    if re.match(r"^(with )?progress\b|^reported\b", text, re.IGNORECASE):
        return text
    return f"with progress reported {text}"


def compose_goal_sentence(parts: GoalParts, student: str = "the student") -> str:
    """The annual goal as one sentence, e.g. "By March 4, 2027, given a slant board, M. will copy ...".

    Empty parts are left out, so the sentence reads well at every stage of typing.
    """
    behavior = behavior_phrase(parts.behavior)
    if not behavior and not _clean(parts.condition) and not _clean(parts.criterion):
        return ""
    lead: list[str] = []
    if parts.target_date:
        lead.append(f"By {format_target_date(parts.target_date)}")
    cond = condition_phrase(parts.condition)
    if cond:
        lead.append(cond)
    who = student.strip() or "the student"
    core = f"{who} will {behavior}" if behavior else f"{who} will ___"
    criterion = _clean(parts.criterion)
    if criterion:
        core = f"{core} {criterion}"
    tail = [p for p in (measurement_phrase(parts.measurement), reporting_phrase(parts.reporting)) if p]
    sentence = ", ".join([*lead, core])
    if tail:
        sentence = f"{sentence}, {', '.join(tail)}"
    sentence = sentence[0].upper() + sentence[1:]
    return sentence + "."
