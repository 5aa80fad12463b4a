"""The goal bank: ready-made OT goal templates, loaded from templates/goal_bank.toml and searched while typing.

Templates use two kinds of blanks (see the top of goal_bank.toml): ``{student}`` for the name, filled by
:func:`fill_template`, and ``___`` for numbers the team must decide, which stay visible so the quality
checklist flags them until they are filled in. Search tolerates typos, word endings and word order
("scisors cut line", "line cut scissors") and runs against an index built once per bank.
"""

from __future__ import annotations

import bisect
import itertools
import re
import tomllib
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import fuzz, process

from goalwriter.templates import template_path

STUDENT_BLANK = "{student}"
NUMBER_BLANK = "___"
GOAL_BANK_FILE = "goal_bank.toml"

_TEXT_FIELDS = ("domain", "title", "baseline", "condition", "behavior", "criterion", "measurement", "reporting")
_ALL_FIELDS = frozenset(("id", *_TEXT_FIELDS, "objectives", "keywords"))
_ID = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
_PLACEHOLDER = re.compile(r"\{[^{}]*\}")
_UNDERSCORES = re.compile(r"_+")


@dataclass(frozen=True)
class GoalTemplate:
    """One goal of the bank, with its blanks still in it."""

    id: str
    domain: str
    title: str
    baseline: str
    condition: str
    behavior: str
    criterion: str
    measurement: str
    reporting: str
    objectives: tuple[str, ...]
    keywords: tuple[str, ...]


# ---------------------------------------------------------------- loading and validation

def _check_blanks(text: str, where: str) -> None:
    for placeholder in _PLACEHOLDER.findall(text):
        if placeholder != STUDENT_BLANK:
            raise ValueError(f"{where}: unknown blank {placeholder}; "
                             f"only {STUDENT_BLANK} and {NUMBER_BLANK} are allowed")
    if "{" in _PLACEHOLDER.sub("", text) or "}" in _PLACEHOLDER.sub("", text):
        raise ValueError(f"{where}: unmatched brace; write the name blank as {STUDENT_BLANK}")
    for run in _UNDERSCORES.findall(text):
        if run != NUMBER_BLANK:
            raise ValueError(f"{where}: blank {run!r} should be written {NUMBER_BLANK} (three underscores)")


def _template_from(raw: object, number: int, source: str) -> GoalTemplate:
    if not isinstance(raw, dict):
        raise ValueError(f"{source}: goal #{number} is not a table")
    goal_id = raw.get("id")
    name = f"{source}: template {goal_id!r}" if isinstance(goal_id, str) and goal_id else f"{source}: goal #{number}"
    if not isinstance(goal_id, str) or not _ID.match(goal_id):
        raise ValueError(f"{name}: id must be lowercase words joined by hyphens, e.g. 'scissors-straight-line'")
    unknown = sorted(set(raw) - _ALL_FIELDS)
    if unknown:
        raise ValueError(f"{name}: unknown field(s) {', '.join(unknown)}")
    values: dict[str, str] = {}
    for field in _TEXT_FIELDS:
        value = raw.get(field)
        if not isinstance(value, str) or not value.strip():
            raise ValueError(f"{name}: missing required field {field!r}")
        _check_blanks(value, f"{name}, {field}")
        values[field] = " ".join(value.split())
    objectives = raw.get("objectives")
    if not isinstance(objectives, list) or not objectives or not all(
            isinstance(o, str) and o.strip() for o in objectives):
        raise ValueError(f"{name}: 'objectives' must be a list of one or more sentences")
    for i, objective in enumerate(objectives, 1):
        _check_blanks(objective, f"{name}, objective {i}")
    keywords = raw.get("keywords", [])
    if not isinstance(keywords, list) or not all(isinstance(k, str) and k.strip() for k in keywords):
        raise ValueError(f"{name}: 'keywords' must be a list of words")
    return GoalTemplate(
        id=goal_id,
        objectives=tuple(" ".join(o.split()) for o in objectives),
        keywords=tuple(k.strip() for k in keywords),
        **values,
    )


