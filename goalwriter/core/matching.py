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

Pure Python and numpy; no Qt, no SQL.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Sequence
from dataclasses import dataclass, field
from operator import itemgetter
from typing import NamedTuple

import numpy as np
from rapidfuzz import fuzz, process

from goalwriter.core.days import days_per_week
from goalwriter.core.lexicon import ANY, Lexicon, load_lexicon
from goalwriter.core.text import CONTEXT_WORDS, SETTING_WORDS, WORD, joined_key, phrase_keys, stem, word_keys

DEFAULT_THRESHOLD = 0.6

NATURAL = 1.0  # affinity of a skill with an activity type where it naturally comes up
POSSIBLE = 0.5  # ... where it may come up, with planning
HINT = 0.6  # strength of a hint word (against 1.0 for a word)
NAME_HINT = 0.85  # a hint word in a routine's name: a short name is mostly the block's kind ("Circle")
DESCRIPTION = 0.9  # a routine's description counts a little less than its name
CONTEXT = 0.25  # "calm down after recess": recess is next to the block, not the block
DIRECT = 0.95  # the routine names the skill itself ("cut & paste", "make change")
COMPONENT = 0.5  # weight of a component skill when the goal also names a task
SUPPORT = 0.35  # weight of a support written into the goal's condition, when it names a task
DOMAIN = 0.5  # weight of a skill found only in the goal's domain field
SETTING_BASE = 0.55  # a setting the goal names, when no goal skill relates to that block at all
SETTING_ALONE = 0.8  # a setting the goal names, when the goal names no skill
COMPOUND_HEAD = 0.5  # "greenhouse work site": the place is the greenhouse, "work site" only says what kind
SECOND = 0.1  # share of the second-best skill added to the best
NAMED_SETTING_DAMP = 0.7  # "during recess ...": other blocks count less (the goal is written for that setting)
MENTIONED_SETTING_DAMP = 0.9  # "... on 4 of 5 PE days": a setting mentioned in passing narrows the goal a little
NAME_MENTION = 0.7  # the goal names the block in words the lexicon does not know ("during Zones group")
SHARED_WORD = 0.15  # each rare word shared by goal and routine that the lexicon does not know
SHARED_MAX = 0.45
FUZZY_CUTOFF = 90.0  # rapidfuzz ratio for a near-miss of a lexicon word ("scisors", "handwritting")
FUZZY_MIN_LEN = 5
REASONS = 3

_SKILL, _ACTIVITY, _IGNORE = 0, 1, 2
_BREAKS = frozenset(".,;:()[]{}!?|\n\"")
_LEVEL = {"task": 0, "component": 1, "support": 2}
_CONTEXT_KEYS = frozenset(stem(w) for w in CONTEXT_WORDS)
_SETTING_KEYS = frozenset(stem(w) for w in SETTING_WORDS)
# Words too common in school text to tie a goal to a block on their own.
_GENERIC_TEXT = """
    time times day days daily week weekly class classes period periods room minute minutes hour school
    teacher teachers staff adult adults work activity activities lesson group groups together first next
    last then other some more less each every mon tue wed thu fri monday tuesday wednesday thursday friday
    model level point points given complete completing improve improved demonstrate independent increase
    maintain able using use need needed needs help without within least most percent goal goals skill
    skills task tasks routine routines following follow steps step during after before while when where
    year years month months end start begin beginning new good well note notes show make made take get
    going come move place places home data sheet prompt prompts trial trials
    """
_GENERIC = frozenset(stem(w) for w in _GENERIC_TEXT.split())


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
    nearest: tuple[PairScore, ...]  # up to 3 best below the threshold with score > 0
    skills: tuple[str, ...]  # labels of the skills found in the goal


# -- the compiled lexicon ----------------------------------------------------------------------------
class _Hit(NamedTuple):
    kind: int  # _SKILL or _ACTIVITY
    index: int  # skill or activity index
    strength: float  # 1.0 for a word, HINT for a hint
    start: int  # character span in the text
    end: int
    first: int  # word positions in the text
    last: int
    context: bool  # right after "before" / "after" / "for"
    hint: bool
    setting: bool  # shortly after "during" / "at" / "in"


