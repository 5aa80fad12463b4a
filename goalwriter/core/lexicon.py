"""The matching lexicon: skills goals target, activity types routines are, and how they meet.

The shipped lexicon lives in ``goalwriter/templates/lexicon.toml`` (see docs/LEXICON.md). A user's
own words ("our centers are called Daily 5", "our PE is Motor Lab") are added on top, from the
database or from TOML files of the same shape, without touching the shipped file.

:func:`load_lexicon` returns an immutable :class:`Lexicon`. Its :attr:`Lexicon.compiled` form (the
phrase index and the skill × activity tables the matcher uses) is built once, on first use.
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path
from types import MappingProxyType

from goalwriter.core.text import fold, joined_key, phrase_keys

KINDS = ("skill", "activity")
LEVELS = ("task", "component", "support")
ANY = "any"
SHIPPED_PATH = Path(__file__).resolve().parents[1] / "templates" / "lexicon.toml"
_KEY = re.compile(r"^[a-z][a-z0-9_]*$")


class LexiconError(ValueError):
    """A lexicon file or a user word that cannot be used; the message names the file and the entry."""


@dataclass(frozen=True)
class Concept:
    """One skill or activity type: its key, the label people see, and the words that name it."""

    kind: str
    key: str
    label: str
    words: tuple[str, ...] = ()
    hints: tuple[str, ...] = ()
    user_words: tuple[str, ...] = ()
    level: str = "task"
    natural: tuple[str, ...] = ()
    possible: tuple[str, ...] = ()
    not_with: tuple[str, ...] = ()
    anywhere: str = ""
    implies: tuple[tuple[str, float], ...] = ()
    reinterpret: tuple[tuple[str, str], ...] = ()
    topics: tuple[str, ...] = ()  # activity types a class of this kind only teaches about ("health": hygiene)
    combines: tuple[tuple[str, str], ...] = ()  # a block that is both of a pair is also this ("typed work")
    by_tasks: bool = False  # a block of this kind is the tasks it names ("Apt lab: laundry" is not the kitchen)

    @property
    def all_words(self) -> tuple[str, ...]:
        return self.words + self.user_words


@dataclass(frozen=True, eq=False)
class Lexicon:
    """Skills and activity types by key. Compare by identity: every load makes a new one."""

    skills: Mapping[str, Concept]
    activities: Mapping[str, Concept]
    abbreviations: Mapping[str, str] = field(default_factory=dict)
    ignore: tuple[str, ...] = ()

    def concepts(self, kind: str) -> list[tuple[str, str]]:
        """(key, label) of every skill or every activity type, by label: what a picker lists."""
        table = self._table(kind)
        return sorted(((c.key, c.label) for c in table.values()), key=lambda kv: kv[1].casefold())

    def concept(self, kind: str, key: str) -> Concept:
        table = self._table(kind)
        if key not in table:
            raise LexiconError(f"no {kind} named {key!r} in the lexicon")
        return table[key]

    def _table(self, kind: str) -> Mapping[str, Concept]:
        if kind == "skill":
            return self.skills
        if kind == "activity":
            return self.activities
        raise LexiconError(f"kind must be 'skill' or 'activity', not {kind!r}")

    @cached_property
    def compiled(self):
        """The phrase index and score tables (built on first use, then kept)."""
        from goalwriter.core.matching import CompiledLexicon

        return CompiledLexicon(self)


# -- reading TOML -----------------------------------------------------------------------------------
def _strings(value, where: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise LexiconError(f"{where}: expected a list of strings")
    return tuple(v.strip() for v in value if v.strip())


def _concept(kind: str, key: str, data: dict, where: str) -> Concept:
    if not _KEY.match(key):
        raise LexiconError(f"{where}: {kind} key {key!r} must be lowercase letters, digits and _")
    if not isinstance(data, dict):
        raise LexiconError(f"{where}: [{kind}.{key}] must be a table")
    label = data.get("label")
    if not isinstance(label, str) or not label.strip():
        raise LexiconError(f"{where}: [{kind}.{key}] needs a label")
    known = {"label", "words", "hints"}
    if kind == "skill":
        known |= {"level", "natural", "possible", "not_with", "anywhere"}
    else:
        known |= {"implies", "reinterpret", "topics", "combines", "by_tasks"}
    unknown = set(data) - known
    if unknown:
        raise LexiconError(f"{where}: [{kind}.{key}] has unknown field(s) {', '.join(sorted(unknown))}")
    common = {
        "kind": kind,
        "key": key,
        "label": label.strip(),
        "words": _strings(data.get("words"), f"{where}: [{kind}.{key}] words"),
        "hints": _strings(data.get("hints"), f"{where}: [{kind}.{key}] hints"),
    }
    if kind == "skill":
        level = data.get("level", "task")
        if level not in LEVELS:
            raise LexiconError(f"{where}: [skill.{key}] level must be one of {', '.join(LEVELS)}")
        return Concept(
            **common,
            level=level,
            natural=_strings(data.get("natural"), f"{where}: [skill.{key}] natural"),
            possible=_strings(data.get("possible"), f"{where}: [skill.{key}] possible"),
            not_with=_strings(data.get("not_with"), f"{where}: [skill.{key}] not_with"),
            anywhere=str(data.get("anywhere", "")).strip(),
        )
    implies = data.get("implies", {})
    reinterpret = data.get("reinterpret", {})
    if not isinstance(implies, dict) or not all(isinstance(v, int | float) and 0 < v <= 1 for v in implies.values()):
        raise LexiconError(f"{where}: [activity.{key}] implies must map activity keys to numbers in (0, 1]")
    if not isinstance(reinterpret, dict) or not all(isinstance(v, str) for v in reinterpret.values()):
        raise LexiconError(f"{where}: [activity.{key}] reinterpret must map activity keys to activity keys")
    combines = data.get("combines", [])
    if not isinstance(combines, list) or not all(
        isinstance(pair, list) and len(pair) == 2 and all(isinstance(k, str) for k in pair) for pair in combines
    ):
        raise LexiconError(f"{where}: [activity.{key}] combines must be a list of pairs of activity keys")
    by_tasks = data.get("by_tasks", False)
    if not isinstance(by_tasks, bool):
        raise LexiconError(f"{where}: [activity.{key}] by_tasks must be true or false")
    return Concept(
        **common,
        by_tasks=by_tasks,
        implies=tuple((k, float(v)) for k, v in implies.items()),
        reinterpret=tuple(reinterpret.items()),
        topics=_strings(data.get("topics"), f"{where}: [activity.{key}] topics"),
        combines=tuple((a, b) for a, b in combines),
    )


def _check_references(skills: dict[str, Concept], activities: dict[str, Concept], where: str) -> None:
    for s in skills.values():
        for ref in s.natural + s.possible:
            if ref != ANY and ref not in activities:
                raise LexiconError(f"{where}: [skill.{s.key}] refers to an unknown activity type {ref!r}")
        for ref in s.not_with:
            if ref not in skills:
                raise LexiconError(f"{where}: [skill.{s.key}] not_with refers to an unknown skill {ref!r}")
    for a in activities.values():
        for ref, _ in a.implies:
            if ref not in activities:
                raise LexiconError(f"{where}: [activity.{a.key}] implies an unknown activity type {ref!r}")
        for src, dst in a.reinterpret:
            if src not in activities or dst not in activities:
                raise LexiconError(f"{where}: [activity.{a.key}] reinterpret names an unknown activity type")
        for ref in a.topics:
            if ref not in activities:
                raise LexiconError(f"{where}: [activity.{a.key}] topics names an unknown activity type {ref!r}")
        for pair in a.combines:
            for ref in pair:
                if ref not in activities or ref == a.key:
                    raise LexiconError(f"{where}: [activity.{a.key}] combines names an unknown activity type {ref!r}")


def _read_toml(path: Path) -> dict:
    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read the lexicon file ({exc.strerror or exc})") from exc
    except UnicodeDecodeError as exc:
        raise LexiconError(f"{path}: not UTF-8 text") from exc
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: not valid TOML ({exc})") from exc


@lru_cache(maxsize=4)
def _shipped(path: str, mtime: float) -> Lexicon:
    data = _read_toml(Path(path))
    where = Path(path).name
    skills = {k: _concept("skill", k, v, where) for k, v in data.get("skill", {}).items()}
    activities = {k: _concept("activity", k, v, where) for k, v in data.get("activity", {}).items()}
    _check_references(skills, activities, where)
    abbreviations = {fold(k): str(v).casefold() for k, v in data.get("abbreviations", {}).items()}
    ignore = _strings(data.get("ignore", {}).get("phrases"), f"{where}: ignore.phrases")
    return Lexicon(MappingProxyType(skills), MappingProxyType(activities), MappingProxyType(abbreviations), ignore)


def shipped_lexicon() -> Lexicon:
    """The lexicon that ships with goalwriter (read once, then cached)."""
    return _shipped(str(SHIPPED_PATH), SHIPPED_PATH.stat().st_mtime)


def read_user_file(path: Path) -> list[tuple[str, str, str]]:
    """User words from a TOML file shaped like the shipped one's word lists.

    ``[skill.scissors] words = ["snip snip"]`` and ``[activity.pe] words = ["Motor Lab"]``;
    labels, levels and affinities are not user-editable and are refused with a clear message.
    """
    data = _read_toml(Path(path))
    out: list[tuple[str, str, str]] = []
    extra = set(data) - {"skill", "activity", "format"}
    if extra:
        raise LexiconError(f"{path}: unknown section(s) {', '.join(sorted(extra))}; use [skill.KEY] or [activity.KEY]")
    for kind in KINDS:
        section = data.get(kind, {})
        if not isinstance(section, dict):
            raise LexiconError(f"{path}: [{kind}] must hold tables such as [{kind}.KEY]")
        for key, table in section.items():
            if not isinstance(table, dict):
                raise LexiconError(f"{path}: [{kind}.{key}] must be a table with a words list")
            unknown = set(table) - {"words"}
            if unknown:
                raise LexiconError(
                    f"{path}: [{kind}.{key}] can only add words (found {', '.join(sorted(unknown))})"
                )
            for phrase in _strings(table.get("words"), f"{path}: [{kind}.{key}] words"):
                out.append((kind, key, phrase))
    return out


def check_user_word(lexicon: Lexicon, kind: str, concept: str, phrase: str) -> str:
    """The phrase, cleaned, if it can be added to ``concept``; raises LexiconError otherwise."""
    lexicon.concept(kind, concept)
    cleaned = " ".join((phrase or "").split())
    if not cleaned:
        raise LexiconError("a user word cannot be empty")
    if len(cleaned) > 200:
        raise LexiconError("a user word can be at most 200 characters")
    if not phrase_keys(cleaned, dict(lexicon.abbreviations)) and not joined_key(cleaned):
        raise LexiconError(f"{cleaned!r} has no word the matcher can use (only short common words)")
    return cleaned


def load_lexicon(user_words: Iterable[tuple[str, str, str]] = (), extra_files: Iterable[Path] = ()) -> Lexicon:
    """The shipped lexicon plus user words: ``(kind, concept key, phrase)`` tuples and TOML files.

    Raises LexiconError naming the file (or the word) when something cannot be used.
    """
    base = shipped_lexicon()
    added: list[tuple[str, str, str, str]] = []
    for path in extra_files:
        for kind, key, phrase in read_user_file(Path(path)):
            added.append((kind, key, phrase, str(path)))
    for kind, key, phrase in user_words:
        added.append((kind, key, phrase, "user words"))
    if not added:
        return Lexicon(base.skills, base.activities, base.abbreviations, base.ignore)
    extra: dict[tuple[str, str], list[str]] = {}
    for kind, key, phrase, where in added:
        try:
            cleaned = check_user_word(base, kind, key, phrase)
        except LexiconError as exc:
            raise LexiconError(f"{where}: {exc}") from exc
        bucket = extra.setdefault((kind, key), [])
        if cleaned not in bucket:
            bucket.append(cleaned)
    tables = {"skill": dict(base.skills), "activity": dict(base.activities)}
    for (kind, key), phrases in extra.items():
        old = tables[kind][key]
        tables[kind][key] = Concept(**{**old.__dict__, "user_words": old.user_words + tuple(phrases)})
    return Lexicon(
        MappingProxyType(tables["skill"]), MappingProxyType(tables["activity"]), base.abbreviations, base.ignore
    )