def load_goal_bank(path: Path | None = None) -> list[GoalTemplate]:
    """The templates of a goal bank file (the shipped one by default), in file order.

    Raises ValueError naming the template when an id is repeated, a required field is missing, or a
    blank other than ``{student}`` and ``___`` is used.
    """
    path = Path(path) if path is not None else template_path(GOAL_BANK_FILE)
    source = path.name
    try:
        with path.open("rb") as handle:
            data = tomllib.load(handle)
    except tomllib.TOMLDecodeError as exc:
        raise ValueError(f"{source}: not valid TOML: {exc}") from exc
    goals = data.get("goal")
    if not isinstance(goals, list) or not goals:
        raise ValueError(f"{source}: no [[goal]] templates found")
    templates: list[GoalTemplate] = []
    seen: set[str] = set()
    for number, raw in enumerate(goals, 1):
        template = _template_from(raw, number, source)
        if template.id in seen:
            raise ValueError(f"{source}: template {template.id!r} appears more than once")
        seen.add(template.id)
        templates.append(template)
    return templates


# ---------------------------------------------------------------- filling

def fill_template(template: GoalTemplate, student: str) -> dict[str, str | list[str]]:
    """The goal parts of ``template`` for ``student``, ready for the goal editor.

    ``{student}`` is replaced by the name ("the student" when none is given); ``___`` blanks stay so the
    quality checklist flags them until the team fills them. The target date is left to the editor.
    """
    name = " ".join(student.split()) or "the student"

    def fill(text: str) -> str:
        filled = text.replace(STUDENT_BLANK, name)
        return filled[:1].upper() + filled[1:] if text.startswith(STUDENT_BLANK) else filled

    return {
        "area": template.domain,
        "baseline": fill(template.baseline),
        "condition": fill(template.condition),
        "behavior": fill(template.behavior),
        "criterion": fill(template.criterion),
        "measurement": fill(template.measurement),
        "reporting": fill(template.reporting),
        "objectives": [fill(objective) for objective in template.objectives],
    }


# ---------------------------------------------------------------- search

_STOPWORDS = frozenset((
    "a", "all", "an", "and", "any", "are", "as", "at", "be", "by", "each", "every", "for", "from", "has", "have",
    "in", "into", "is", "it", "its", "more", "no", "not", "of", "on", "or", "other", "s", "so", "some", "than",
    "that", "the", "their", "them", "they", "this", "to", "up", "will", "with", "student", "students",
))
_IRREGULAR = {"tying": "tie", "untying": "untie", "lying": "lie", "ate": "eat", "wrote": "write"}
_WORD = re.compile(r"[a-z0-9]+")
# Where a word is found, and how much a match there counts; a word found in more than one field counts a
# little more, so "transitions" ranks the Transitions templates above one that only lists it as a keyword.
_FIELD_WEIGHTS = (("title", 1.0), ("keywords", 0.95), ("domain", 0.9), ("behavior", 0.8))
_EXTRA_FIELD_BONUS = 0.04
MIN_SCORE = 0.4
_PREFIX_SCORE = 0.9
_CACHE_SIZE = 4096


def _stem(word: str) -> str:
    """A light stem so "cutting", "cuts" and "cut", or "shapes" and "shape", meet."""
    word = _IRREGULAR.get(word, word)
    if len(word) > 4 and word.endswith("ies"):
        word = word[:-3] + "y"
    elif len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        word = word[:-1]
    if len(word) > 5 and word.endswith("ing"):
        word = word[:-3]
        if len(word) > 2 and word[-1] == word[-2] and word[-1] not in "ls":
            word = word[:-1]
    elif len(word) > 5 and word.endswith("ed"):
        word = word[:-2]
    if len(word) > 4 and word.endswith("e"):
        word = word[:-1]
    return word


def search_words(text: str) -> list[str]:
    """The stemmed, meaningful words of ``text``, in order (shared by the index and the query)."""
    return [_stem(w) for w in _WORD.findall(text.lower()) if w not in _STOPWORDS and len(w) > 1]


def _fuzzy_cutoff(token: str) -> float:
    if len(token) <= 2:
        return 101.0  # exact or prefix only
    if len(token) <= 4:
        return 80.0
    return 78.0 if len(token) <= 6 else 72.0


