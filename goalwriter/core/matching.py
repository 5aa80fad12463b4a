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
from dataclasses import dataclass

import numpy as np
from rapidfuzz import fuzz, process

from goalwriter.core.days import days_per_week
from goalwriter.core.lexicon import ANY, Lexicon, load_lexicon
from goalwriter.core.text import CONTEXT_WORDS, SETTING_WORDS, joined_key, phrase_keys, stem, tokenize

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
@dataclass(slots=True)
class _Hit:
    kind: int
    index: int
    strength: float
    start: int
    end: int
    first: int  # raw token positions
    last: int
    context: bool  # right after "before" / "after"
    hint: bool
    setting: bool  # right after "during" / "at" / "in"


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
        self.index = {
            first: tuple(sorted(((k, tuple(e)) for k, e in phrases.items()), key=lambda kv: -len(kv[0])))
            for first, phrases in index.items()
        }
        self.vocabulary = sorted({k for phrases in self.index.values() for keys, _ in phrases for k in keys})
        self._known = frozenset(self.vocabulary)
        self._near: dict[str, str | None] = {}

    # -- reading text ------------------------------------------------------------------------------
    def near_key(self, key: str) -> str | None:
        """The lexicon stem a word is a typo or variant of ("scisor" -> "scissor"), cached per word."""
        if key in self._known:
            return key
        if key in self._near:
            return self._near[key]
        found = None
        if len(key) >= FUZZY_MIN_LEN and key.isalpha():
            best = process.extractOne(key, self.vocabulary, scorer=fuzz.ratio, score_cutoff=FUZZY_CUTOFF)
            if best is not None and abs(len(best[0]) - len(key)) <= 2 and best[0][0] == key[0]:
                found = best[0]
        if len(self._near) > 50_000:
            self._near.clear()
        self._near[key] = found
        return found

    def scan(self, text: str) -> tuple[list[_Hit], list, list[str]]:
        """Lexicon phrases found in ``text`` (longest first), its tokens, and the words left over."""
        tokens = tokenize(text, self.abbreviations)
        positions = [i for i, t in enumerate(tokens) if not t.stop]
        keys = []
        for i in positions:
            k = tokens[i].key
            keys.append(self.near_key(k) or k)
        hits: list[_Hit] = []
        leftovers: list[str] = []
        j, n = 0, len(keys)
        index = self.index
        while j < n:
            candidates = index.get(keys[j])
            step = 0
            if candidates:
                for phrase, entries in candidates:
                    size = len(phrase)
                    if size == 1 or tuple(keys[j : j + size]) == phrase:
                        first, last = positions[j], positions[j + size - 1]
                        context = self._after_context_word(tokens, first)
                        setting = not context and any(t.key in _SETTING_KEYS for t in tokens[max(0, first - 4) : first])
                        for kind, idx, strength in entries:
                            if kind != _IGNORE:
                                hits.append(
                                    _Hit(kind, idx, strength, tokens[first].start, tokens[last].end, first, last,
                                         context, strength < 1.0, setting)
                                )
                        step = size
                        break
            if step:
                j += step
            else:
                leftovers.append(tokens[positions[j]].key)
                j += 1
        return hits, tokens, leftovers

    @staticmethod
    def _after_context_word(tokens, first: int) -> bool:
        i = first - 1
        while i >= 0 and first - i <= 3:
            t = tokens[i]
            if t.key in _CONTEXT_KEYS:
                return True
            if not t.stop:
                return False
            i -= 1
        return False


# -- prepared routines ------------------------------------------------------------------------------
@dataclass(frozen=True, eq=False)
class PreparedDay:
    """One classroom's routines, analysed once: activity vectors, direct skills, evidence and days."""

    routines: tuple[RoutineText, ...]
    compiled: CompiledLexicon
    activities: np.ndarray  # routines × activity types, implications included
    direct: np.ndarray  # routines × skills the routine names outright
    sources: tuple[tuple[tuple[int, float, str], ...], ...]  # per routine: (activity, strength, evidence)
    direct_evidence: tuple[dict[int, str], ...]
    per_week: tuple[int, ...]
    name_keys: tuple[frozenset[str], ...]  # content stems of each name the lexicon does not know
    rare_words: dict[str, frozenset[int]]  # leftover stem -> routines (only stems in at most 2 routines)

    def __len__(self) -> int:
        return len(self.routines)


def _evidence(text: str, hit: _Hit, whole: bool) -> str:
    fragment = text.strip() if whole else text[hit.start : hit.end]
    fragment = " ".join(fragment.split())
    return fragment if len(fragment) <= 48 else fragment[:47].rstrip() + "…"


