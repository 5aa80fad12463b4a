"""Goal-to-routine matching: where in the class's day can this goal be worked on, and why.

How a pair is scored (all weights are module constants below):

1. Each routine is read once per classroom (:meth:`Matcher.prepare`): the lexicon's activity words in
   its name and description give an activity-type vector ("Outside time" -> recess, which implies
   putting on outerwear and unstructured time with peers), and skill words written into the routine
   ("cut & paste", "make change") are kept as direct evidence.
2. A goal is read on every keystroke (:meth:`Matcher.match`): its skill words give a skill vector,
   and activity words in it ("during recess", "at lunch") give the settings it names.
3. The score of a pair is the best of: a goal skill times its affinity with an activity type the
   routine is (natural fit 1.0, possible 0.5); a skill the routine names outright; a setting the goal
   names that the routine is. Words neither side's lexicon knows are compared with rapidfuzz, as a
   weak fallback.

Words are read in context, so that one shared word does not decide a pair: a skill named only in the
goal's condition ("Given a zip bag, ...") counts less than what its behavior names; a goal timed by a
block ("after PE") favours that block and the ones right after it; a class that only teaches about a
topic ("Health: hygiene unit") is not where the topic is done; and in a block's name an activity right
before another only says what kind ("Life skills kitchen").

Pure Python and numpy; no Qt, no SQL.
"""

from __future__ import annotations

import functools
import itertools
import re
from collections import OrderedDict
from collections.abc import Iterable, Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from functools import lru_cache
from itertools import pairwise
from operator import itemgetter
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from goalwriter.core.days import days_per_week, parse_days
from goalwriter.core.lexicon import ANY, Lexicon, shipped_lexicon
from goalwriter.core.text import (
    CONTEXT_WORDS,
    FUNCTION_WORDS,
    HANDLING_PHRASES,
    HANDLING_WORDS,
    QUANTIFIERS,
    ROUTE_WORDS,
    SETTING_WORDS,
    STOWED_WORDS,
    WORD,
    joined_key,
    phrase_keys,
    stem,
    undot,
    word_keys,
)
from goalwriter.core.times import minutes_of, parse_time

DEFAULT_THRESHOLD = 0.64

NATURAL = 1.0  # affinity of a skill with an activity type where it naturally comes up
POSSIBLE = 0.5  # ... where it may come up, with planning
HINT = 0.65  # strength of a hint word (against 1.0 for a word)
HINT_ALONE = 0.8  # a skill found through hints when the goal names no skill plainly ("write three sentences")
NAME_HINT = 0.85  # a hint word in a routine's name: a short name is mostly the block's kind ("Circle")
DESCRIPTION = 0.9  # a routine's description counts a little less than its name
CONTEXT = 0.25  # "calm down after recess": recess is next to the block, not the block
TOPIC = 0.5  # "hygiene unit": what a class learns about comes up there at most as a possible fit
DIRECT = 0.95  # the routine names the skill itself ("cut & paste", "make change")
COMPONENT = 0.5  # weight of a component skill when the goal also names a task
SUPPORT = 0.35  # weight of a support written into the goal's condition, when it names a task
CONDITION = 0.4  # a skill named only in the goal's condition ("Given a zip bag, will ..."), when its behavior
# names a task: the condition's words are materials and supports, not what the goal targets
ANCHOR = 0.5  # how surely a block is the activity a goal is timed by ("after PE") to count as that time
ANCHOR_DAMP = 0.6  # "after PE, will shower": blocks that are neither PE nor right after it count less
ANCHOR_GAP = 45  # minutes between two blocks for the second to come "right after" the first
DOMAIN = 0.5  # weight of a skill found only in the goal's domain field
SETTING_BASE = 0.55  # a setting the goal names, when no goal skill relates to that block at all
SETTING_ALONE = 0.8  # a setting the goal names, when the goal names no skill
SETTING_EVERY = 1.0  # a block the goal is written for every occasion of ("before leaving each class")
MENTIONED = 0.85  # an activity the goal mentions without making it the setting ("type on his Chromebook")
COMPOUND_HEAD = 0.5  # "greenhouse work site": the place is the greenhouse, "work site" only says what kind;
# in a block's name, "Life skills kitchen": the block is the kitchen, "life skills" only says what kind
INCIDENTAL = 0.5  # a skill a block's description names, when nothing the block is calls for it ("straws" in math)
HANDLED = 0.25  # a thing a block only fetches or packs ("grab Chromebook from the locker") is not used there
BY_TASKS = 0.6  # "Apt lab: laundry/cleaning": a block of a kind that holds many tasks is the tasks it names, and
# its other tasks (cooking, dishes) are only possible there
COMBINE_MIN = 0.55  # how surely a block must be the second of a pair for the pair to combine ("writing on iPads")
SECOND = 0.1  # share of the second-best skill added to the best
ABSENT = 0.85  # a goal written for places the day does not have ("at a restaurant job site", "at the pool"): its
# scores are damped by this much (in proportion to the share of the places it names that no block is), so that
# only a plain fit elsewhere still shows
NAMED = 0.95  # a block the goal names outright as its setting ("at lunch": the block is lunch, named with "at")
PRESENT = 0.4  # how surely some block of the day must be a place the goal names for the day to have it
NAMED_SETTING_DAMP = 0.6  # "during recess ...": other blocks count less (the goal is written for that setting), so
# that a plain fit elsewhere ("in the restroom": the loud cafeteria) stays below the threshold
MENTIONED_SETTING_DAMP = 0.9  # "... on 4 of 5 PE days": a setting mentioned in passing narrows the goal a little
NAME_MENTION = 0.7  # the goal names the block in words the lexicon does not know ("during Zones group")
SHARED_WORD = 0.15  # each rare word shared by goal and routine that the lexicon does not know
SHARED_MAX = 0.45
NEAREST_SHARE = 0.5  # a near miss scores at least this share of the threshold
FUZZY_CUTOFF = 90.0  # rapidfuzz ratio for a near-miss of a lexicon word ("scisors", "handwritting")
FUZZY_MIN_LEN = 5
TYPO_MIN_LEN = 6  # shorter words are too often other real words one letter away ("inset" is not "in seat")
REASONS = 3

_SKILL, _ACTIVITY, _IGNORE = 0, 1, 2
_AFTER, _BEFORE, _FOR = 1, 2, 3  # the word an activity follows: "after PE", "before lunch", "for cooking"
_HANDLED = 4  # ... or a verb that only fetches or packs it: "grab Chromebook", "pack lunchbox"
_ROUTE = 5  # ... or a word for a place passed on the way: "walk routes through the cafeteria", "past the gym"
_CLAUSES = re.compile(r'[.,;:()\[\]{}!?|\n"]+')
_PIECES = re.compile(r'[^.,;:()\[\]{}!?|\n"]*[^.,;:()\[\]{}!?|\n"\s][^.,;:()\[\]{}!?|\n"]*')  # the clauses themselves
# articles and possessives: what may stand between a verb or preposition and its thing ("from his locker")
_POSSESSIVES = ("his", "her", "their", "my", "your", "our")
_DETERMINERS = ("the", "a", "an", *_POSSESSIVES)
_DETERMINER = "|".join(_DETERMINERS)
_FROM = re.compile(rf"\b(?:from|out\s+of|off\s+of)\s+(?:(?:{_DETERMINER})\s+)?$", re.IGNORECASE)
_COUNT_BEFORE = re.compile(r"\d+\s*(?:/|of|out\s+of)\s*\d+\s+$", re.IGNORECASE)  # "4 of 5 classes"
_PRETEND = re.compile(r"\b(?:simulated|simulation|pretend|mock|role[\s-]?play(?:ed)?)\s+$", re.IGNORECASE)
_CHARGED = re.compile(r"\b(?:charge|charges|charging|recharge|plug|plugs)\s+(?:(?:the|a|an|his|her|their|in)\s+)?$",
                      re.IGNORECASE)