class _Scan(NamedTuple):
    hits: tuple[_Hit, ...]
    keys: frozenset[str]  # stems of every content word
    leftovers: tuple[str, ...]  # stems of the content words no lexicon phrase covered


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
        self.anywhere = np.zeros(n_s)
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
        self.level = [_LEVEL[s.level] for s in self.skills]
        # per skill: the columns of a routine row it looks at (its activity types, then its own
        # "named outright" column) and the affinity with each
        self.skill_columns = []
        for i in range(n_s):
            cols = [*np.nonzero(self.affinity[i])[0].tolist(), n_a + i]
            self.skill_columns.append((cols, [*self.affinity[i, cols[:-1]].tolist(), 1.0]))
        self.not_with = [tuple(self.skill_index[k] for k in s.not_with) for s in self.skills]

        # implies, closed transitively (strengths multiply along a chain, the best chain wins)
        closure = np.eye(n_a)
        for i, a in enumerate(self.activities):
            for key, strength in a.implies:
                closure[i, self.activity_index[key]] = max(closure[i, self.activity_index[key]], strength)
        for _ in range(3):
            closure = np.maximum(closure, (closure[:, :, None] * closure[None, :, :]).max(axis=1))
        self.closure = closure
        self.implied = [tuple((int(j), float(closure[i, j])) for j in np.nonzero(closure[i])[0]) for i in range(n_a)]
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
        self._words: dict[str, tuple[tuple[str, bool], ...]] = {}
        self._scans: OrderedDict[str, _Scan] = OrderedDict()

    # -- reading text ------------------------------------------------------------------------------
    def near_key(self, key: str) -> str | None:
        """The lexicon stem a word is a typo or variant of ("scisor" -> "scissor"), cached per word."""
        if key in self._known:
            return key
        found = self._near.get(key, False)
        if found is not False:
            return found
        found = None
        if len(key) >= FUZZY_MIN_LEN and key.isalpha():
            best = process.extractOne(key, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best is not None and abs(len(best[0]) - len(key)) <= 2 and best[0][0] == key[0]:
                found = best[0]
        if len(self._near) > 50_000:
            self._near.clear()
        self._near[key] = found
        return found

    def scan(self, text: str) -> _Scan:
        """Lexicon phrases in ``text`` (longest match first) and the words left over; cached per text."""
        hit = self._scans.get(text)
        if hit is not None:
            return hit
        result = self._scan(text)
        self._scans[text] = result
        if len(self._scans) > 4096:
            self._scans.popitem(last=False)
        return result

    def _scan(self, text: str) -> _Scan:
        words = self._words
        keys: list[str] = []
        stops: list[bool] = []
        spans: list[tuple[int, int]] = []
        for m in WORD.finditer(text):
            raw = m.group()
            info = words.get(raw)
            if info is None:
                info = words[raw] = word_keys(raw, self.abbreviations)
                if len(words) > 100_000:
                    words.clear()
            for key, stop in info:
                keys.append(key)
                stops.append(stop)
                spans.append(m.span())
        positions = [i for i, stop in enumerate(stops) if not stop]
        content = [self.near_key(keys[i]) or keys[i] for i in positions]
        hits: list[_Hit] = []
        leftovers: list[str] = []
        single, multi = self.single, self.multi
        j, n = 0, len(content)
        while j < n:
            step = 0
            found = None
            if j + 1 < n:
                for phrase, entries in multi.get((content[j], content[j + 1]), ()):
                    size = len(phrase)
                    if (size == 2 or tuple(content[j : j + size]) == phrase) and not self._broken(
                        text, spans, positions, j, size
                    ):
                        found = entries
                        break
            if found is None:
                found = single.get(content[j])
                size = 1
            if found is not None:
                entries = found
                first, last = positions[j], positions[j + size - 1]
                context = self._after(keys, stops, first, _CONTEXT_KEYS, 3, skip_stops=True)
                setting = not context and self._after(keys, stops, first, _SETTING_KEYS, 4, skip_stops=False)
                for kind, idx, strength in entries:
                    if kind != _IGNORE:
                        hits.append(
                            _Hit(kind, idx, strength, spans[first][0], spans[last][1], first, last, context,
                                 strength < 1.0, setting)
                        )
                step = size
            if step:
                j += step
            else:
                leftovers.append(keys[positions[j]])
                j += 1
        return _Scan(tuple(hits), frozenset(keys[i] for i in positions), tuple(leftovers))

    @staticmethod
    def _broken(text: str, spans, positions: list[int], j: int, size: int) -> bool:
        """True when punctuation splits the words of a phrase ("by hand (wash, rinse)")."""
        for p in range(j, j + size - 1):
            gap = text[spans[positions[p]][1] : spans[positions[p + 1]][0]]
            if gap.strip() and any(c in _BREAKS for c in gap):
                return True
        return False

    @staticmethod
    def _after(keys, stops, first: int, wanted: frozenset[str], reach: int, skip_stops: bool) -> bool:
        """Whether one of ``wanted`` comes shortly before word ``first`` (only across stopwords if asked)."""
        i = first - 1
        while i >= 0 and first - i <= reach:
            if keys[i] in wanted:
                return True
            if skip_stops and not stops[i]:
                return False
            i -= 1
        return False


# -- prepared routines ------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class PreparedDay:
    """One classroom's routines, analysed once: activity vectors, direct skills, evidence and days."""

    routines: tuple[RoutineText, ...]
    compiled: CompiledLexicon
    matrix: np.ndarray  # routines × (activity types, then skills the routine names outright, × DIRECT)
    sources: tuple[tuple[tuple[int, float, str], ...], ...]  # per routine: (activity, strength, evidence)
    direct_evidence: tuple[dict[int, str], ...]
    per_week: tuple[int, ...]
    named_blocks: tuple[tuple[int, frozenset[str]], ...]  # routines whose name has 2+ words the lexicon lacks
    rare_words: dict[str, frozenset[int]]  # leftover stem -> routines (only stems in at most 2 routines)
    reasons: dict = field(default_factory=dict)  # reason texts, built once per (routine, skill, activity)
    shared: dict = field(default_factory=dict)  # goal word -> routines that share it (fallback cache)

    def __len__(self) -> int:
        return len(self.routines)

    @property
    def activities(self) -> np.ndarray:
        """Routines × activity types (with what each implies)."""
        return self.matrix[:, : len(self.compiled.activities)]


def _evidence(text: str, hit: _Hit, whole: bool) -> str:
    fragment = text.strip() if whole else text[hit.start : hit.end]
    fragment = " ".join(fragment.split())
    return fragment if len(fragment) <= 48 else fragment[:47].rstrip() + "…"


# -- goal analysis ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Goal:
    skills: tuple[int, ...]  # skill indexes, strongest first
    settings: tuple[int, ...]  # activity types the goal names as its setting
    # What the goal looks for in a routine row, one segment per skill and then one per setting:
    # the columns (activity types, or the skill named outright) and the affinity with each.
    columns: np.ndarray
    values: np.ndarray
    starts: np.ndarray
    weights: np.ndarray  # per skill
    anywhere: np.ndarray  # per skill: its "any block" affinity
    setting_evidence: tuple[str, ...]
    keys: frozenset[str]  # every content stem (for the name-mention fallback)
    leftovers: tuple[str, ...]  # content stems the lexicon does not know
    labels: tuple[str, ...]
    narrowing: float  # factor for blocks that are not a setting the goal names (1.0 when it names none)


class Matcher:
    """Scores goals against a classroom's day. Build one per lexicon; it keeps small caches."""

    def __init__(self, lexicon: Lexicon | None = None, threshold: float = DEFAULT_THRESHOLD):
        self.lexicon = lexicon if lexicon is not None else load_lexicon()
        self.threshold = float(threshold)
        self.compiled: CompiledLexicon = self.lexicon.compiled
        self._goals: OrderedDict[tuple[str, str], _Goal] = OrderedDict()

    # -- routines --------------------------------------------------------------------------------
    def prepare(self, routines: Sequence[RoutineText]) -> PreparedDay:
        """Analyse a classroom's routines once; reuse the result for every goal of that classroom."""
        cl = self.compiled
        n_a, n_s = len(cl.activities), len(cl.skills)
        rows: list[list[float]] = []
        sources, direct_evidence, per_week, named_blocks = [], [], [], []
        word_routines: dict[str, set[int]] = {}
        for r, routine in enumerate(routines):
            found: dict[int, tuple[float, str]] = {}
            named: dict[int, tuple[float, str]] = {}
            for text, base, whole in ((routine.name or "", 1.0, True), (routine.description or "", DESCRIPTION, False)):
                scan = cl.scan(text)
                for k in scan.leftovers:
                    if _rare(k):
                        word_routines.setdefault(k, set()).add(r)
                if whole:
                    unknown = frozenset(k for k in scan.leftovers if len(k) >= 3 and not k.isdigit())
                    if len(unknown) >= 2:
                        named_blocks.append((r, unknown))
                for h in scan.hits:
                    strength = (NAME_HINT if h.hint and whole else base * h.strength) * (CONTEXT if h.context else 1.0)
                    if h.kind == _ACTIVITY:
                        if strength > found.get(h.index, (0.0, ""))[0]:
                            found[h.index] = (strength, _evidence(text, h, whole))
                    elif not h.hint and not h.context and strength > named.get(h.index, (0.0, ""))[0]:
                        named[h.index] = (strength, _evidence(text, h, whole))
            for a, (strength, _) in list(found.items()):
                remap = cl.reinterpret.get(a)
                if remap and strength >= DESCRIPTION:
                    for src, dst in remap.items():
                        if src in found:
                            s, ev = found.pop(src)
                            if s > found.get(dst, (0.0, ""))[0]:
                                found[dst] = (s, ev)
            row = [0.0] * (n_a + n_s)
            for a, (strength, _) in found.items():
                for b, link in cl.implied[a]:
                    value = strength * link
                    row[b] = max(row[b], value)
            for s, (strength, _) in named.items():
                row[n_a + s] = strength * DIRECT
            rows.append(row)
            sources.append(tuple((a, strength, ev) for a, (strength, ev) in found.items()))
            direct_evidence.append({s: ev for s, (_, ev) in named.items()})
            per_week.append(days_per_week(routine.days))
        rare = {k: frozenset(v) for k, v in word_routines.items() if len(v) <= 2}
        matrix = np.array(rows, dtype=float).reshape(len(routines), n_a + n_s)
        return PreparedDay(
            tuple(routines), cl, matrix, tuple(sources), tuple(direct_evidence), tuple(per_week),
            tuple(named_blocks), rare,
        )

    # -- goals ------------------------------------------------------------------------------------
    def analyze(self, goal_text: str, domain: str = "") -> _Goal:
        """The skills and settings a goal names (cached per text: the editor asks again and again)."""
        key = (goal_text or "", domain or "")
        cached = self._goals.get(key)
        if cached is not None:
            self._goals.move_to_end(key)
            return cached
        goal = self._analyze(*key)
        self._goals[key] = goal
        if len(self._goals) > 512:
            self._goals.popitem(last=False)
        return goal

    def _analyze(self, text: str, domain: str) -> _Goal:
        cl = self.compiled
        scan = cl.scan(text)
        skills: dict[int, list] = {}  # idx -> [weight, evidence, from a word]
        settings: dict[int, list] = {}  # idx -> [strength, evidence]
        named_setting = mentioned_setting = False
        previous: _Hit | None = None
        for h in scan.hits:
            ev = text[h.start : h.end]
            if h.kind == _SKILL:
                cur = skills.get(h.index)
                if cur is None or h.strength > cur[0]:
                    skills[h.index] = [h.strength, ev, not h.hint]
            elif not h.hint:
                strength = 0.5 if h.context else 1.0
                if (
                    previous is not None
                    and previous.index != h.index
                    and previous.last + 1 == h.first
                    and not text[previous.end : h.start].strip()
                ):
                    strength *= COMPOUND_HEAD
                cur = settings.get(h.index)
                if cur is None or strength > cur[0]:
                    settings[h.index] = [strength, ev]
                if strength >= 1.0:
                    named_setting |= h.setting
                    mentioned_setting = True
                previous = h
        if domain:
            for h in cl.scan(domain).hits:
                if h.kind == _SKILL and not h.hint and h.index not in skills:
                    skills[h.index] = [DOMAIN, domain.strip(), False]
        plain = {i for i, (w, _, word) in skills.items() if word and w >= 1.0}
        for i in list(skills):
            if any(other in plain for other in cl.not_with[i]):
                del skills[i]
        has_task = any(cl.level[i] == 0 for i in plain if i in skills)
        has_component = any(cl.level[i] == 1 for i in plain if i in skills)
        for i, entry in list(skills.items()):
            level = cl.level[i]
            if has_task and not entry[2]:
                del skills[i]  # only a hint, and the goal names a task plainly
                continue
            if level == 1 and has_task:
                entry[0] *= COMPONENT
            elif level == 2 and (has_task or has_component):
                entry[0] *= SUPPORT if has_task else COMPONENT
        order = tuple(sorted(skills, key=lambda i: (-skills[i][0], i)))
        setting_order = tuple(sorted(settings, key=lambda i: (-settings[i][0], i)))
        columns: list[int] = []
        values: list[float] = []
        starts: list[int] = []
        for i in order:
            cols, vals = cl.skill_columns[i]
            starts.append(len(columns))
            columns += cols
            values += vals
        for a in setting_order:
            starts.append(len(columns))
            columns.append(a)
            values.append(settings[a][0])
        return _Goal(
            skills=order,
            settings=setting_order,
            columns=np.array(columns, dtype=np.intp),
            values=np.array(values),
            starts=np.array(starts, dtype=np.intp),
            weights=np.array([skills[i][0] for i in order]),
            anywhere=cl.anywhere[list(order)],
            setting_evidence=tuple(settings[a][1] for a in setting_order),
            keys=scan.keys,
            leftovers=tuple(dict.fromkeys(k for k in scan.leftovers if _rare(k))),
            labels=tuple(cl.skills[i].label for i in order if skills[i][0] >= COMPONENT * SUPPORT),
            narrowing=NAMED_SETTING_DAMP if named_setting else MENTIONED_SETTING_DAMP if mentioned_setting else 1.0,
        )

    # -- scoring ----------------------------------------------------------------------------------
    def match(self, goal_text: str, day: PreparedDay, domain: str = "") -> GoalMatch:
        """Score one goal against every routine of a prepared day (the per-keystroke call)."""
        if day.compiled is not self.compiled:
            raise ValueError("this day was prepared with another lexicon; prepare it again with this matcher")
        goal = self.analyze(goal_text, domain)
        n = len(day.routines)
        k, m = len(goal.skills), len(goal.settings)
        if n == 0 or k + m == 0:
            score = np.zeros(n)
        else:
            # best value of each goal segment in each routine: routines × (skills + settings)
            best = np.maximum.reduceat(day.matrix[:, goal.columns] * goal.values, goal.starts, axis=1)
            if k:
                relevance = np.maximum(best[:, :k], goal.anywhere)
                contrib = relevance * goal.weights
                if k > 1:
                    top = np.sort(contrib, axis=1)
                    score = top[:, -1] + SECOND * top[:, -2]
                else:
                    score = contrib[:, 0]
            if m:
                setting = best[:, k:].max(axis=1)
                if k:
                    if goal.narrowing < 1.0:
                        score = np.where(setting >= POSSIBLE, score, score * goal.narrowing)
                    factor = SETTING_BASE + (1 - SETTING_BASE) * np.minimum(1.0, relevance.max(axis=1) / POSSIBLE)
                    score = np.maximum(score, setting * factor)
                else:
                    score = setting * SETTING_ALONE
        scores = score.tolist()
        fallback = self._fallback(goal, day)
        for r, value in fallback.items():
            scores[r] = max(scores[r], value)

        pairs = []
        routines, per_week = day.routines, day.per_week
        context = (self, goal, day, fallback)
        for r in range(n):
            s = scores[r]
            if s > 1.0:
                s = scores[r] = 1.0
            pairs.append(_pair(routines[r].id, round(s, 4), per_week[r], context, r))
        ranked = sorted(range(n), key=scores.__getitem__, reverse=True)
        threshold = self.threshold
        matches = tuple(pairs[r] for r in ranked if scores[r] >= threshold)
        nearest = tuple(pairs[r] for r in ranked if 0 < scores[r] < threshold)[:3]
        weekly = sum(p.per_week for p in matches)
        return GoalMatch(
            scores=tuple(pairs),
            matches=matches,
            never_in_class=not matches,
            thin_coverage=bool(matches) and weekly <= 1,
            opportunities_per_week=weekly,
            nearest=nearest,
            skills=goal.labels,
        )

    def _fallback(self, goal: _Goal, day: PreparedDay) -> dict[int, float]:
        """Rapidfuzz on what the lexicon does not cover: a block the goal names, rare shared words."""
        out: dict[int, float] = {}
        for r, keys in day.named_blocks:
            if all(_contains(goal.keys, k) for k in keys):
                out[r] = NAME_MENTION
        if goal.leftovers and day.rare_words:
            shared = day.shared
            for word in goal.leftovers:
                routines = shared.get(word)
                if routines is None:
                    routines = day.rare_words.get(word)
                    if routines is None and len(word) >= FUZZY_MIN_LEN + 1:
                        best = process.extractOne(word, list(day.rare_words), scorer=fuzz.ratio, score_cutoff=90)
                        routines = day.rare_words[best[0]] if best else None
                    shared[word] = routines = routines or frozenset()
                for r in routines:
                    if out.get(r, 0.0) < NAME_MENTION:
                        out[r] = min(SHARED_MAX, out.get(r, 0.0) + SHARED_WORD)
        return out

    def _why(self, goal: _Goal, day: PreparedDay, r: int, fallback: dict[int, float]) -> tuple[str, ...]:
        """Short reasons for one pair, best first (texts are built once per day and reused)."""
        cl = self.compiled
        n_a = len(cl.activities)
        items: list[tuple[float, str]] = []
        k = len(goal.skills)
        if len(goal.starts):
            row = (day.matrix[r, goal.columns] * goal.values).tolist()
            columns = goal.columns.tolist()
            bounds = [*goal.starts.tolist(), len(row)]
            best, best_at = [], []
            for j in range(len(bounds) - 1):
                segment = row[bounds[j] : bounds[j + 1]]
                top = max(segment)
                best.append(top)
                best_at.append(columns[bounds[j] + segment.index(top)])
            anywhere = goal.anywhere.tolist()
            weights = goal.weights.tolist()
            for j, s in enumerate(goal.skills):
                if best[j] > 0 and best[j] >= anywhere[j]:
                    col = best_at[j]
                    key = ("named", r, s) if col >= n_a else ("via", r, s, col)
                elif anywhere[j] > 0:
                    key = ("any", s)
                else:
                    continue
                items.append((max(best[j], anywhere[j]) * weights[j], self._reason(day, key)))
            for j, a in enumerate(goal.settings, start=k):
                if best[j] > 0:
                    evidence = goal.setting_evidence[j - k]
                    items.append((best[j], self._reason(day, ("setting", r, a, evidence))))
        if r in fallback:
            items.append((fallback[r], f'shared words: "{day.routines[r].name.strip()}"'))
        items.sort(key=itemgetter(0), reverse=True)
        return tuple(dict.fromkeys(text for value, text in items if value > 0))[:REASONS]

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
            return f'{cl.skills[s].label}: "{day.direct_evidence[r][s]}"'
        if kind == "via":
            _, r, s, a = key
            how = "" if cl.affinity[s, a] >= NATURAL else " (possible)"
            return f'{cl.skills[s].label} → {cl.activities[a].label}{how}: "{_source(day, r, a)}"'
        if kind == "setting":
            _, r, a, evidence = key
            return f'the goal names {cl.activities[a].label} ("{evidence}"): "{_source(day, r, a)}"'
        skill = cl.skills[key[1]]
        return f"{skill.label}: {skill.anywhere or 'can come up in any block'}"


def _source(day: PreparedDay, r: int, a: int) -> str:
    """The routine words that made block ``r`` an activity of type ``a`` (directly or by implication)."""
    closure = day.compiled.closure
    best, evidence = 0.0, day.routines[r].name
    for src, strength, ev in day.sources[r]:
        value = strength * closure[src, a]
        if value > best:
            best, evidence = value, ev
    return evidence


def _rare(key: str) -> bool:
    return len(key) >= 4 and key.isalpha() and key not in _GENERIC


def _contains(keys: frozenset[str], key: str) -> bool:
    if key in keys:
        return True
    if len(key) < FUZZY_MIN_LEN:
        return False
    return any(len(k) >= FUZZY_MIN_LEN and fuzz.ratio(k, key) >= 90 for k in keys)
