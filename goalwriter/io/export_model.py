"""The plain data a DOCX export is made from: one student, the class's day, the goals and where they happen.

goalwriter.services.export fills these from the database; tests build them by hand. Nothing here knows
about the database or Qt, so the writer can be tested (and reused) on its own.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, replace

from goalwriter.core.goals import behavior_phrase

KINDS = ("draft", "glance")
KIND_TITLES = {"draft": "IEP goals draft", "glance": "IEP at a glance"}
SUPPORT_LABELS = {"P": "peer", "A": "second adult", "N": "no extra support"}
CONFIRMED, SUGGESTED = "✓", "○"
DEFINITELY = "★"
_SURNAME_PARTICLES = {
    "de", "del", "della", "da", "das", "do", "dos", "di", "du", "la", "le", "van", "von", "der", "den", "ten", "ter",
    "st.", "bin", "ibn", "al", "el",
}


def format_date(value: dt.date | None) -> str:
    """March 4, 2027 (how IEP documents write dates)."""
    return f"{value:%B} {value.day}, {value.year}" if value else ""


def clock(text: str) -> str:
    """A stored time as a teacher reads it: "13:05" -> "1:05", "08:30" -> "8:30"; anything else unchanged."""
    match = re.fullmatch(r"\s*(\d{1,2}):(\d{2})\s*", text or "")
    if not match:
        return (text or "").strip()
    hour = int(match.group(1))
    if hour > 12:
        hour -= 12
    return f"{hour}:{match.group(2)}"


def shorten(text: str, limit: int) -> str:
    """Cut ``text`` at a word boundary so it fits ``limit`` characters, ending with an ellipsis when cut."""
    text = re.sub(r"\s+", " ", text or "").strip()
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if " " in cut[limit // 2 :]:
        cut = cut[: cut.rfind(" ")]
    words = cut.rstrip(" ,;:-–").split(" ")
    while len(words) > 3 and words[-1].lower() in _DANGLING:
        words.pop()  # "fasten a zipper and…" reads worse than "fasten a zipper…"
    return " ".join(words).rstrip(" ,;:-–") + "…"


def brief_reason(reason: str, items: int = 2) -> str:
    """The first few reasons of a match, without the quoted evidence: for a table cell, not the full story."""
    parts = []
    for item in (reason or "").split("; "):
        part = re.sub(r':\s*"[^"]*"\s*$', "", item.strip()).strip()
        if part and part not in parts:
            parts.append(part)
    return "; ".join(parts[:items])


@dataclass(frozen=True)
class RoutineInfo:
    """One block of the classroom day."""

    name: str
    start: str = ""
    end: str = ""
    days: str = ""  # as the teacher wrote it ("M/W/F"); empty or "daily" = every school day

    @property
    def time_label(self) -> str:
        start, end = clock(self.start), clock(self.end)
        if start and end:
            return f"{start}–{end}"
        return start or end

    @property
    def days_label(self) -> str:
        """The days when the block is not on every school day; empty otherwise."""
        days = (self.days or "").strip()
        if days.lower() in ("", "daily", "every day", "mon-fri", "m-f", "monday-friday", "mon–fri"):
            return ""
        return days


@dataclass(frozen=True)
class Placement:
    """A routine where a goal is worked on: confirmed by the team, or suggested by the matcher."""

    routine_index: int  # into StudentExport.routines
    state: str = "suggested"  # confirmed | suggested
    reason: str = ""
    note: str = ""
    support: str = ""  # P peer, A second adult, N none, "" not set
    definitely: bool = False  # definitely addressed, with data collection

    @property
    def confirmed(self) -> bool:
        return self.state == "confirmed"

    @property
    def symbol(self) -> str:
        return CONFIRMED if self.confirmed else SUGGESTED


@dataclass(frozen=True)
class GoalInfo:
    number: int
    area: str = ""
    text: str = ""  # the annual goal sentence
    baseline: str = ""
    condition: str = ""
    behavior: str = ""
    criterion: str = ""
    measurement: str = ""
    reporting: str = ""
    target_date: dt.date | None = None
    objectives: tuple[str, ...] = ()
    placements: tuple[Placement, ...] = ()  # in day order
    review: str = ""  # why the goal never comes up in class; empty when it does
    per_week: int = 0  # opportunities a week across the placements
    thin: bool = False  # comes up, but about once a week or less

    def short_label(self, limit: int = 58) -> str:
        """Area and a shortened behavior in plain words, for the one-page table."""
        what = behavior_phrase(self.behavior) or behavior_phrase(self.text)
        area = self.area.strip()
        if area and what:
            return f"{area}: {shorten(what, max(20, limit - len(area) - 2))}"
        return area or shorten(what, limit) or f"Goal {self.number}"


@dataclass(frozen=True)
class ServiceInfo:
    minutes_per_week: int
    model: str  # push-in | pull-out | consult

    @property
    def label(self) -> str:
        where = {"push-in": "in the classroom", "pull-out": "outside the classroom", "consult": "with the team"}
        extra = where.get(self.model)
        return f"{self.minutes_per_week} minutes a week, {self.model}" + (f" ({extra})" if extra else "")


@dataclass(frozen=True)
class StudentExport:
    """Everything one student's documents show."""

    name: str
    initials: str = ""
    grade: str = ""
    school: str = ""
    classroom: str = ""
    teacher: str = ""
    iep_meeting_date: dt.date | None = None
    annual_review_date: dt.date | None = None
    routines: tuple[RoutineInfo, ...] = ()
    goals: tuple[GoalInfo, ...] = ()
    services: tuple[ServiceInfo, ...] = ()
    deidentified: bool = False
    prepared_on: dt.date | None = None

    @property
    def display_name(self) -> str:
        return self.name.strip() or self.initials.strip() or "Student"

    @property
    def classroom_label(self) -> str:
        if self.classroom and self.teacher:
            return f"{self.classroom} ({self.teacher})"
        return self.classroom or self.teacher

    @property
    def review_goals(self) -> tuple[GoalInfo, ...]:
        return tuple(g for g in self.goals if g.review or g.thin)