_ORDINAL = re.compile(r"\d+(?:st|nd|rd|th)")
_OWNED = re.compile(rf"\b(?:{'|'.join(_POSSESSIVES)}|own)\s+$", re.IGNORECASE)  # "his lunch" is his food
# "make a cold snack", "prepare a simple breakfast": a meal that is made is the food, not the meal's block ("make it to
# lunch", "prep for lunch" still name lunch)
_MADE = re.compile(
    r"\b(?:make|makes|making|made|prepare|prepares|preparing|prepared|prep|preps|prepping|fix|fixes|fixing|cook|cooks"
    r"|cooking|assemble|assembles|assembling)\s+"
    r"(?:(?!(?:to|at|in|on|for|during|before|after|from|with|until|by|it|sure|time)\b)[\w-]+\s+){0,3}$",
    re.IGNORECASE,
)
_LEVEL = {"task": 0, "component": 1, "support": 2}
_CONTEXT_KEYS = frozenset(stem(w) for w in CONTEXT_WORDS)
_ROUTE_KEYS = frozenset(stem(w) for w in ROUTE_WORDS)
_CUE = {stem(w): _BEFORE for w in ("before", "prior", "until", "till")} | {stem("for"): _FOR} | dict.fromkeys(
    _ROUTE_KEYS, _ROUTE
)
_LEAD_KEYS = _CONTEXT_KEYS | _ROUTE_KEYS
_TOPIC_AFTER = frozenset(stem(w) for w in ("unit", "units", "curriculum"))  # "hygiene unit"
_TOPIC_BEFORE = frozenset(stem(w) for w in ("about",))  # "lesson about feelings"
_TOPIC_WORDS = _TOPIC_AFTER | _TOPIC_BEFORE
_WILL_WORD = re.compile(r"(?<![^\W_])[Ww][Ii][Ll][Ll](?![^\W_])")  # "will": a goal's behavior follows it
# "in the life skills program": a program names the kind of class the student is in, not a block of its day
_PROGRAM = re.compile(r"[\s-]+(?:program|programs|programme|classroom)(?![^\W_])", re.IGNORECASE)
_SETTING_KEYS = frozenset(stem(w) for w in SETTING_WORDS)
_QUANTIFIER_KEYS = frozenset(stem(w) for w in QUANTIFIERS)
_HANDLING_KEYS = frozenset(stem(w) for w in HANDLING_WORDS)
_HANDLING_PAIRS = frozenset((stem(a), stem(b)) for a, b in HANDLING_PHRASES)
_PARTICLES = frozenset(b for _, b in _HANDLING_PAIRS)
_STOWED_KEYS = frozenset(stem(w) for w in STOWED_WORDS)
_STOWED_GAP = frozenset(stem(w) for w in ("on", "in", "into", "to", "onto"))  # "back in the cart", "on the charger"
_OBJECT_FILLERS = frozenset(stem(w) for w in _DETERMINERS)
# words that do not make the word before them a modifier: "each class on time" is still each class
_NOT_NOUNS = _SETTING_KEYS | _CONTEXT_KEYS | frozenset(stem(w) for w in ("on", "by", "from", "out", "up", "off"))
# what may stand between "each" and the block it counts: "each of his classes", "all 7 periods"
_QUANTIFIED_FILLERS = frozenset(stem(w) for w in ("of", "the", "these", *_POSSESSIVES))
# words that join the settings of a list: "at arrival, lunch and dismissal"
_LIST_GAP = re.compile(r"(?:[\s&/+]|\b(?:and|or|then|also|the|a|an)\b)*", re.IGNORECASE)
# Words too common in school text to tie a goal to a block on their own.
_GENERIC_TEXT = """
    time times day days daily week weekly class classes period periods room minute minutes hour school
    teacher teachers staff adult adults work activity activities lesson group groups together first next
    last then other some more less each every mon tue wed thu fri monday tuesday wednesday thursday friday
    model level point points given complete completing improve improved demonstrate independent increase
    maintain able using use need needed needs help without within least most percent goal goals skill
    skills task tasks routine routines following follow steps step during after before while when where
    year years month months end start begin beginning new good well note notes show make made take get
    going come move place places home data sheet prompt prompts trial trials student students child
    """
_GENERIC = frozenset(stem(w) for w in _GENERIC_TEXT.split()) | frozenset(stem(w) for w in FUNCTION_WORDS)


# -- public records ----------------------------------------------------------------------------------
@dataclass(frozen=True)
class RoutineText:
    """A block of the class's day as the matcher sees it."""

    id: object
    name: str
    description: str = ""
    days: str = ""
    start: str = ""
    end: str = ""


@dataclass(frozen=True)
class PairScore:
    """One goal-routine pair: score in [0, 1], short reasons best first, and how often a week the block meets."""

    routine_id: object
    score: float
    why: tuple[str, ...]
    per_week: int


class _Pair(PairScore):
    """A PairScore whose reasons are written when first read: a match scores every block of the day,
    but the editor shows reasons for a few of them. Built by :func:`_pair` without ``__init__``."""

    @property
    def why(self) -> tuple[str, ...]:  # type: ignore[override]
        state = self.__dict__
        if "_why" not in state:
            matcher, goal, day, fallback = state["_context"]
            state["_why"] = matcher._why(goal, day, state["_r"], fallback)
        return state["_why"]


_new, _set = object.__new__, object.__setattr__


def _pair(routine_id: object, score: float, per_week: int, context: tuple, r: int) -> _Pair:
    pair = _new(_Pair)
    state = {"routine_id": routine_id, "score": score, "per_week": per_week, "_context": context, "_r": r}
    _set(pair, "__dict__", state)
    return pair


@dataclass(frozen=True)
class GoalMatch:
    """Where one goal can be worked on in one classroom's day."""

    scores: tuple[PairScore, ...]  # every routine of the day, in the order given
    matches: tuple[PairScore, ...]  # score >= threshold, best first
    never_in_class: bool  # == (not matches)
    thin_coverage: bool  # matches add up to <= 1 opportunity a week
    opportunities_per_week: int  # sum of per_week over matches
    nearest: tuple[PairScore, ...]  # up to 3 best below the threshold, from half of it
    skills: tuple[str, ...]  # labels of the skills found in the goal


class _Match(GoalMatch):
    """A GoalMatch whose pair records are made when first read (the command line reads only the
    matches; the editor reads them all). Built by :meth:`Matcher.match` without ``__init__``."""

    def _pair(self, r: int) -> PairScore:
        state = self.__dict__
        made = state["_made"]
        pair = made[r]
        if pair is None:
            context = state["_context"]
            day = context[2]
            score = round(state["_values"][r], 4)
            pair = made[r] = _pair(day.routines[r].id, score, day.per_week[r], context, r)
        return pair

    @property
    def scores(self) -> tuple[PairScore, ...]:  # type: ignore[override]
        return tuple(self._pair(r) for r in range(len(self.__dict__["_values"])))

    @property
    def matches(self) -> tuple[PairScore, ...]:  # type: ignore[override]
        return tuple(self._pair(r) for r in self.__dict__["_matched"])

    @property
    def nearest(self) -> tuple[PairScore, ...]:  # type: ignore[override]
        state = self.__dict__
        values, threshold = state["_values"], state["_context"][0].threshold
        floor = threshold * NEAREST_SHARE  # a weaker tie says nothing worth showing in a meeting
        below = [r for r, value in enumerate(values) if floor <= value < threshold]  # worked out when first read
        below.sort(key=values.__getitem__, reverse=True)
        return tuple(self._pair(r) for r in below[:3])


# -- the compiled lexicon ----------------------------------------------------------------------------
class _Hit(NamedTuple):
    kind: int  # _SKILL or _ACTIVITY
    index: int  # skill or activity index
    strength: float  # 1.0 for a word, HINT for a hint
    start: int  # character span in the text
    end: int
    first: int  # word positions in the text
    last: int
    context: int  # right after "after" (_AFTER), "before" (_BEFORE) or "for" (_FOR); 0 otherwise
    hint: bool
    setting: bool  # shortly after "during" / "at" / "in"
    topic: bool  # what a lesson is about ("hygiene unit", "lesson on feelings"), not what is done
    modifier: bool = False  # an activity phrase right before another: "life skills" in "Life skills kitchen"
    every: bool = False  # every occasion of the block counts: "each class", "in 4 of 5 classes"


_new_hit = functools.partial(tuple.__new__, _Hit)  # a _Hit from a tuple of all its fields, without __new__'s frame


class _Clause(NamedTuple):
    """What the lexicon finds in one clause of a text (phrases never run across punctuation)."""

    text: str
    hits: tuple[_Hit, ...]  # spans and positions are within the clause
    content: tuple[str, ...]  # stems of the content words (lexicon spellings where a typo was corrected)
    leftovers: tuple[str, ...]  # stems of the content words no lexicon phrase covered
    rare: tuple[str, ...]  # the leftovers specific enough for the shared-word fallback
    will: int  # where the first "will" starts in the clause (a goal's behavior comes after it), or -1