# -- goal analysis ------------------------------------------------------------------------------------
@dataclass(frozen=True)
class _Goal:
    skill_idx: np.ndarray
    weights: np.ndarray
    skill_evidence: tuple[str, ...]
    setting_idx: np.ndarray
    setting_strength: np.ndarray
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
        n, n_a, n_s = len(routines), len(cl.activities), len(cl.skills)
        acts = np.zeros((n, n_a))
        direct = np.zeros((n, n_s))
        sources, direct_evidence, per_week, name_keys = [], [], [], []
        word_routines: dict[str, set[int]] = {}
        for r, routine in enumerate(routines):
            found: dict[int, tuple[float, str]] = {}
            named: dict[int, tuple[float, str]] = {}
            leftover_words: set[str] = set()
            for text, base, whole in ((routine.name or "", 1.0, True), (routine.description or "", DESCRIPTION, False)):
                hits, _, leftovers = cl.scan(text)
                leftover_words.update(k for k in leftovers if _rare(k))
                if whole:
                    name_keys.append(frozenset(k for k in leftovers if len(k) >= 3 and not k.isdigit()))
                for h in hits:
                    strength = (NAME_HINT if h.hint and whole else base * h.strength) * (CONTEXT if h.context else 1.0)
                    ev = _evidence(text, h, whole)
                    if h.kind == _ACTIVITY:
                        if strength > found.get(h.index, (0.0, ""))[0]:
                            found[h.index] = (strength, ev)
                    elif not h.hint and not h.context and strength > named.get(h.index, (0.0, ""))[0]:
                        named[h.index] = (strength, ev)
            for a, (strength, _) in list(found.items()):
                remap = cl.reinterpret.get(a)
                if remap and strength >= DESCRIPTION:
                    for src, dst in remap.items():
                        if src in found:
                            s, ev = found.pop(src)
                            if s > found.get(dst, (0.0, ""))[0]:
                                found[dst] = (s, ev)
            row_sources = []
            for a, (strength, ev) in found.items():
                row_sources.append((a, strength, ev))
                for b, link in cl.implied[a]:
                    acts[r, b] = max(acts[r, b], strength * link)
            for s, (strength, _) in named.items():
                direct[r, s] = strength
            sources.append(tuple(row_sources))
            direct_evidence.append({s: ev for s, (_, ev) in named.items()})
            per_week.append(days_per_week(routine.days))
            for k in leftover_words:
                word_routines.setdefault(k, set()).add(r)
        rare = {k: frozenset(v) for k, v in word_routines.items() if len(v) <= 2}
        return PreparedDay(
            tuple(routines), cl, acts, direct, tuple(sources), tuple(direct_evidence), tuple(per_week),
            tuple(name_keys), rare,
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
        hits, tokens, leftovers = cl.scan(text)
        skills: dict[int, list] = {}  # idx -> [weight, evidence, from a word]
        settings: dict[int, list] = {}  # idx -> [strength, evidence]
        named_setting = mentioned_setting = False
        previous: _Hit | None = None
        for h in hits:
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
            for h in cl.scan(domain)[0]:
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
        order = sorted(skills, key=lambda i: (-skills[i][0], i))
        setting_order = sorted(settings, key=lambda i: (-settings[i][0], i))
        keys = frozenset(t.key for t in tokens if not t.stop)
        return _Goal(
            skill_idx=np.array(order, dtype=np.intp),
            weights=np.array([skills[i][0] for i in order]),
            skill_evidence=tuple(skills[i][1] for i in order),
            setting_idx=np.array(setting_order, dtype=np.intp),
            setting_strength=np.array([settings[i][0] for i in setting_order]),
            setting_evidence=tuple(settings[i][1] for i in setting_order),
            keys=keys,
            leftovers=tuple(dict.fromkeys(k for k in leftovers if _rare(k))),
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
        if n == 0:
            return GoalMatch((), (), True, False, 0, (), goal.labels)
        cl = self.compiled
        score = np.zeros(n)
        k = len(goal.skill_idx)
        if k:
            aff = cl.affinity[goal.skill_idx]  # k × A
            through = day.activities[:, None, :] * aff[None, :, :]  # n × k × A
            via_activity = through.max(axis=2)
            named = day.direct[:, goal.skill_idx] * DIRECT
            relevance = np.maximum(np.maximum(via_activity, named), cl.anywhere[goal.skill_idx][None, :])
            contrib = relevance * goal.weights[None, :]
            if k > 1:
                top2 = -np.partition(-contrib, 1, axis=1)[:, :2]
                score = top2[:, 0] + SECOND * top2[:, 1]
            else:
                score = contrib[:, 0].copy()
            any_relevance = relevance.max(axis=1)
        else:
            via_activity = named = contrib = any_relevance = None
        setting = None
        if len(goal.setting_idx):
            setting = (day.activities[:, goal.setting_idx] * goal.setting_strength[None, :]).max(axis=1)
            if goal.narrowing < 1.0:
                score = np.where(setting >= POSSIBLE, score, score * goal.narrowing)
            if k:
                factor = SETTING_BASE + (1 - SETTING_BASE) * np.minimum(1.0, any_relevance / POSSIBLE)
            else:
                factor = SETTING_ALONE
            score = np.maximum(score, setting * factor)
        fallback = self._fallback(goal, day)
        if fallback is not None:
            score = np.maximum(score, fallback)
        np.clip(score, 0.0, 1.0, out=score)

        pairs = []
        for r in range(n):
            s = float(score[r])
            why = self._why(goal, day, r, contrib, via_activity, named, setting, fallback) if s > 0 else ()
            pairs.append(PairScore(day.routines[r].id, round(s, 4), why, day.per_week[r]))
        ranked = sorted(range(n), key=lambda r: -score[r])
        matches = tuple(pairs[r] for r in ranked if score[r] >= self.threshold)
        nearest = tuple(pairs[r] for r in ranked if 0 < score[r] < self.threshold)[:3]
        per_week = sum(p.per_week for p in matches)
        return GoalMatch(
            scores=tuple(pairs),
            matches=matches,
            never_in_class=not matches,
            thin_coverage=bool(matches) and per_week <= 1,
            opportunities_per_week=per_week,
            nearest=nearest,
            skills=goal.labels,
        )

    def _fallback(self, goal: _Goal, day: PreparedDay) -> np.ndarray | None:
        """Rapidfuzz on what the lexicon does not cover: a block the goal names, rare shared words."""
        out = None
        for r, keys in enumerate(day.name_keys):
            if len(keys) >= 2 and all(_contains(goal.keys, k) for k in keys):
                out = np.zeros(len(day.routines)) if out is None else out
                out[r] = NAME_MENTION
        if goal.leftovers and day.rare_words:
            vocab = list(day.rare_words)
            for word in goal.leftovers:
                hit = day.rare_words.get(word)
                if hit is None and len(word) >= FUZZY_MIN_LEN:
                    best = process.extractOne(word, vocab, scorer=fuzz.ratio, score_cutoff=90)
                    hit = day.rare_words[best[0]] if best else None
                if hit:
                    out = np.zeros(len(day.routines)) if out is None else out
                    for r in hit:
                        out[r] = min(SHARED_MAX, max(out[r], 0.0) + SHARED_WORD) if out[r] < NAME_MENTION else out[r]
        return out

    def _why(self, goal, day, r, contrib, via_activity, named, setting, fallback) -> tuple[str, ...]:
        cl = self.compiled
        reasons: list[tuple[float, str]] = []
        if contrib is not None:
            for j, s in enumerate(goal.skill_idx):
                value = contrib[r, j]
                if value <= 0:
                    continue
                skill = cl.skills[s]
                if named[r, j] > 0 and named[r, j] >= via_activity[r, j]:
                    reasons.append((value, f'{skill.label}: "{day.direct_evidence[r][int(s)]}"'))
                elif via_activity[r, j] > 0:
                    a = int(np.argmax(day.activities[r] * cl.affinity[s]))
                    how = "" if cl.affinity[s, a] >= NATURAL else " (possible)"
                    reasons.append((value, f'{skill.label} → {cl.activities[a].label}{how}: "{_source(day, r, a)}"'))
                elif cl.anywhere[s] > 0:
                    reasons.append((value, f"{skill.label}: {skill.anywhere or 'can come up in any block'}"))
        if setting is not None and setting[r] > 0:
            values = day.activities[r, goal.setting_idx] * goal.setting_strength
            j = int(np.argmax(values))
            a = int(goal.setting_idx[j])
            reasons.append(
                (float(values[j]), f'the goal names {cl.activities[a].label} ("{goal.setting_evidence[j]}"): '
                 f'"{_source(day, r, a)}"')
            )
        if fallback is not None and fallback[r] > 0:
            reasons.append((float(fallback[r]), f'shared words: "{day.routines[r].name.strip()}"'))
        reasons.sort(key=lambda x: -x[0])
        return tuple(dict.fromkeys(text for _, text in reasons))[:REASONS]


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