class GoalBankIndex:
    """Typo- and word-order-tolerant search over a bank, built once.

    Each meaningful word of a template's title, keywords, domain and behavior is indexed with a weight
    for where it appears. A query word is matched against the whole vocabulary at once (exactly, as the
    start of a longer word while typing, or with rapidfuzz for typos); a template's score is the mean over
    the query words of its best weighted match, so every word counts and word order does not.
    """

    def __init__(self, templates: Sequence[GoalTemplate]):
        self._templates = tuple(templates)
        postings: dict[str, dict[int, float]] = defaultdict(dict)
        for index, template in enumerate(self._templates):
            weights: dict[str, list[float]] = defaultdict(list)
            for field, weight in _FIELD_WEIGHTS:
                value = getattr(template, field)
                text = " ".join(value) if isinstance(value, tuple) else value
                for word in set(search_words(text)):
                    weights[word].append(weight)
            for word, found in weights.items():
                postings[word][index] = min(1.0, max(found) + _EXTRA_FIELD_BONUS * (len(found) - 1))
        self._postings = dict(postings)
        self._vocabulary = sorted(self._postings)
        self._matches_cache: dict[str, tuple[tuple[str, float], ...]] = {}
        self.fuzzy_lookups = 0  # how many times the vocabulary was scanned; a query word is scanned once

    @property
    def templates(self) -> tuple[GoalTemplate, ...]:
        return self._templates

    def __len__(self) -> int:
        return len(self._templates)

    def _word_matches(self, token: str) -> tuple[tuple[str, float], ...]:
        """Vocabulary words that ``token`` may mean, with a similarity in (0, 1]. Cached per token."""
        cached = self._matches_cache.get(token)
        if cached is not None:
            return cached
        found: dict[str, float] = {}
        if token in self._postings:
            found[token] = 1.0
        if len(token) >= 3:  # the start of a word being typed: "scis" -> "scissor"
            start = bisect.bisect_left(self._vocabulary, token)
            for word in self._vocabulary[start:]:
                if not word.startswith(token):
                    break
                found.setdefault(word, _PREFIX_SCORE)
        cutoff = _fuzzy_cutoff(token)
        if cutoff <= 100:
            self.fuzzy_lookups += 1
            for word, score, _ in process.extract(token, self._vocabulary, scorer=fuzz.ratio, score_cutoff=cutoff,
                                                  limit=None):
                similarity = score / 100.0
                if similarity > found.get(word, 0.0):
                    found[word] = similarity
        result = tuple(found.items())
        if len(self._matches_cache) >= _CACHE_SIZE:
            self._matches_cache.clear()
        self._matches_cache[token] = result
        return result

    def _join_split_words(self, query: str, tokens: list[str]) -> list[str]:
        """Join two query words that the bank writes as one ("key boarding", "hand writing")."""
        raw = _WORD.findall(query.lower())
        for first, second in itertools.pairwise(raw):
            joined = _stem(first + second)
            if joined in self._postings and joined not in tokens:
                parts = {_stem(first), _stem(second)}
                tokens = [t for t in tokens if t not in parts] + [joined]
        return tokens

    def search(self, query: str, limit: int = 20) -> list[tuple[GoalTemplate, float]]:
        """Templates that match ``query``, best first, with a score in (0, 1].

        An empty query (or one of only small words) lists the whole bank in bank order with score 1.0,
        whatever the limit, so the list can be browsed.
        """
        tokens = list(dict.fromkeys(self._join_split_words(query, search_words(query))))
        if not tokens:
            return [(template, 1.0) for template in self._templates]
        totals: dict[int, float] = defaultdict(float)
        for token in tokens:
            best: dict[int, float] = {}
            for word, similarity in self._word_matches(token):
                for index, weight in self._postings[word].items():
                    score = similarity * weight
                    if score > best.get(index, 0.0):
                        best[index] = score
            for index, score in best.items():
                totals[index] += score
        ranked = sorted(((total / len(tokens), index) for index, total in totals.items()),
                        key=lambda item: (-item[0], item[1]))
        return [(self._templates[index], round(score, 4)) for score, index in ranked if score >= MIN_SCORE][:limit]