def initials_for(name: str) -> str:
    """'Maya Rivera' -> 'M.R.', 'José Núñez-Ortiz' -> 'J.N.'; one-word names give one initial ('李雷' -> '李.')."""
    parts = [p for p in (name or "").split() if p[:1].isalpha()]
    if not parts:
        return ""
    picked = [parts[0], parts[-1]] if len(parts) > 1 else parts[:1]
    return "".join(f"{p[0].upper()}." for p in picked)


_DANGLING = {"and", "or", "a", "an", "the", "of", "to", "in", "on", "at", "for", "with", "from", "by", "her", "his",
             "their", "its", "into", "onto", "across", "along"}
_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december"}


def _name_pattern(name: str) -> re.Pattern[str] | None:
    """Whole-word, case-sensitive matches of the full name, then each part of it (longest first).

    Case-sensitive so that a student called Will does not turn every "will" of a goal into initials.
    """
    words = [w for w in re.split(r"\s+", name.strip()) if len(w) > 1 or not w.isascii()]
    candidates = sorted({name.strip(), *words}, key=len, reverse=True)
    candidates = [c for c in candidates if c and c.lower() not in _SURNAME_PARTICLES]
    if not candidates:
        return None
    alternatives = "|".join(
        # a student called May or June keeps "May 3, 2028" intact
        re.escape(c) + (r"(?!\s+\d)" if c.lower() in _MONTHS else "") for c in candidates
    )
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)")


def deidentify(data: StudentExport) -> StudentExport:
    """The same export with the student's name replaced by initials everywhere it is written."""
    initials = data.initials.strip() or initials_for(data.name) or "Student"
    pattern = _name_pattern(data.name)

    def clean(text: str) -> str:
        return pattern.sub(initials, text) if pattern and text else text

    goals = tuple(
        replace(
            g,
            text=clean(g.text),
            baseline=clean(g.baseline),
            condition=clean(g.condition),
            behavior=clean(g.behavior),
            criterion=clean(g.criterion),
            measurement=clean(g.measurement),
            reporting=clean(g.reporting),
            objectives=tuple(clean(o) for o in g.objectives),
            placements=tuple(replace(p, note=clean(p.note), reason=clean(p.reason)) for p in g.placements),
        )
        for g in data.goals
    )
    return replace(data, name=initials, initials=initials, goals=goals, deidentified=True)


def sort_name(name: str) -> str:
    """'Maya Rivera' -> 'Rivera, Maya'; 'Ana de la Cruz' -> 'de la Cruz, Ana'; one word stays as it is."""
    words = name.split()
    if len(words) < 2:
        return name.strip()
    start = len(words) - 1
    while start > 1 and words[start - 1].lower() in _SURNAME_PARTICLES:
        start -= 1
    return f"{' '.join(words[start:])}, {' '.join(words[:start])}"


def file_stem(data: StudentExport, kind: str) -> str:
    """The document's file name without extension, e.g. "Rivera, Maya - IEP goals draft"."""
    who = data.display_name if data.deidentified else sort_name(data.display_name)
    return f"{who} - {KIND_TITLES[kind]}"