class CompiledLexicon:
    """The lexicon as lookup tables: a phrase index over word stems and skill × activity arrays."""

    def __init__(self, lexicon: Lexicon):
        self.lexicon = lexicon
        self.abbreviations = dict(lexicon.abbreviations)
        self.skills = list(lexicon.skills.values())
        self.activities = list(lexicon.activities.values())
        self.skill_index = {c.key: i for i, c in enumerate(self.skills)}
        self.activity_index = {c.key: i for i, c in enumerate(self.activities)}
        n_s, n_a = len(self.skills), len(self.activities)

        self.affinity = np.zeros((n_s, n_a))
        self.anywhere = np.zeros(n_s)  # per skill: its affinity with "any" block
        for i, s in enumerate(self.skills):
            for key in s.possible:
                if key == ANY:
                    self.anywhere[i] = POSSIBLE
                else:
                    self.affinity[i, self.activity_index[key]] = POSSIBLE
            for key in s.natural:
                if key == ANY:
                    self.anywhere[i] = NATURAL
                else:
                    self.affinity[i, self.activity_index[key]] = NATURAL
        self.anywhere_list = self.anywhere.tolist()
        self.natural = [frozenset(np.nonzero(self.affinity[i] >= NATURAL)[0].tolist()) for i in range(n_s)]
        self.reason_texts: dict[tuple, str] = {}  # reason texts by what they say (shared by every day)
        self.level = [_LEVEL[s.level] for s in self.skills]
        # per skill: the columns of a routine row it looks at (its activity types, then its own
        # "named outright" column) and the affinity with each
        self.skill_columns = []
        for i in range(n_s):
            cols = [*np.nonzero(self.affinity[i])[0].tolist(), n_a + i]
            self.skill_columns.append((cols, [*self.affinity[i, cols[:-1]].tolist(), 1.0]))
        # all skills' segments side by side: to find, for a whole day at once, where each skill fits best
        flat_cols = [c for cols, _ in self.skill_columns for c in cols]
        flat_vals = [v for _, vals in self.skill_columns for v in vals]
        seg_starts = np.cumsum([0] + [len(cols) for cols, _ in self.skill_columns[:-1]])
        self.all_columns = np.array(flat_cols, dtype=np.intp)
        self.all_values = np.array(flat_vals)
        self.all_starts = seg_starts.astype(np.intp)
        self.all_segment = np.repeat(np.arange(n_s), [len(cols) for cols, _ in self.skill_columns])
        self.not_with = [tuple(self.skill_index[k] for k in s.not_with) for s in self.skills]

        # implies, closed transitively (strengths multiply along a chain, the best chain wins)
        closure = np.eye(n_a)
        for i, a in enumerate(self.activities):
            for key, strength in a.implies:
                closure[i, self.activity_index[key]] = max(closure[i, self.activity_index[key]], strength)
        for _ in range(3):
            closure = np.maximum(closure, (closure[:, :, None] * closure[None, :, :]).max(axis=1))
        self.closure = closure
        self.closure_rows = closure.tolist()
        self.implied = [tuple((int(j), float(closure[i, j])) for j in np.nonzero(closure[i])[0]) for i in range(n_a)]
        self.topics = {
            i: frozenset(self.activity_index[k] for k in a.topics) for i, a in enumerate(self.activities) if a.topics
        }
        self.teaches = frozenset(self.topics)  # activity types that have topics
        # activity types whose block is the tasks it names ("Apt lab: laundry/cleaning")
        self.by_tasks = frozenset(i for i, a in enumerate(self.activities) if a.by_tasks)
        # ... and, for each, the activity types that are one of its task areas (a skill is natural in both):
        # "Apt lab: cooking" is the apartment's kitchen
        self.task_areas = {
            a: frozenset(b for b in range(n_a) if b != a and any(a in nat and b in nat for nat in self.natural))
            for a in self.by_tasks
        }
        # (what a block also is, the two it must be): "writing on Chromebooks" is typed work
        index = self.activity_index
        self.combines = [(i, index[x], index[y]) for i, a in enumerate(self.activities) for x, y in a.combines]
        self.combined = frozenset(x for _, x, _ in self.combines)  # the first of each pair ("device_use")
        # devices, and the blocks where things are put away to go: at the locker or at pack-up, a device the
        # block grabs or packs ("grab Chromebook from the locker") is carried, not used (at arrival it often is)
        device = self.activity_index.get("device_use")
        self.devices = frozenset(() if device is None else np.nonzero(closure[:, device] >= 0.9)[0].tolist())
        self.stowing = frozenset(self.activity_index[k] for k in ("lockers", "pack_up") if k in self.activity_index)
        # meals: "put away lunch in the fridge", "get his lunch from the fridge" handle the food, not the meal
        self.meals = frozenset(
            self.activity_index[k] for k in ("eating", "lunch", "breakfast", "snack") if k in self.activity_index
        )
        # per skill: the activity types it comes up in at all, or None when it can come up in any block
        self.related = [
            None if self.anywhere[i] else frozenset(np.nonzero(self.affinity[i])[0].tolist()) for i in range(n_s)
        ]
        self.reinterpret = {
            i: {self.activity_index[src]: self.activity_index[dst] for src, dst in a.reinterpret}
            for i, a in enumerate(self.activities)
            if a.reinterpret
        }

        index: dict[str, dict[tuple[str, ...], list[tuple[int, int, float]]]] = {}

        def add(phrase: str, kind: int, idx: int, strength: float) -> None:
            variants = set()
            keys = phrase_keys(phrase, self.abbreviations)
            if len(keys) > 1 or len(phrase.split()) == 1 or "-" in phrase:
                variants.add(keys)  # a phrase that loses all but one word to stopwords would match too much
            joined = joined_key(phrase)
            if joined:
                variants.add((joined,))
            for keys in variants:
                if not keys:
                    continue
                entries = index.setdefault(keys[0], {}).setdefault(keys, [])
                if all((k, i) != (kind, idx) for k, i, _ in entries):
                    entries.append((kind, idx, strength))
                else:  # the same phrase as a word and as a hint: the word wins
                    entries[:] = [(k, i, max(s, strength) if (k, i) == (kind, idx) else s) for k, i, s in entries]

        for i, c in enumerate(self.skills):
            for w in c.hints:
                add(w, _SKILL, i, HINT)
            for w in c.all_words:
                add(w, _SKILL, i, 1.0)
        for i, c in enumerate(self.activities):
            for w in c.hints:
                add(w, _ACTIVITY, i, HINT)
            for w in c.all_words:
                add(w, _ACTIVITY, i, 1.0)
        for w in lexicon.ignore:
            keys = phrase_keys(w, self.abbreviations)
            if keys:
                index.setdefault(keys[0], {})[keys] = [(_IGNORE, -1, 0.0)]
        # one-word phrases by their word; longer ones by their first two words, longest first
        self.single = {first: tuple(phrases[(first,)]) for first, phrases in index.items() if (first,) in phrases}
        multi: dict[tuple[str, str], list] = {}
        for phrases in index.values():
            for keys, entries in phrases.items():
                if len(keys) > 1:
                    multi.setdefault(keys[:2], []).append((keys, tuple(entries)))
        self.multi = {pair: tuple(sorted(v, key=lambda kv: -len(kv[0]))) for pair, v in multi.items()}
        self.vocabulary = sorted({k for phrases in index.values() for keys in phrases for k in keys})
        self._known = frozenset(self.vocabulary)
        self._near: dict[str, str | None] = {}
        self._words: dict[str, tuple[tuple[str, bool, str | None], ...]] = {}
        self._counting: set[str] = set()  # written words that are "each", "every", "all"
        self._handling: set[str] = set()  # written words that are "grab", "pack", "away" ...
        self._clauses: OrderedDict[str, _Clause] = OrderedDict()
        self._names: dict[str, tuple[tuple[int, ...], tuple[_Clause, ...]]] = {}
        self.blocks: dict[tuple[str, str], tuple] = {}  # what each (name, description) of a block says

    # -- reading text ------------------------------------------------------------------------------
    def near_key(self, key: str) -> str | None:
        """The lexicon stem a word is a typo or variant of ("scisor" -> "scissor"), cached per word."""
        if key in self._known:
            return key
        found = self._near.get(key, False)
        if found is not False:
            return found
        found = None
        if len(key) >= TYPO_MIN_LEN and key.isalpha():
            best = process.extractOne(key, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best is not None and abs(len(best[0]) - len(key)) <= 2 and best[0][0] == key[0]:
                found = best[0]
        if len(self._near) > 50_000:
            self._near.clear()
        self._near[key] = found
        return found

    def scan(self, text: str) -> tuple[_Clause, ...]:
        """Lexicon phrases in ``text``, clause by clause (longest match first); clauses are cached, so
        while a goal is typed only the clause being changed is read again."""
        out = []
        cache = self._clauses
        for piece in _CLAUSES.split(undot(text)):
            if not piece or piece.isspace():
                continue
            clause = cache.get(piece)
            if clause is None:
                clause = self._clause(piece)
            out.append(clause)
        return tuple(out)

    def scan_at(self, text: str) -> tuple[tuple[int, ...], tuple[_Clause, ...]]:
        """Like :meth:`scan`, with where each clause starts in ``text`` (spans in a clause are its own).
        Used for the names of blocks, which are few and repeat, so the answer is kept per name."""
        found = self._names.get(text)
        if found is None:
            get = self._clauses.get
            pieces = [(m.start(), m.group()) for m in _PIECES.finditer(undot(text))]
            found = (tuple(at for at, _ in pieces), tuple(get(p) or self._clause(p) for _, p in pieces))
            if len(self._names) > 4096:
                self._names.clear()
            self._names[text] = found
        return found

    def _clause(self, piece: str) -> _Clause:
        cache = self._clauses
        clause = cache[piece] = self._scan_clause(piece)
        if len(cache) > 8192:
            with suppress(KeyError):
                cache.popitem(last=False)
        return clause

    def _word_info(self, raw: str) -> tuple[tuple[str, bool, str | None], ...]:
        """(stem, stopword, lexicon stem or typo-corrected stem) for each word a written word stands for."""
        info = self._words.get(raw)
        if info is None:
            info = tuple(
                (key, stop, None if stop else (self.near_key(key) or key))
                for key, stop in word_keys(raw, self.abbreviations)
            )
            if len(self._words) > 100_000:
                self._words.clear()
                self._counting.clear()
                self._handling.clear()
            self._words[raw] = info
            keys = {key for key, _, _ in info}
            if not keys.isdisjoint(_QUANTIFIER_KEYS):
                self._counting.add(raw)
            if not keys.isdisjoint(_HANDLING_KEYS) or not keys.isdisjoint(_PARTICLES) or not keys.isdisjoint(
                _STOWED_KEYS
            ):
                self._handling.add(raw)
        return info

    def _scan_clause(self, text: str) -> _Clause:
        raws = WORD.findall(text)
        get = self._words.get
        infos = [get(w) or self._word_info(w) for w in raws]
        if len(infos) == sum(map(len, infos)):
            flat = [i[0] for i in infos]
            owner = None  # word i of ``flat`` is written word i of ``raws``
        else:  # an abbreviation stood for several words
            flat, owner = [], []
            for w, info in enumerate(infos):
                flat += info
                owner += [w] * len(info)
        positions = [i for i, f in enumerate(flat) if not f[1]]
        content = [flat[i][2] for i in positions]
        n = len(content)
        single, multi = self.single.get, self.multi.get
        singles = [single(k) for k in content]
        pairs = [multi(p) for p in pairwise(content)]
        pairs.append(None)
        hits: list[_Hit] = []
        covered = [False] * n
        until = 0
        spans = None
        topical = not _TOPIC_WORDS.isdisjoint(content)  # "unit", "about": a lesson's topic may be named
        counting = not self._counting.isdisjoint(raws)  # "each", "every", "all"
        handling = not self._handling.isdisjoint(raws)  # "grab", "pack", "put away" ...
        activities = 0
        head_after = -2  # the word after the last plain activity word: "4 of 5 PE classes" counts PE, not every class
        breaks = _breaks(text, raws, positions, owner) if "/" in text else None
        for j in range(n):
            if j < until or (singles[j] is None and pairs[j] is None):
                continue
            entries = None
            size = 1
            if pairs[j]:
                for phrase, found in pairs[j]:
                    size = len(phrase)
                    if (size == 2 or tuple(content[j : j + size]) == phrase) and not (
                        breaks and any(j < b < j + size for b in breaks)
                    ):
                        entries = found
                        break
            if entries is None:
                entries = singles[j]
                size = 1
                if entries is None:
                    continue
            until = j + size
            covered[j:until] = [True] * size
            first, last = positions[j], positions[until - 1]
            # "each class", "every recess": every occasion of the block, so the goal is written for it; but "after
            # each meal" is still after it (a class's start and end are in the class: "after each class")
            quantified = counting and first > 0 and _quantified(flat, first)
            # "after PE", "before lunch", "for cooking"; "during recess", "at lunch", "4 of 5 PE days"
            cue, setting = _lead(flat, first)
            every = quantified and not cue
            setting = setting or every
            context = cue or (
                _HANDLED if handling and not quantified and (_handled(flat, first) or _stowed(flat, last)) else 0
            )
            if spans is None:
                spans = _spans(text, raws)
            if owner is None:
                start, end = spans[first][0], spans[last][1]
            else:
                start, end = spans[owner[first]][0], spans[owner[last]][1]
            topic = topical and _topic(flat, first, last)
            promote = None
            for kind, idx, weight in entries:
                hint = weight < 1.0
                fields = (kind, idx, weight, start, end, first, last, context, hint, setting, topic, False, every)
                if kind == _ACTIVITY:
                    activities += 1
                    if hint and (setting or quantified):
                        if promote is None:  # "each class", "in 4 of 5 classes": a hint counted so is the block
                            promote = (  # "for each block" is what the thing is for, not where it is done
                                (quantified and cue != _FOR) or (_counted(flat, first) and _set_before(flat, first))
                            ) and first != head_after and (
                                last + 1 == len(flat) or flat[last + 1][1] or flat[last + 1][0] in _NOT_NOUNS
                            )  # but not a word that only describes the next ("4 of 5 community outings"), nor a
                            # criterion's bare count ("4/5 classes"), nor the head of a named block ("PE classes")
                        if promote:
                            fields = (
                                kind, idx, 1.0, start, end, first, last, 0, False, True, topic, False, quantified
                            )
                    elif not hint:
                        head_after = last + 1
                if kind != _IGNORE:
                    hits.append(_new_hit(fields))
        if activities > 1:
            hits = _mark_modifiers(hits, text)
        leftovers = tuple(flat[positions[j]][0] for j in range(n) if not covered[j])
        found_will = _WILL_WORD.search(text) if "ill" in text else None
        will = found_will.start() if found_will else -1
        return _Clause(text, tuple(hits), tuple(content), leftovers, tuple(k for k in leftovers if _rare(k)), will)


_SHORT_FORM = re.compile(r"(?<![^\W_])(?:w|w/o|b)/", re.IGNORECASE)  # "w/", "w/o", "b/": a word of its own


def _breaks(text: str, raws: list[str], positions: list[int], owner: list[int] | None) -> tuple[int, ...]:
    """Content words that a short form with a slash comes right before: "class w/ job coach" is a class with a job
    coach, so no phrase ("class job") runs across the "w/". Index j means "between content words j-1 and j"."""
    if not _SHORT_FORM.search(text):
        return ()
    spans = _spans(text, raws)
    cuts = [m.end() for m in _SHORT_FORM.finditer(text)]
    words = [spans[p if owner is None else owner[p]] for p in positions]
    return tuple(j for j in range(1, len(words)) if any(words[j - 1][1] <= cut <= words[j][0] for cut in cuts))


def _spans(text: str, raws: list[str]) -> list[tuple[int, int]]:
    """Where each written word of ``text`` starts and ends (``raws`` are its words in order)."""
    spans = []
    find, at = text.find, 0
    for raw in raws:
        start = find(raw, at)
        at = start + len(raw)
        spans.append((start, at))
    return spans


def _quantified(words: list[tuple], first: int) -> bool:
    """Whether "each", "every" or "all" counts word ``first``: "each class", "all of his classes", "every 2 periods"."""
    i = first - 1
    while i >= 0 and first - i <= 4:
        key = words[i][0]
        if key in _QUANTIFIER_KEYS:
            return True
        if key not in _QUANTIFIED_FILLERS and not key.isdigit():
            return False
        i -= 1
    return False


def _set_before(words: list[tuple], first: int) -> bool:
    """Whether a setting word ("in", "during") leads the count before word ``first``: "in 4 of 5 classes"."""
    return any(words[i][0] in _SETTING_KEYS for i in range(max(0, first - 6), first))


def _handled(words: list[tuple], first: int) -> bool:
    """Whether a verb that only fetches, packs or puts away comes right before word ``first`` (an article
    or a possessive aside): "grab Chromebook", "pack his lunchbox", "put away iPads"."""
    i = first - 1
    while i >= 0 and words[i][0] in _OBJECT_FILLERS:
        i -= 1
    if i < 0:
        return False
    key = words[i][0]
    if key in _HANDLING_KEYS:
        return True
    return key in _PARTICLES and i > 0 and (words[i - 1][0], key) in _HANDLING_PAIRS


def _stowed(words: list[tuple], last: int) -> bool:
    """Whether a word that puts the thing away comes right after word ``last``: "Chromebooks back in the cart",
    "iPads on the charger", "laptops plugged in" (stopwords and "in"/"on" aside)."""
    for i in range(last + 1, min(len(words), last + 5)):
        key, stop = words[i][0], words[i][1]
        if key in _STOWED_KEYS:
            return True
        if not stop and key not in _STOWED_GAP:
            return False
    return False


def _counted(words: list[tuple], first: int) -> bool:
    """Whether a number comes right before word ``first`` (stopwords aside): "4 of 5 cooking sessions"."""
    i = first - 1
    while i >= 0 and words[i][1]:
        i -= 1
    return i >= 0 and words[i][0].isdigit()


def _mark_modifiers(hits: list[_Hit], text: str) -> list[_Hit]:
    """Marks each activity phrase that another one follows directly: in a block named "Life skills kitchen"
    the block is the kitchen, and "life skills" only says what kind."""
    heads = {h.first for h in hits if h.kind == _ACTIVITY and not h.hint}
    if len(heads) < 2:
        return hits
    return [
        h._replace(modifier=True)
        if h.kind == _ACTIVITY and h.last + 1 in heads and not text[h.end : _start_of(hits, h.last + 1)].strip()
        else h
        for h in hits
    ]


def _start_of(hits: list[_Hit], first: int) -> int:
    return next(h.start for h in hits if h.first == first)


def _lead(words: list[tuple], first: int) -> tuple[int, bool]:
    """What comes shortly before word ``first``: which of "after", "before" or "for" (0 for none; "calm down
    after recess" is next to recess, not recess), and whether it names a setting: "during recess", "at lunch",
    or counted as the occasions of a criterion ("4 of 5 PE days")."""
    i = first - 1
    open_cue = True  # "after" reaches across stopwords only ("after the break")
    while i >= 0 and first - i <= 4:
        key, stop = words[i][0], words[i][1]
        if open_cue:
            if key in _LEAD_KEYS and first - i <= 3:
                return _CUE.get(key, _AFTER), False
            open_cue = stop or _ORDINAL.fullmatch(key) is not None  # "before 1st block", "after 3rd period"
        if key in _SETTING_KEYS:
            return 0, True
        i -= 1
    return 0, _counted(words, first)


def _topic(words: list[tuple], first: int, last: int) -> bool:
    """Whether words ``first``..``last`` name what a lesson is about: "hygiene and nutrition unit",
    "a lesson about feelings". A class that studies a topic does not do it."""
    for i in range(last + 1, min(len(words), last + 5)):
        if words[i][0] in _TOPIC_AFTER:
            return True
    return any(words[i][0] in _TOPIC_BEFORE for i in range(max(0, first - 4), first))


# -- prepared routines ------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class PreparedDay:
    """One classroom's routines, analysed once: activity vectors, direct skills, evidence and days."""

    routines: tuple[RoutineText, ...]
    compiled: CompiledLexicon
    matrix: np.ndarray  # routines × (activity types, skills the routine names outright × DIRECT, a zero column)
    sources: tuple[dict[int, tuple], ...]  # per routine: activity type -> where the routine names it
    direct_evidence: tuple[dict[int, tuple], ...]  # per routine: skill -> where it is named
    per_week: tuple[int, ...]
    named_blocks: tuple[tuple[int, frozenset[str]], ...]  # routines whose name has 2+ words the lexicon lacks
    rare_words: dict[str, frozenset[int]]  # leftover stem -> routines (only stems in at most 2 routines)
    reasons: dict = field(default_factory=dict)  # reason texts, built once per (routine, skill, activity)
    skill_reasons: dict = field(default_factory=dict)  # (routine, skill) -> (how strongly it fits, reason)
    evidence: dict = field(default_factory=dict)  # (routine, activity type) -> the routine's words for it
    fits: list = field(default_factory=list)  # [best value, best column] per routine and skill, made on demand
    order: list = field(default_factory=list)  # [blocks right after, blocks right before] each block, on demand
    anchor_masks: dict = field(default_factory=dict)  # goal anchors -> which blocks are at that time
    cued: tuple[frozenset[tuple[int, int]], ...] = ()  # per routine: (activity, _AFTER/_BEFORE) it says it is at
    rows: list = field(default_factory=list)  # the matrix as Python lists (for explaining a pair), made on demand
    most: list = field(default_factory=list)  # per column, how surely the day's likeliest block is it (on demand)

    def __len__(self) -> int:
        return len(self.routines)

    def row(self, r: int) -> list[float]:
        """Routine ``r``'s row of the matrix as a Python list (read cell by cell when writing reasons)."""
        if not self.rows:
            self.rows.extend(self.matrix.tolist())
        return self.rows[r]

    def present(self) -> list[float]:
        """Per activity type, how surely the day's likeliest block is of that type: what the day has."""
        if not self.most:
            n_a = len(self.compiled.activities)
            self.most.extend(self.matrix[:, :n_a].max(axis=0).tolist() if len(self.routines) else [0.0] * n_a)
        return self.most

    def anchored(self, anchors: tuple[tuple[int, int], ...]) -> np.ndarray | None:
        """Which blocks are at the time a goal names ("after PE": PE and the blocks right after it), or
        None when no block of the day is that activity."""
        mask = self.anchor_masks.get(anchors, False)
        if mask is not False:
            return mask
        if not self.order:
            self.order.extend(_neighbours(self.routines))
        keep = np.zeros(len(self.routines), dtype=bool)
        for a, cue in anchors:
            at = np.nonzero(self.matrix[:, a] >= ANCHOR)[0].tolist()
            near = self.order[0] if cue == _AFTER else self.order[1]
            for r in at:
                keep[r] = True
                keep[list(near[r])] = True
            for r, said in enumerate(self.cued):
                if (a, cue) in said:  # "Showers after PE"
                    keep[r] = True
        mask = keep if keep.any() else None
        if len(self.anchor_masks) > 256:
            self.anchor_masks.clear()
        self.anchor_masks[anchors] = mask
        return mask

    @property
    def activities(self) -> np.ndarray:
        """Routines × activity types (with what each implies)."""
        return self.matrix[:, : len(self.compiled.activities)]


_NOTHING = (0.0, None)
_NO_OFFSETS = itertools.repeat(0)


def _clock(text: str, after: int | None) -> int | None:
    """Minutes after midnight of a time as written, or None when it is empty or cannot be read."""
    if not (text or "").strip():
        return None
    try:
        return minutes_of(parse_time(text, after))
    except ValueError:
        return None


def _neighbours(routines: Sequence[RoutineText]) -> tuple[list[set[int]], list[set[int]]]:
    """For each block, the blocks that come right after it and right before it on a day they share.

    By the times where both blocks have them (the earliest start at or after the block's end, within
    ANCHOR_GAP minutes); otherwise the next row of the list.
    """
    n = len(routines)
    spans: list[tuple[int | None, int | None, frozenset[int]]] = []
    last = None
    for routine in routines:
        start = _clock(routine.start, last)
        end = _clock(routine.end, start if start is not None else last)
        last = start if start is not None else last
        try:
            days = parse_days(routine.days)
        except ValueError:
            days = parse_days("")
        spans.append((start, end, days))
    after: list[set[int]] = [set() for _ in range(n)]
    for i, (start, end, days) in enumerate(spans):
        if start is None:
            if i + 1 < n:
                after[i].add(i + 1)
            continue
        ref = end if end is not None and end > start else start + 1
        later = [(s, j) for j, (s, _, d) in enumerate(spans) if j != i and s is not None and s >= ref - 10 and d & days]
        if later:
            first = min(s for s, _ in later)
            if first - ref <= ANCHOR_GAP:
                after[i].update(j for s, j in later if s <= first + 5)
        elif i + 1 < n and spans[i + 1][0] is None:
            after[i].add(i + 1)
    before: list[set[int]] = [set() for _ in range(n)]
    for i, nexts in enumerate(after):
        for j in nexts:
            before[j].add(i)
    return after, before


@lru_cache(maxsize=16_384)
def _evidence(where: tuple[str, int, int, bool]) -> str:
    """The words a routine was recognised by: its whole name, or the phrase in its description."""
    text, start, end, whole = where
    fragment = text.strip() if whole else text[start:end]
    fragment = " ".join(fragment.split())
    return fragment if len(fragment) <= 48 else fragment[:47].rstrip() + "…"


# -- goal analysis ------------------------------------------------------------------------------------
class _Goal(NamedTuple):
    """What one goal text names, ready for scoring."""

    skills: tuple[int, ...]  # skill indexes, strongest first
    settings: tuple[int, ...]  # activity types the goal names as its setting
    # What the goal looks for in a routine row, one segment per skill and then one per setting:
    # columns (an activity type, or a skill named outright) with the affinity of each.
    columns: list[int]
    values: list[float]
    starts: list[int]  # where each segment begins
    weights: list[float]  # per skill
    anywhere: list[float]  # per skill: its "any block" affinity
    setting_evidence: tuple[str, ...]
    setting_strengths: list[float]
    clauses: tuple[_Clause, ...]  # for the fallback
    labels: tuple[str, ...]
    narrowing: float  # factor for blocks that are not a setting the goal names (1.0 when it names none)
    anchors: tuple[tuple[int, int], ...] = ()  # blocks the goal is timed by: (activity, _AFTER or _BEFORE)
    alone: bool = True  # its behavior names no skill (only its condition does, or nothing does)
    every: bool = False  # it is written for every occasion of a block ("each class"): each one is a full fit
    places: tuple[int, ...] = ()  # the settings it names outright ("at the pool", "in the cafeteria")


class Matcher:
    """Scores goals against a classroom's day. Build one per lexicon; it keeps small caches."""

    def __init__(self, lexicon: Lexicon | None = None, threshold: float = DEFAULT_THRESHOLD):
        self.lexicon = lexicon if lexicon is not None else shipped_lexicon()
        self.threshold = float(threshold)
        self.compiled: CompiledLexicon = self.lexicon.compiled
        self._goals: OrderedDict[tuple[str, str], _Goal] = OrderedDict()

    # -- routines --------------------------------------------------------------------------------
    def prepare(self, routines: Sequence[RoutineText]) -> PreparedDay:
        """Analyse a classroom's routines once; reuse the result for every goal of that classroom."""
        cl = self.compiled
        n_a, n_s = len(cl.activities), len(cl.skills)
        at_row: list[int] = []  # the day's table, as its nonzero cells
        at_column: list[int] = []
        at_value: list[float] = []
        sources, direct_evidence, per_week, named_blocks, cued = [], [], [], [], []
        word_routines: dict[str, set[int]] = {}
        blocks = cl.blocks
        for r, routine in enumerate(routines):
            key = (routine.name or "", routine.description or "")
            block = blocks.get(key)
            if block is None:
                block = self._read_block(*key)
                if len(blocks) > 8192:
                    blocks.clear()
                blocks[key] = block
            row, source, direct, times, unknown, rare = block
            at_row += [r] * len(row)
            at_column += row
            at_value += row.values()
            sources.append(source)
            direct_evidence.append(direct)
            per_week.append(_days_per_week(routine.days or ""))
            cued.append(times)
            if unknown:
                named_blocks.append((r, unknown))
            for k in rare:
                word_routines.setdefault(k, set()).add(r)
        rare_words = {k: frozenset(v) for k, v in word_routines.items() if len(v) <= 2}
        matrix = np.zeros((len(routines), n_a + n_s + 1))
        if at_row:
            matrix[at_row, at_column] = at_value
        return PreparedDay(
            routines=tuple(routines), compiled=cl, matrix=matrix, sources=tuple(sources),
            direct_evidence=tuple(direct_evidence), per_week=tuple(per_week), named_blocks=tuple(named_blocks),
            rare_words=rare_words, cued=tuple(cued),
        )

    def _read_block(self, name: str, description: str) -> tuple:
        """What one block's name and description say: its row of the day's table (column -> value), where
        each activity type and skill was found, the blocks it says it comes after or before, the words of
        its name the lexicon lacks, and its rare leftover words. Kept per (name, description): block names
        repeat across a school's classrooms, and a day is prepared again after every edit of one block."""
        cl = self.compiled
        n_a = len(cl.activities)
        found: dict[int, tuple[float, tuple]] = {}
        named: dict[int, tuple[float, tuple]] = {}
        materials: set[int] = set()  # skills a description names only by a one-word thing ("straws", "binder")
        carried: list[tuple[int, float, tuple]] = []  # devices a description has fetched or packed
        lesson: frozenset[int] = frozenset()  # what a class named so only teaches about ("Health": hygiene)
        times: set[tuple[int, int]] = set()  # "showers after PE": (PE, _AFTER)
        unknown: frozenset[str] = frozenset()
        rare: list[str] = []
        for text, base, whole in ((name, 1.0, True), (description, DESCRIPTION, False)):
            # a name is quoted whole, so its spans are kept in the name; a description's, in its clause
            if whole:
                offsets, clauses = cl.scan_at(text)
                unknown = frozenset(k for c in clauses for k in c.leftovers if len(k) >= 3 and not k.isdigit())
            else:
                offsets, clauses = _NO_OFFSETS, cl.scan(text)
            # a hint in a short name is mostly the block's kind ("Circle"), unless the name has a
            # plain activity word too ("Cooking club": the block is cooking)
            name_hint = NAME_HINT if whole and not any(
                h.kind == _ACTIVITY and not h.hint for c in clauses for h in c.hits
            ) else HINT
            list_cue = 0  # "lockers before 1st block, lunch and 4th": the list goes on naming times
            for at, clause in zip(offsets, clauses, strict=False):
                rare += clause.rare
                shown = text if whole else clause.text
                for h in clause.hits:
                    topic = h.topic or (
                        lesson
                        and not whole
                        and (h.index in lesson if h.kind == _ACTIVITY else bool(cl.natural[h.index] & lesson))
                    )
                    context = h.context
                    if list_cue and not context and h.kind == _ACTIVITY and not clause.text[: h.start].strip():
                        context = list_cue
                    if context == _HANDLED and not (h.kind == _ACTIVITY and h.index in cl.meals):
                        # "grab Chromebook", "pack binder": handled things count as named, except a device at the
                        # locker or at pack-up (below), and a meal ("put away lunch in the fridge" is not lunch)
                        context = 0
                        if not whole and h.kind == _ACTIVITY and h.index in cl.devices:
                            # "charge Chromebook": a device left to charge is put away wherever that is done
                            charged = HANDLED if _CHARGED.search(clause.text, 0, h.start) else 1.0
                            carried.append((h.index, base * h.strength * charged, (shown, h.start, h.end, whole)))
                            continue
                    strength = (name_hint if h.hint and whole else base * h.strength) * (
                        CONTEXT if context else TOPIC if topic else 1.0
                    )
                    if h.modifier and whole and not h.hint:
                        strength *= COMPOUND_HEAD  # "Life skills kitchen" is a kitchen
                    if h.kind == _ACTIVITY:
                        if h.context in (_AFTER, _BEFORE) and not h.hint:
                            times.add((h.index, h.context))
                        if strength > found.get(h.index, _NOTHING)[0]:
                            found[h.index] = (strength, (shown, at + h.start, at + h.end, whole))
                    elif not h.hint and not context and strength > named.get(h.index, _NOTHING)[0]:
                        named[h.index] = (strength, (shown, at + h.start, at + h.end, whole))
                        if whole or h.first < h.last or clause.text.endswith("ing", h.start, h.end):
                            materials.discard(h.index)  # a task ("walk in line", "brush teeth", "handwriting")
                        else:
                            materials.add(h.index)
                last = clause.hits[-1] if clause.hits and not whole else None
                list_cue = last.context if (
                    last is not None and last.kind == _ACTIVITY and last.context in (_AFTER, _BEFORE)
                    and not clause.text[last.end :].strip()
                ) else 0
            if whole and not cl.teaches.isdisjoint(found):
                lesson = frozenset().union(*(cl.topics[a] for a in found if a in cl.topics))
        if carried:  # "Locker / bus: grab Chromebook" carries it; "Morning work: grab Chromebook, log in" uses it
            stowing = not cl.stowing.isdisjoint(found)
            for a, value, where in carried:
                strength = value * HANDLED if stowing else value
                if strength > found.get(a, _NOTHING)[0]:
                    found[a] = (strength, where)
        for a, (strength, _) in list(found.items()):
            remap = cl.reinterpret.get(a)
            if remap and strength >= DESCRIPTION:
                for src, dst in remap.items():
                    if src in found:
                        s, ev = found.pop(src)
                        if s > found.get(dst, _NOTHING)[0]:
                            found[dst] = (s, ev)
        if not cl.by_tasks.isdisjoint(found) and (named or len(found) > 1):
            # "Apt lab: laundry/cleaning" is the laundry and cleaning lab, not the kitchen
            tasks = [s for s in named if s not in materials and cl.level[s] == 0]
            for a in cl.by_tasks.intersection(found):
                if any(a in cl.natural[s] for s in tasks) or any(
                    found[b][0] >= POSSIBLE for b in cl.task_areas[a].intersection(found)
                ):
                    found[a] = (found[a][0] * BY_TASKS, found[a][1])
        row: dict[int, float] = {}  # column -> value (the last column stays 0: "nothing found")
        source: dict[int, tuple] = {}  # activity type -> where in the block it comes from
        implied = cl.implied
        for a, (strength, where) in found.items():
            if not row:  # the first activity type fills the row (most blocks are one or two)
                row = {b: strength * link for b, link in implied[a]}
                source = dict.fromkeys(row, where)
                continue
            for b, link in implied[a]:
                value = strength * link
                if value > row.get(b, 0.0):
                    row[b] = value
                    source[b] = where
        if not cl.combined.isdisjoint(row):
            for target, a, b in cl.combines:  # "writing on Chromebooks": a device block that is a writing block
                if row.get(a, 0.0) > 0 and row.get(b, 0.0) >= COMBINE_MIN and row[a] > row.get(target, 0.0):
                    for c, link in cl.implied[target]:
                        value = row[a] * link
                        if value > row.get(c, 0.0):
                            row[c] = value
                            source[c] = source[a]
        if materials:
            # "straws" in a math block: a material the block does not use for the skill
            kinds = {a for a, value in row.items() if value >= POSSIBLE}
            for s in materials:
                related = cl.related[s]
                if kinds and related is not None and related.isdisjoint(kinds):
                    named[s] = (named[s][0] * INCIDENTAL, named[s][1])
        for s, (strength, _) in named.items():
            row[n_a + s] = strength * DIRECT
        direct = {s: ev for s, (_, ev) in named.items()}
        return row, source, direct, frozenset(times), unknown if len(unknown) >= 2 else None, tuple(rare)

    # -- goals ------------------------------------------------------------------------------------
    def analyze(self, goal_text: str, domain: str = "") -> _Goal:
        """The skills and settings a goal names (cached per text: the editor asks again and again)."""
        key = (goal_text or "", domain or "")
        cached = self._goals.get(key)
        if cached is not None:
            with suppress(KeyError):  # another thread may have just let it go
                self._goals.move_to_end(key)
            return cached
        goal = self._analyze(*key)
        self._goals[key] = goal
        if len(self._goals) > 512:
            with suppress(KeyError):
                self._goals.popitem(last=False)
        return goal

    def _analyze(self, text: str, domain: str) -> _Goal:
        cl = self.compiled
        level = cl.level
        clauses = cl.scan(text)
        skills: dict[int, list] = {}  # idx -> [weight, evidence, from a word, named in the behavior]
        settings: dict[int, list] = {}  # idx -> [strength, evidence]
        anchors: set[tuple[int, int]] = set()  # (activity, _AFTER or _BEFORE): "after PE", "before lunch"
        named_setting = mentioned_setting = acts_on_block = every = False
        places: set[int] = set()  # settings named as places
        devices = cl.devices
        # The goal's condition ("Given a zip bag, ...") comes before its "will"; the behavior after it.
        in_condition = any(c.will >= 0 for c in clauses)
        listing = False  # the clause before ended on a setting the goal names: "at arrival, lunch and dismissal"
        for clause in clauses:
            will = clause.will if in_condition else -1
            previous_end, previous_last, previous_index = 0, -2, -1
            words = clause.text
            listed_end = 0 if listing else -1  # where the list of settings goes on in this clause
            listing = False
            for h in clause.hits:
                kind, index, strength, start, end, first, last, context, hint, setting = h[:10]
                behavior = not in_condition or 0 <= will < start
                if kind == _SKILL:
                    cur = skills.get(index)
                    if cur is None:
                        skills[index] = [strength, words[start:end], not hint, behavior]
                    else:
                        if strength > cur[0]:
                            cur[0], cur[1], cur[2] = strength, words[start:end], not hint
                        cur[3] = cur[3] or behavior
                    continue
                if hint and setting and kind == _ACTIVITY and _COUNT_BEFORE.search(words, 0, start) and any(
                    o.kind == _ACTIVITY and o.index == index and o is not h for c in clauses for o in c.hits
                ):  # "before leaving class, 4 of 5 classes": the count counts the goal's own setting
                    hint, setting, context = False, True, 0
                if hint and kind == _ACTIVITY and listed_end >= 0 and (
                    start < listed_end or _LIST_GAP.fullmatch(words, listed_end, start)
                ):
                    hint = False  # "in noisy places (cafeteria, gym, assemblies)": a place listed is a place
                if hint or _PROGRAM.match(words, end):
                    continue
                if kind == _ACTIVITY and (
                    _FROM.search(words, 0, start)
                    or _PRETEND.search(words, 0, start)  # "simulated store tasks in the OT room": not the store
                    or (index in cl.meals and (context == _HANDLED or _OWNED.search(words, 0, start)
                                               or _MADE.search(words, max(0, start - 40), start)))
                ):  # "towels from the kitchen", "get his lunch from the fridge": an object or where it is kept
                    continue
                if context == _HANDLED:
                    context = 0
                if listed_end >= 0:
                    if start < listed_end or _LIST_GAP.fullmatch(words, listed_end, start):  # (or the same word)
                        setting, context, listed_end = True, 0, max(end, listed_end)
                    else:
                        listed_end = -1
                if not context:
                    acts_on_block |= behavior  # "will build a Lego model", "will open containers at lunch"
                    strength = 1.0 if setting else MENTIONED
                else:
                    if context not in (_FOR, _ROUTE) and not any(
                        o.kind == _SKILL and o.start == start and level[o.index] == 2 for o in clause.hits
                    ):  # "after PE" times the goal; "after a movement break" names a support
                        anchors.add((index, context))
                    strength = 0.5
                if previous_last + 1 == first and previous_index != index and not words[previous_end:start].strip():
                    strength *= COMPOUND_HEAD  # "greenhouse work site": the place is the greenhouse
                cur = settings.get(index)
                if cur is None or strength > cur[0]:
                    settings[index] = [strength, words[start:end]]
                if strength >= MENTIONED and (
                    setting or not any(o.kind == _SKILL and o.start == start for o in clause.hits)
                ) and index not in devices:  # a place ("at the pool", "enter the pool"), not a skill's own word
                    places.add(index)  # ("will handwrite"); a device ("on a tablet") goes where the student goes
                if strength >= MENTIONED:
                    # a device ("on a tablet") goes with the student: it does not narrow the goal to its blocks
                    named_setting |= setting and index not in devices
                    mentioned_setting = True
                    every |= h.every and setting
                listing = setting and not context and not words[end:].strip()
                previous_end, previous_last, previous_index = end, last, index
            if clause.will >= 0:
                in_condition = False
        if domain:
            for clause in cl.scan(domain):
                for h in clause.hits:
                    if h.kind == _SKILL and not h.hint and h.index not in skills:
                        skills[h.index] = [DOMAIN, domain.strip(), False, False]
        plain = {i for i, entry in skills.items() if entry[2] and entry[0] >= 1.0}
        not_with = cl.not_with
        for i in list(skills):
            if not_with[i] and any(other in plain for other in not_with[i]):
                del skills[i]
        if not any(skills[i][3] for i in plain if i in skills):
            # nothing named plainly in the behavior: its hints say what it targets ("will write 3 sentences",
            # whatever tool the condition names)
            for entry in skills.values():
                if not entry[2] and entry[0] == HINT and (entry[3] or not plain):
                    entry[0] = HINT_ALONE
        has_task = has_component = False
        for i in plain:
            if i in skills:
                has_task |= level[i] == 0
                has_component |= level[i] == 1
        all_behavior = True
        for i, entry in list(skills.items()):
            if has_task and not entry[2]:
                del skills[i]  # only a hint, and the goal names a task plainly
                continue
            if level[i] == 1 and has_task:
                entry[0] *= COMPONENT
            elif level[i] == 2 and (has_task or has_component):
                entry[0] *= SUPPORT if has_task else COMPONENT
            all_behavior &= entry[3]
        if not all_behavior and (acts_on_block or any(level[i] == 0 and e[3] for i, e in skills.items())):
            # the behavior names a task or an activity: what the condition names is a material or a support
            for entry in skills.values():
                if not entry[3]:
                    entry[0] *= CONDITION
        order = tuple(sorted(skills, key=lambda i: (-skills[i][0], i))) if len(skills) > 1 else tuple(skills)
        setting_order = (
            tuple(sorted(settings, key=lambda i: (-settings[i][0], i))) if len(settings) > 1 else tuple(settings)
        )
        strengths = [settings[a][0] for a in setting_order]
        columns: list[int] = []
        values: list[float] = []
        starts: list[int] = []
        for i in order:
            starts.append(len(columns))
            cols, vals = cl.skill_columns[i]
            columns += cols
            values += vals
        for a, strength in zip(setting_order, strengths, strict=True):
            starts.append(len(columns))
            columns.append(a)
            values.append(strength)
        return _Goal(
            skills=order,
            settings=setting_order,
            columns=columns,
            values=values,
            starts=starts,
            weights=[skills[i][0] for i in order],
            anywhere=[cl.anywhere_list[i] for i in order],
            setting_evidence=tuple(settings[a][1] for a in setting_order),
            setting_strengths=strengths,
            clauses=clauses,
            labels=tuple(cl.skills[i].label for i in order if skills[i][0] >= COMPONENT * SUPPORT),
            narrowing=NAMED_SETTING_DAMP if named_setting else MENTIONED_SETTING_DAMP if mentioned_setting else 1.0,
            anchors=tuple(sorted(anchors)) if anchors else (),
            alone=not any(entry[3] for entry in skills.values()),
            every=every,
            places=tuple(a for a in setting_order if a in places),
        )

    # -- scoring ----------------------------------------------------------------------------------
    def match(self, goal_text: str, day: PreparedDay, domain: str = "") -> GoalMatch:
        """Score one goal against every routine of a prepared day (the per-keystroke call)."""
        self._check(day)
        goal = self.analyze(goal_text, domain)
        return self._assemble(goal, day, self._score((goal,), day)[0])

    def match_many(self, goals: Iterable[str | tuple[str, str]], day: PreparedDay) -> list[GoalMatch]:
        """Score many goals (texts, or (text, domain) pairs) against one prepared day at once.

        The same scores as :meth:`match`, computed for the whole list in one pass over the day's
        table: what the command line and whole-class views use.
        """
        self._check(day)
        analysed = [self.analyze(g) if isinstance(g, str) else self.analyze(*g) for g in goals]
        rows = self._score(analysed, day) if analysed else []
        return [self._assemble(goal, day, row) for goal, row in zip(analysed, rows, strict=True)]

    def _check(self, day: PreparedDay) -> None:
        if day.compiled is not self.compiled:
            raise ValueError("this day was prepared with another lexicon; prepare it again with this matcher")

    def _score(self, goals: Sequence[_Goal], day: PreparedDay) -> list[list[float]]:
        """Scores of every goal against every routine (goals × routines), before the fallback."""
        n = len(day.routines)
        most_skills = max(len(g.skills) for g in goals)
        most_settings = max(len(g.settings) for g in goals)
        if n == 0 or most_skills + most_settings == 0:
            return [[0.0] * n for _ in goals]
        # every goal's segments side by side, then one "empty" segment that reads the zero column
        width_k, width_m = max(most_skills, 1), max(most_settings, 1)
        empty = sum(len(g.starts) for g in goals)
        columns: list[int] = []
        values: list[float] = []
        starts: list[int] = []
        skill_at, weights, anywhere, setting_at, narrowing, alone, relation = [], [], [], [], [], [], []
        damp: list[float] | None = None  # per goal, for the share of the places it names that the day lacks
        segment = 0
        for j, g in enumerate(goals):
            offset = len(columns)
            starts += [x + offset for x in g.starts] if offset else g.starts
            columns += g.columns
            values += g.values
            k, m = len(g.skills), len(g.settings)
            skill_at.append([*range(segment, segment + k), *([empty] * (width_k - k))])
            weights.append([*g.weights, *([0.0] * (width_k - k))])
            anywhere.append([*g.anywhere, *([0.0] * (width_k - k))])
            setting_at.append([*range(segment + k, segment + k + m), *([empty] * (width_m - m))])
            narrowing.append(g.narrowing)
            relation.append(POSSIBLE if g.narrowing == NAMED_SETTING_DAMP else NATURAL)
            alone.append(SETTING_EVERY if g.every else SETTING_ALONE if g.alone else 0.0)
            segment += k + m
            if g.places:  # "at a restaurant job site" in a day with no restaurant: written for elsewhere
                present = day.present()
                missing = sum(present[a] < PRESENT for a in g.places)
                if missing:
                    if damp is None:
                        damp = [1.0] * len(goals)
                    damp[j] = 1.0 - (1.0 - ABSENT) * missing / len(g.places)
        starts.append(len(columns))
        columns.append(day.matrix.shape[1] - 1)
        values.append(0.0)
        best = np.maximum.reduceat(
            day.matrix[:, columns] * np.array(values), np.array(starts, dtype=np.intp), axis=1
        )  # routines × (every goal's segments, then the empty one)
        skill_at = np.array(skill_at, dtype=np.intp)
        setting_at = np.array(setting_at, dtype=np.intp)
        picked = best[:, skill_at]  # routines × goals × skills
        anywhere = np.array(anywhere)
        contrib = np.maximum(picked, anywhere) * np.array(weights)
        if contrib.shape[2] > 1:
            contrib.sort(axis=2)
            score = contrib[:, :, -1] + SECOND * contrib[:, :, -2]
        else:
            score = contrib[:, :, 0]
        unnarrowed = score
        if most_settings:
            setting = best[:, setting_at].max(axis=2)  # routines × goals
            score = np.where(setting >= POSSIBLE, score, score * np.array(narrowing))
            # how far a goal skill fits the block: "can come up in any block" counts only in a block the goal names
            # outright as its setting ("check his schedule at lunch"), not in one it only mentions ("heat a meal")
            fits = picked.max(axis=2)
            fits = np.where(setting >= NAMED, np.maximum(fits, anywhere.max(axis=1)), fits)
            related = np.minimum(1.0, fits / np.array(relation))
            alone = np.array(alone)
            factor = np.where(alone > 0, alone, SETTING_BASE + (1 - SETTING_BASE) * related)
            score = np.maximum(score, setting * factor)
        if damp is not None:
            score = score * np.array(damp)
        for j, g in enumerate(goals):
            if g.anchors:
                keep = day.anchored(g.anchors)
                if keep is not None:  # the blocks at the time the goal names are its setting too
                    score[:, j] = np.where(
                        keep, np.maximum(score[:, j], unnarrowed[:, j]), score[:, j] * ANCHOR_DAMP
                    )
        return np.minimum(score, 1.0).T.tolist()

    def _assemble(self, goal: _Goal, day: PreparedDay, scores: list[float]) -> GoalMatch:
        """The GoalMatch for one goal from its scores: fallback, threshold, flags, nearest misses."""
        fallback = self._fallback(goal, day)
        if fallback:
            if goal.narrowing == 1.0 and any(value >= NAME_MENTION for value in fallback.values()):
                # the goal names a block of this day in its own words: it is written for that block
                scores = [v * NAMED_SETTING_DAMP for v in scores]
            for r, value in fallback.items():
                scores[r] = max(scores[r], value)
        threshold = self.threshold
        matched = [r for r, value in enumerate(scores) if value >= threshold]
        if len(matched) > 1:
            matched.sort(key=scores.__getitem__, reverse=True)
        per_week = day.per_week
        weekly = sum([per_week[r] for r in matched])
        result = _new(_Match)
        _set(
            result,
            "__dict__",
            {
                "never_in_class": not matched,
                "thin_coverage": bool(matched) and weekly <= 1,
                "opportunities_per_week": weekly,
                "skills": goal.labels,
                "_values": scores,
                "_matched": matched,
                "_made": [None] * len(scores),
                "_context": (self, goal, day, fallback),
            },
        )
        return result

    def _fallback(self, goal: _Goal, day: PreparedDay) -> dict[int, float]:
        """Rapidfuzz on what the lexicon does not cover: a block the goal names, rare shared words."""
        out: dict[int, float] = {}
        if day.named_blocks:
            goal_keys = frozenset(k for c in goal.clauses for k in c.content)
        for r, keys in day.named_blocks:
            if all(_contains(goal_keys, k) for k in keys):
                out[r] = NAME_MENTION
        leftovers = [k for c in goal.clauses for k in c.rare]
        if leftovers and day.rare_words:
            rare_words = day.rare_words
            for word in dict.fromkeys(leftovers):
                routines = rare_words.get(word)
                if routines is None:
                    continue
                for r in routines:
                    if out.get(r, 0.0) < NAME_MENTION:
                        out[r] = min(SHARED_MAX, out.get(r, 0.0) + SHARED_WORD)
        return out

    def _why(self, goal: _Goal, day: PreparedDay, r: int, fallback: dict[int, float]) -> tuple[str, ...]:
        """Short reasons for one pair, best first (each skill's reason in each block is written once a day)."""
        items: list[tuple[float, str]] = []
        reasons = day.skill_reasons
        for s, weight in zip(goal.skills, goal.weights, strict=True):
            found = reasons.get((r, s))
            if found is None:
                found = reasons[(r, s)] = self._skill_reason(day, r, s)
            if found[1]:
                items.append((found[0] * weight, found[1]))
        row = day.row(r)
        for a, strength, evidence in zip(goal.settings, goal.setting_strengths, goal.setting_evidence, strict=True):
            if row[a] > 0:
                items.append((row[a] * strength, self._reason(day, ("setting", r, a, evidence))))
        if r in fallback:
            items.append((fallback[r], self._shared_reason(goal, day, r, fallback[r])))
        if len(items) > 1:
            items.sort(key=itemgetter(0), reverse=True)
            return tuple(dict.fromkeys(text for value, text in items if value > 0))[:REASONS]
        return (items[0][1],) if items and items[0][0] > 0 else ()

    def _shared_reason(self, goal: _Goal, day: PreparedDay, r: int, value: float) -> str:
        """The reason for a pair the lexicon does not explain: the goal names the block, or the words
        the two have in common, as the block writes them."""
        routine = day.routines[r]
        name = routine.name.strip()
        if value >= NAME_MENTION:
            return f'the goal names this block: "{name}"'
        keys = {k for c in goal.clauses for k in c.rare if r in day.rare_words.get(k, ())}
        abbreviations = self.compiled.abbreviations
        words = dict.fromkeys(
            w for w in WORD.findall(f"{routine.name} {routine.description or ''}")
            if any(k in keys for k, _stop in word_keys(w, abbreviations))
        )
        shown = ", ".join(f'"{w}"' for w in words) if words else f'"{name}"'
        return f"words in common: {shown}"

    def _skill_reason(self, day: PreparedDay, r: int, s: int) -> tuple[float, str]:
        """How strongly skill ``s`` fits block ``r`` (unweighted), and the reason to show for it."""
        cl = self.compiled
        if not day.fits:
            day.fits.extend(_best_fits(day))
        top, at = day.fits[0][r][s], day.fits[1][r][s]
        anywhere = cl.anywhere_list[s]
        if top > 0 and top >= anywhere:
            key = ("named", r, s) if at >= len(cl.activities) else ("via", r, s, at)
        elif anywhere > 0:
            top, key = anywhere, ("any", s)
        else:
            return 0.0, ""
        return top, self._reason(day, key)

    def _reason(self, day: PreparedDay, key: tuple) -> str:
        text = day.reasons.get(key)
        if text is None:
            text = day.reasons[key] = self._reason_text(day, key)
        return text

    def _reason_text(self, day: PreparedDay, key: tuple) -> str:
        cl = self.compiled
        kind = key[0]
        if kind == "named":
            _, r, s = key
            shared = (kind, s, _evidence(day.direct_evidence[r][s]))
        elif kind == "via":
            _, r, s, a = key
            shared = (kind, s, a, _source(day, r, a))
        elif kind == "setting":
            _, r, a, evidence = key
            shared = (kind, a, evidence, _source(day, r, a))
        else:
            shared = key
        text = cl.reason_texts.get(shared)
        if text is None:
            text = cl.reason_texts[shared] = self._write_reason(shared)
            if len(cl.reason_texts) > 50_000:
                cl.reason_texts.clear()
        return text

    def _write_reason(self, key: tuple) -> str:
        """A reason as the team reads it, e.g. ``fasteners → putting on and taking off outerwear: "Recess"``."""
        cl = self.compiled
        kind = key[0]
        if kind == "named":
            _, s, evidence = key
            return f'{cl.skills[s].label}: "{evidence}"'
        if kind == "via":
            _, s, a, evidence = key
            how = "" if a in cl.natural[s] else " (possible)"
            return f'{cl.skills[s].label} → {cl.activities[a].label}{how}: "{evidence}"'
        if kind == "setting":
            _, a, named, evidence = key
            return f'the goal names {cl.activities[a].label} ("{named}"): "{evidence}"'
        skill = cl.skills[key[1]]
        return f"{skill.label}: {skill.anywhere or 'can come up in any block'}"


def _best_fits(day: PreparedDay) -> tuple[list[list[float]], list[list[int]]]:
    """For every routine and skill: the best fit value and the column (activity type, or the skill named
    outright) it comes from; the first such column when several tie."""
    cl = day.compiled
    product = day.matrix[:, cl.all_columns] * cl.all_values  # routines × all skills' columns
    best = np.maximum.reduceat(product, cl.all_starts, axis=1)  # routines × skills
    width = product.shape[1]
    is_best = (product == best[:, cl.all_segment]) & (product > 0)
    first = np.maximum.reduceat(np.where(is_best, width - np.arange(width), 0), cl.all_starts, axis=1)
    column = np.where(first > 0, cl.all_columns[np.minimum(width - first, width - 1)], -1)
    return best.tolist(), column.tolist()


def _source(day: PreparedDay, r: int, a: int) -> str:
    """The routine words that made block ``r`` an activity of type ``a`` (directly or by implication)."""
    text = day.evidence.get((r, a))
    if text is None:
        where = day.sources[r].get(a)
        text = day.evidence[(r, a)] = _evidence(where) if where else day.routines[r].name.strip()
    return text


_days_per_week = lru_cache(maxsize=1024)(days_per_week)


def _rare(key: str) -> bool:
    return len(key) >= 4 and key.isalpha() and key not in _GENERIC


def _contains(keys: frozenset[str], key: str) -> bool:
    if key in keys:
        return True
    if len(key) < FUZZY_MIN_LEN:
        return False
    return any(len(k) >= FUZZY_MIN_LEN and fuzz.ratio(k, key) >= 90 for k in keys)
