"""Live goal-quality checklist: is the goal observable, measurable, dated, and something the class does?

:func:`check_goal` reads the goal parts and the goal sentence (composed or typed) and returns one
:class:`QualityItem` per check, always the same keys in the same order. Each item says, in plain
words, what is missing and how to fix it. It runs on every keystroke, so the work is a handful of
precompiled regular expressions over a few hundred characters (about 0.1-0.3 ms a goal).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from goalwriter.core.goals import GoalParts, behavior_phrase, format_target_date

QUALITY_KEYS: tuple[str, ...] = (
    "observable", "dead_man", "condition", "criterion", "timeframe", "baseline", "measurement", "reporting",
    "in_class",
)

LABELS: dict[str, str] = {
    "observable": "Observable behavior",
    "dead_man": "Says what the student will do",
    "condition": "Condition",
    "criterion": "Measurable criterion",
    "timeframe": "Timeframe",
    "baseline": "Baseline",
    "measurement": "Measurement method",
    "reporting": "Progress reporting",
    "in_class": "Comes up in class",
}


@dataclass(frozen=True)
class QualityItem:
    """One line of the checklist: ``message`` says what is wrong and how to fix it, or confirms."""

    key: str
    label: str
    ok: bool
    message: str


# ---------------------------------------------------------------- shared pieces

_NUM = r"(?:\d+(?:\.\d+)?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty)"
_BLANK = re.compile(r"_{2,}|\{\s*\w*\s*\}")
# A "slot" is where a verb of the behavior can start: the beginning, after "will", after a conjunction or
# a comma. Vague verbs and dead-man phrases are only looked for there, so "learning center" or
# "to improve legibility" in the middle of a goal is not mistaken for the goal's verb.
_SLOT_START = re.compile(r"\b(?:will|won'?t|and|or|then|but|instead)\s+|[,;]\s*", re.IGNORECASE)
_ADVERBS = (r"(?:(?:(?!apply|reply|supply|rely|fly)\w+ly|be\s+able\s+to|begin\s+to|continue\s+to|always|also)"
            r"\s+){0,3}")


def _clean(text: str | None) -> str:
    return " ".join(text.split()) if text else ""


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


def _quote(text: str, limit: int = 60) -> str:
    text = _clean(text).rstrip(".,;")
    return f"“{text if len(text) <= limit else text[: limit - 1].rstrip() + '…'}”"


class _Typed:
    """Everything typed for the goal, lowercased once for the scanning patterns (which are lowercase)."""

    __slots__ = ("lower", "text")

    def __init__(self, text: str):
        self.text = text
        self.lower = text.lower()

    def find(self, pattern: re.Pattern[str]) -> re.Match[str] | None:
        return pattern.search(self.lower)

    def phrase(self, match: re.Match[str], to_comma: bool = False) -> str:
        """The matched words as typed (original case), optionally up to the next comma."""
        source = self.text if len(self.text) == len(self.lower) else self.lower
        if not to_comma:
            return source[match.start():match.end()]
        return re.split(r"[,;.](?!\d)", source[match.start():match.start() + 80], maxsplit=1)[0]


def _slots(behavior: str) -> list[tuple[int, str]]:
    """Where verbs can start in ``behavior``, with the word that opened each slot ("" at the start)."""
    slots = [(0, "")]
    slots.extend((m.end(), m.group(0).strip().lower()) for m in _SLOT_START.finditer(behavior))
    return slots


# ---------------------------------------------------------------- observable

_KNOW_ADVICE = ("say what the student will do that shows it, e.g. write, point to, sort, name, "
                "or follow the steps")
_SKILL_ADVICE = ("name the task that shows the skill, e.g. write, cut, zip, copy, type, open, "
                 "or stay seated for 10 minutes")
_FEEL_ADVICE = ("feelings cannot be seen; say what the student will do, e.g. choose, ask for, "
                "use a calming strategy, or stay with the group for 10 minutes")
_TOLERATE_ADVICE = ("say what the student will do and for how long, e.g. “touch and handle messy textures "
                    "for 30 seconds” or “keep headphones on for 10 minutes”")
_TRY_ADVICE = "say what the student will do, e.g. taste, touch, complete, use, or ask for"
_DROP_ADVICE = "drop it and keep the action, e.g. “will tie shoes” instead of “will learn to tie shoes”"
_SERVICE_ADVICE = ("that describes the therapy, not the student; name the task the student will do, "
                   "e.g. write, cut, zip, or type")
_RECOGNIZE_ADVICE = "say how it will be seen, e.g. point to, name, match, or ask for a break"
_BE_ADVICE = ("say what the student will do that shows it, e.g. “complete the toileting routine with no more "
              "than 1 prompt” instead of “be independent in toileting”")

_ABSTRACT = (r"(?:skills?|strength|abilit(?:y|ies)|endurance|coordination|control|awareness|tolerance|"
             r"independence|performance|functioning|function|planning|processing|integration|regulation|"
             r"dexterity|confidence|focus|motivation|attention|participation|tone|stability|muscles?)")

# (pattern at a verb slot, advice, soft). A soft word ("recognize") is fine when the goal also names an
# action ("recognize when upset and ask for a break"). Earlier rules win at the same slot.
_VAGUE_RULES: tuple[tuple[str, str, bool], ...] = (
    (r"(?:learn|try|remember|begin)\s+to", _DROP_ADVICE, False),
    (r"understand|know|learn|comprehend|realize|grasp\s+the\s+concept|remember|think|believe", _KNOW_ADVICE, False),
    (r"(?:be|become|stay|remain)\s+(?:more\s+)?(?:aware|mindful|conscious)(?:\s+of)?", _KNOW_ADVICE, False),
    (r"(?:demonstrate|show|display|exhibit|gain|have)\s+(?:an?\s+|the\s+|\w+\s+)?"
     r"(?:(?:improved|increased|better|good|appropriate|age[- ]appropriate|functional)\s+)?"
     r"(?:knowledge|understanding|awareness|comprehension|improvement|progress|readiness|mastery)",
     _KNOW_ADVICE, False),
    (r"(?:demonstrate|show|display|exhibit)\s+(?:improved|increased|better|enhanced|age[- ]appropriate)",
     _SKILL_ADVICE, False),
    (r"improve|develop|strengthen|enhance|refine|make\s+progress|make\s+gains", _SKILL_ADVICE, False),
    (r"(?:increase|build|gain|expand|boost|work\s+on)\s+(?:\S+\s+){0,3}?" + _ABSTRACT, _SKILL_ADVICE, False),
    (r"work\s+on|receive|be\s+exposed\s+to|be\s+given", _SERVICE_ADVICE, False),
    (r"appreciate|enjoy|feel|want|be\s+(?:comfortable|willing|happy|motivated|confident)", _FEEL_ADVICE, False),
    (r"(?:be|become)\s+(?:more\s+)?(?:successful|independent|responsible|engaged|organized|prepared|"
     r"appropriate|respectful|cooperative|age[- ]appropriate)", _BE_ADVICE, False),
    (r"tolerate|accept|cope\s+with|deal\s+with|put\s+up\s+with", _TOLERATE_ADVICE, False),
    (r"try|attempt\s+to", _TRY_ADVICE, False),
    (r"recognize|notice|be\s+familiar\s+with", _RECOGNIZE_ADVICE, True),
)
# One pattern for all rules, tried once per slot; the group that matched names the rule.
_VAGUE_AT = re.compile(
    _ADVERBS + r"(?:" + "|".join(f"(?P<r{i}>{rule[0]})" for i, rule in enumerate(_VAGUE_RULES)) + r")\b",
    re.IGNORECASE,
)
_TOLERATE_RULE = next(f"r{i}" for i, rule in enumerate(_VAGUE_RULES) if rule[1] is _TOLERATE_ADVICE)

# Verbs that name a task the student does.
_ACTION_VERBS = _word_set("""
    write print copy trace form draw color cut snip glue paste fold tear type key click sign log open close
    zip unzip button unbutton snap unsnap buckle unbuckle tie untie fasten unfasten lace put take pull push
    don doff remove hang place pack unpack carry hold release pick pinch stack string thread sort match
    point name say tell ask request answer raise use follow complete finish initiate stay remain sit stand
    walk jump hop skip climb catch dribble balance ride pedal swing move go transition return line
    join share greet wave play wait eat drink chew scoop spoon pour spread wipe wash dry brush comb apply
    flush manage organize file find locate gather bring turn hand give choose select check count pay measure
    read cross set make prepare stir clean load label stock assemble package roll sweep vacuum shop purchase
    navigate board exit enter record mark circle highlight underline erase sharpen staple tape attach insert
    plug charge scan respond participate attend maintain keep imitate monitor rate identify state list
    describe explain breathe squeeze stretch gallop march crawl step reach lift show cue
    self-monitor self-rate report submit store retrieve wear change dress undress
""")
_VERB_AT = re.compile(r"(?:will\s+)?" + _ADVERBS + r"(?P<verb>[a-z][a-z'-]*)", re.IGNORECASE)


def _slot_verbs(behavior: str, slots: list[tuple[int, str]]) -> list[tuple[int, str, str]]:
    """(position, opener, verb) for each slot; the verb lowercased, adverbs and "will" skipped."""
    verbs = []
    for pos, opener in slots:
        match = _VERB_AT.match(behavior, pos)
        if match:
            verbs.append((match.start("verb"), opener, match.group("verb").lower()))
    return verbs


_BY_ACTION = re.compile(r"\bby\s+[a-z]+ing\b(?:\s+[a-z]+){0,3}", re.IGNORECASE)
_OBJECT_END = re.compile(r"[,.;(]|\s(?:on|in|at|for|during|when|with|while|without|from|to|as|by)\s",
                         re.IGNORECASE)
# What the student could do instead of "tolerating" a thing, by the kind of thing it is.
_TOLERATE_HINTS = (
    (re.compile(r"\bfoods?\b|snack|meal|lunch|dinner|breakfast", re.IGNORECASE),
     "“touch, smell, or taste {thing} at 3 of 5 meals”"),
    (re.compile(r"headphones|glasses|hat|splint|brace|orthotic|helmet|vest|mask|shoes|socks|gloves|mittens",
                re.IGNORECASE), "“keep {thing} on for 10 minutes”"),
    (re.compile(r"nois|sound|loud|music|alarm|drill|crowd|cafeteria|gym|assembl|bell", re.IGNORECASE),
     "“stay in the room with {thing} for 10 minutes, using headphones or another strategy”"),
    (re.compile(r"chang|transition|schedule|wait|losing|lose|no\b|correction|feedback|turn", re.IGNORECASE),
     "“move on to the new activity within 1 minute” or “wait for 2 minutes using a strategy”"),
    (re.compile(r"textur|mess|glue|paint|sand|dough|clay|cream|tag|seam|touch|brush|hair|tooth|teeth|"
                r"wash|water|grass|fabric|cloth", re.IGNORECASE),
     "“touch and handle {thing} for 30 seconds”"),
)


def _tolerate_hint(rest: str) -> str:
    words = _OBJECT_END.split(rest.strip() + " ", maxsplit=1)[0].split()
    if len(words) > 1 and words[0].lower().endswith("ing"):  # "wearing headphones" -> "headphones"
        words = words[1:]
    thing = " ".join(words) if 0 < len(words) <= 5 else "it"
    for pattern, example in _TOLERATE_HINTS:
        if pattern.search(thing):
            return "say what the student will do and for how long, e.g. " + example.format(thing=thing)
    return _TOLERATE_ADVICE


def _behavior_source(parts: GoalParts, text: str) -> tuple[str, str]:
    """The behavior to read and where it came from: the behavior part, else the sentence's will-clause."""
    behavior = _clean(behavior_phrase(parts.behavior))
    if behavior:
        return behavior, "behavior"
    match = re.search(r"\bwill\s+", text, re.IGNORECASE)
    return (text[match.end():] if match else text), "sentence"


def _check_observable(behavior: str, source: str) -> tuple[bool, str]:
    if not behavior:
        return False, ("Write what the student will do, as an action you can see and count: "
                       "write, cut, zip, copy, type, open, stay seated for 10 minutes.")
    slots = _slots(behavior)
    verbs: list[tuple[int, str, str]] | None = None
    problems: list[str] = []
    seen: list[str] = []
    for pos, _ in slots:
        match = _VAGUE_AT.match(behavior, pos)
        if not match:
            continue
        rule = match.lastgroup or "r0"
        _, advice, soft = _VAGUE_RULES[int(rule[1:])]
        start, end = match.span(rule)
        word = _clean(match.group(rule)).lower()
        if any(word in s or s in word for s in seen):
            continue
        if soft:
            verbs = _slot_verbs(behavior, slots) if verbs is None else verbs
            if any(verb in _ACTION_VERBS for at, _, verb in verbs if at != start):
                continue
        seen.append(word)
        hint = _tolerate_hint(behavior[end:]) if rule == _TOLERATE_RULE else advice
        by_action = _BY_ACTION.search(behavior, end)
        if by_action and rule != _TOLERATE_RULE:
            hint += (f". The goal already names the action after “by” ({_quote(by_action.group(0))}): "
                     f"start the goal with that action")
        problems.append(f"“{word}” is hard to see or count: {hint}.")
    if problems:
        where = "" if source == "behavior" else " (read from the goal sentence)"
        return False, " ".join(problems) + where
    return True, "The behavior is something you can see and count."


# ---------------------------------------------------------------- dead-man test

_PROBLEMS = (r"(?:hitting|hits?|kicking|kicks?|biting|bites?|spitting|scratching|pushing|yelling|screaming|crying|"
             r"whining|calling\s+out|outbursts?|tantrums?|meltdowns?|incidents?|episodes?|refusals?|"
             r"behaviou?rs?|aggression|aggressive|elopement|eloping|running|throwing|swearing|cursing|"
             r"interruptions?|disruptions?|off-task|noises|mouthing|chewing\s+on)")
_DEAD_MAN = re.compile(
    r"(?:will\s+)?" + _ADVERBS + r"(?P<dead>"
    r"not\b|never\b|no\s+longer\b|refrain\b|cease\b|quit\s+\w+ing\b|stop\s+\w+ing\b|avoid\s+\w+ing\b"
    r"|(?:be|remain|stay|keep|sit|wait|lie)\s+(?:\w+\s+)?"
    r"(?:quiet|quietly|silent|silently|still|calm|calmly)\b(?!\s+(?:and|then|to)\s+\w)"
    r"|keep\s+(?:(?:his|her|their|my|both)\s+)?hands(?:\s+and\s+feet)?\s+"
    r"(?:to\s+(?:him|her|them|my|your)?sel(?:f|ves)|in\s+(?:his|her|their)\s+lap|still)\b"
    r"|(?:have|show|display|exhibit|engage\s+in)\s+(?:no|zero|fewer|less|a\s+decrease|a\s+reduction)\b"
    r"|(?:reduce|decrease|eliminate|minimize|lessen|lower|limit)\s+(?:\S+\s+){0,5}?" + _PROBLEMS + r")",
    re.IGNORECASE,
)
_DEAD_SLOT_OPENERS = frozenset(("", "will", "won't", "wont", "and", "then"))
# Verbs that are usually the thing being ruled out ("will not hit, kick, or bite"), never a replacement.
_NEGATED_TARGETS = _word_set("""
    hit kick bite spit scratch push grab yell scream cry whine throw run leave elope swear curse hurt
    destroy tear call touch take interrupt bother talk shout
""")
_DEAD_EXAMPLES = (
    (re.compile(r"hit|kick|bit|push|grab|scratch|aggress|hurt|spit|hands|throw", re.IGNORECASE),
     "“will ask for space or use a break card when upset”"),
    (re.compile(r"yell|scream|call|shout|quiet|silent|talk|noise|interrupt|outburst", re.IGNORECASE),
     "“will raise a hand and wait to be called on” or “will use a calm voice to ask for help”"),
    (re.compile(r"leav|run|elop", re.IGNORECASE),
     "“will walk with the class and stay with the group for 10 minutes”"),
    (re.compile(r"still|calm|tantrum|meltdown|cry", re.IGNORECASE),
     "“will use a calming strategy and return to the activity within 2 minutes”"),
)


def _find_dead_man(behavior: str, slots: list[tuple[int, str]]) -> tuple[int, int] | None:
    """Span of the first dead-man phrase at a verb slot ("not hit", "sit quietly", "refrain from")."""
    for pos, opener in slots:
        if opener in ("won't", "wont"):
            return pos - len(opener) - 1, pos
        if opener in _DEAD_SLOT_OPENERS:
            match = _DEAD_MAN.match(behavior, pos)
            if match:
                return match.start("dead"), match.end("dead")
    return None


def _has_replacement(behavior: str, slots: list[tuple[int, str]], dead: tuple[int, int]) -> bool:
    """True when the goal also names something the student will do ("... and will ask for space")."""
    if re.search(r"\binstead\b", behavior[dead[1]:], re.IGNORECASE):
        return True
    for at, opener, verb in _slot_verbs(behavior, slots):
        if dead[0] <= at < dead[1] or verb not in _ACTION_VERBS or verb in _NEGATED_TARGETS:
            continue
        if opener in _DEAD_SLOT_OPENERS and _DEAD_MAN.match(behavior, at):
            continue
        return True
    return False


def _check_dead_man(behavior: str) -> tuple[bool, str]:
    if not behavior:
        return False, "No behavior yet: say what the student will do, e.g. “will zip her coat at pack-up”."
    slots = _slots(behavior)
    dead = _find_dead_man(behavior, slots)
    if dead is None:
        return True, "The goal says what the student will do (it passes the dead-man test)."
    if _has_replacement(behavior, slots, dead):
        return True, "The goal says what the student will do instead (it passes the dead-man test)."
    phrase = re.split(r"[.;]|,\s+(?:in|on|for|with|during|as|when|at|given)\b| (?:in|for|on) \d", behavior[dead[0]:],
                      maxsplit=1)[0]
    phrase = re.sub(r"^(?:will|and|then)\s+", "", phrase.strip(), flags=re.IGNORECASE)
    example = "“will walk with the class”, “will ask for a break”"
    for pattern, text in _DEAD_EXAMPLES:
        if pattern.search(phrase):
            example = text
            break
    return False, (f"A goal a dead person could meet ({_quote(phrase)}) is not a goal. "
                   f"Say what the student WILL do instead, e.g. {example}.")


# ---------------------------------------------------------------- condition
# The scanning patterns below run on lowercased text and only try at word starts ("(?=\w)\b"), which
# makes them several times faster than a plain case-insensitive search.

# Things a student is given or uses; "with ___" or "using ___" naming one of these is a condition.
_SUPPORTS = (r"(?:cues?|prompts?|prompting|supports?|assistance|help|models?|tools?|grips?|scissors|board|timer|"
             r"schedule|checklist|card|chart|strip|visuals?|template|adaptations?|device|headphones|cushion|seat|"
             r"fidget|pencil|marker|crayons?|keyboard|chromebook|tablet|computer|app|software|strateg(?:y|ies)|"
             r"set-?up|utensils?|spoon|fork|knife|cup|straw|ruler|calculator|jig|sample|recipe|list|planner|"
             r"binder|organizer|pictures?|sequence|kit|sheet|stencil|guide|accommodations?|modifications?|adult|"
             r"peer|aide|partner|reminders?)")
_PLACES = (r"(?:class|classroom|classrooms|cafeteria|lunch|lunchroom|recess|gym|pe|art|music|hallways?|"
           r"playground|bus|community|bathroom|restroom|locker\s+room|library|centers?|circle|carpet|"
           r"arrival|dismissal|morning\s+meeting|settings?|environments?|job\s+site|work\s+site|school\s+store|"
           r"store|kitchen|small\s+groups?|large\s+group|whole\s+group|writing\s+tasks?|math|science|snack|"
           r"breakfast|transitions?|routines?|classes|activities|chromebook|tablet|ipad|computer|laptop)")
# "with one verbal cue" is a condition; "with 80% accuracy" or "with no more than 2 prompts" is a criterion.
_NOT_A_LIMIT = (r"(?!" + _NUM + r"\s*(?:%|percent|of\b|out\b|or\s+(?:fewer|less))|no\s+more|fewer|less|at\s+most|"
                r"up\s+to)")
# Anywhere in the goal: wording that only a condition uses.
_CONDITION = re.compile(
    r"(?=\w)\b(?:"
    r"(?<!\ba\s)given\b|during\b|when(?:ever)?\b|upon\b|provided\s+with\b"
    r"|following\s+(?:a|an|the|his|her|their)\b"
    r"|(?:using|with(?:out)?)\s+" + _NOT_A_LIMIT + r"(?:[a-z][\w-]*\s+){0,3}?" + _SUPPORTS + r"\b"
    r"|from\s+(?:the\s+|a\s+)?(?:board|whiteboard|smartboard|screen|model|near-point|far-point|book)\b"
    r"|in\s+(?:google\s+)?(?:docs?|slides|word|a\s+document|an?\s+app)\b"
    r"|at\s+(?:the\s+|his\s+|her\s+|their\s+)?(?:desk|table|locker|sink|cubby)\b"
    r"|(?:in|at|on|across|throughout)\s+(?:the\s+|his\s+|her\s+|their\s+|a\s+|an\s+|all\s+)?"
    r"(?:(?!of\b|in\b|on\b|at\b|for\b|to\b)[a-z][\w-]*,?\s+){0,3}?" + _PLACES + r"\b)"
)
# Before "will" ("Using loop scissors, Ana will ..."), a leading phrase is the condition.
_CONDITION_LEAD = re.compile(
    r"(?=\w)\b(?:(?:with(?:out)?|using|while|after|before|following)\s+" + _NOT_A_LIMIT + r"[a-z]"
    r"|(?:in|at|on)\s+(?:the|a|an|his|her|their)\s+[a-z])"
)
_WILL = re.compile(r"\bwill\b", re.IGNORECASE)


def _check_condition(parts: GoalParts, text: str, typed: _Typed) -> tuple[bool, str]:
    if _clean(parts.condition):
        return True, f"Condition: {_quote(parts.condition)}."
    match = typed.find(_CONDITION)
    if match:
        return True, f"Condition found in the goal: {_quote(typed.phrase(match, to_comma=True))}."
    will = _WILL.search(text)
    lead = _Typed(text[:will.start()]) if will else None
    match = lead.find(_CONDITION_LEAD) if lead else None
    if lead and match:
        return True, f"Condition found in the goal: {_quote(lead.phrase(match, to_comma=True))}."
    return False, ("Add the condition: when, where, or with what help the student does it, e.g. "
                   "“during lunch”, “given a slant board”, “with one verbal cue”.")


# ---------------------------------------------------------------- criterion

_UNITS_TIME = r"(?:minutes?|mins?|seconds?|secs?|hours?|hrs?)"
_CRITERION = re.compile(
    r"(?=\w)\b(?:"
    r"(?<!/)" + _NUM + r"(?:"  # a number, then what makes it a criterion
    r"\s*(?:%|percent\b)"
    r"|\s+(?:out\s+of|of)\s+(?:the\s+)?" + _NUM + r"\b"
    r"|\s*/\s*\d+\s+(?:trials?|opportunities|sessions|days|attempts|tries|probes|samples|times|occasions|"
    r"observations|data\s+days|checks|meals|transitions)\b"
    r"|\s+" + _UNITS_TIME + r"\b(?!-)"
    r"|\s+consecutive\s+\w+"
    r"|\s+or\s+(?:fewer|less)\b"
    r"|\s+(?:[a-z]+\s+)?(?:times|trials|opportunities|sessions|steps|items|words|letters|sentences|lines|pieces|"
    r"errors|attempts|objects|problems|entries|questions|interactions|initiations|turns|requests|bites|"
    r"towels|sets|kits)\s+(?:per|a|an|each|every)\s+(?:day|week|session|period|class|recess|lesson|meal|"
    r"minute|hour|shift|outing)\b)"
    r"|for\s+" + _NUM + r"\s+(?:feet|ft|yards|meters|laps|repetitions|reps|turns|rounds)\b"
    r"|(?:within|in\s+(?:less|fewer)\s+than|in\s+under)\s+(?:a|an|half\s+an?|" + _NUM + r"(?:\s*/\s*\d+)?)\s+"
    r"(?:" + _UNITS_TIME + r"|inch(?:es)?|cm|centimeters?|mm|feet|foot|steps?|prompts?|cues?|tries|attempts|"
    r"trials|errors|reminders?|words?|letters?)\b"
    r"|words?\s+(?:per|a|each)\s+minute\b|(?:wpm|cpm)\b|letters?\s+per\s+minute\b"
    r"|(?:no\s+more\s+than|fewer\s+than|at\s+most|at\s+least|up\s+to|less\s+than|a\s+minimum\s+of|"
    r"a\s+maximum\s+of|a\s+rate\s+of)\s+" + _NUM + r"\b"
    r"|(?:once|twice)\s+(?:a|per|each)\s+(?:day|week|session|period|class)\b)"
)


def _blank_fields(parts: GoalParts, text: str) -> list[str]:
    names = [name for name in ("condition", "behavior", "criterion", "measurement", "reporting")
             if _BLANK.search(getattr(parts, name) or "")]
    if not names and _BLANK.search(text):
        names.append("goal sentence")
    return names


def _check_criterion(parts: GoalParts, text: str, typed: _Typed) -> tuple[bool, str]:
    blanks = _blank_fields(parts, text) if ("__" in typed.text or "{" in typed.text) else []
    if blanks:
        return False, (f"Fill in the blanks (___) in the {', '.join(blanks)} with the numbers the team agrees on, "
                       "e.g. “4 of 5 trials”, “80%”, “for 10 minutes”.")
    criterion = _clean(parts.criterion)
    match = _CRITERION.search(criterion.lower())
    if match:
        return True, f"Criterion: {_quote(criterion[match.start():match.end()])}."
    match = typed.find(_CRITERION)
    if match:
        return True, f"Criterion: {_quote(typed.phrase(match))}."
    if criterion:
        return False, (f"The criterion {_quote(criterion)} has no number. Say how well or how often, "
                       "e.g. “in 4 of 5 trials”, “with 80% accuracy”, “for 10 minutes”, “on 3 consecutive days”.")
    return False, ("Add a criterion with a number: how well or how often, e.g. “in 4 of 5 trials”, "
                   "“with 80% accuracy”, “for 10 minutes”, “at 20 words per minute”.")


# ---------------------------------------------------------------- timeframe

_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?")
_TIMEFRAME = re.compile(
    r"(?=\w)\b(?:"
    r"(?:by|before|on\s+or\s+before|no\s+later\s+than)\s+(?:the\s+end\s+of\s+)?(?:"
    + _MONTH + r"(?:\s+\d{1,2}(?:st|nd|rd|th)?)?,?\s+(?:of\s+)?\d{4}"
    r"|\d{1,2}/\d{1,2}/\d{2,4}|\d{1,2}/\d{4}|\d{4}-\d{2}-\d{2}"
    r"|(?:the\s+)?(?:next\s+|\w+'s\s+)?(?:annual\s+(?:review|iep)|iep\s+(?:review|year|end\s+date)|review\s+date)"
    r"|(?:the\s+|this\s+)?(?:\d{4}[-–/]\d{2,4}\s+)?(?:school|academic|iep)\s+year"
    r"|(?:the\s+)?(?:first|second|third|fourth|last|final|1st|2nd|3rd|4th)\s+(?:quarter|trimester|semester|"
    r"marking\s+period|grading\s+period)"
    r"|(?:the\s+)?(?:spring|fall|winter)\s+(?:of\s+)?\d{4}"
    r"|(?:the\s+)?end\s+of\s+(?:the\s+)?(?:year|semester|term)"
    r"|(?:the\s+)?end\s+of\s+(?:\w+\s+)?grade)"
    r"|(?:within|in|over|during)\s+(?:the\s+next\s+)?(?:" + _NUM + r"|the|a)\s+(?:instructional\s+|school\s+|"
    r"calendar\s+)?(?:weeks|months|year|iep\s+year|school\s+year)\b"
    r"|within\s+(?:the\s+)?(?:current\s+)?iep\s+(?:period|cycle)\b)"
)


def _check_timeframe(parts: GoalParts, typed: _Typed) -> tuple[bool, str]:
    if parts.target_date:
        return True, f"Target date: {format_target_date(parts.target_date)}."
    match = typed.find(_TIMEFRAME)
    if match:
        return True, f"Timeframe: {_quote(typed.phrase(match))}."
    return False, ("Add a target date in the date field, or write a timeframe, e.g. “by May 2028” "
                   "or “by the annual review”.")


# ---------------------------------------------------------------- baseline

_HAS_NUMBER = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|half|none|all|most|"
                         r"few|several|once|twice)\b", re.IGNORECASE)
_BASELINE_IN_TEXT = re.compile(r"(?=\w)\b(?:currently|presently|at\s+present|present\s+levels?(?:\s+of\s+\w+)?\s*:|"
                               r"baseline\s*(?::|\bis\b|\bwas\b|\bdata\b))\s*[:,]?\s*(?P<rest>[^.]{0,200})")


def _check_baseline(parts: GoalParts, typed: _Typed) -> tuple[bool, str]:
    baseline = _clean(parts.baseline)
    if not baseline:
        match = typed.find(_BASELINE_IN_TEXT)
        if match and match.group("rest").strip():
            baseline = typed.phrase(match)
    if not baseline:
        return False, ("Add the baseline: what the student does now, with a number, e.g. “45% of letters "
                       "legible in a 3-sentence sample” or “opens 2 of 5 lunch containers”.")
    if _BLANK.search(baseline):
        return False, "Fill in the blanks (___) in the baseline with what the student does now."
    if not _HAS_NUMBER.search(baseline):
        return True, ("Baseline given. Add a number if you can (how many, how often, how long), "
                      "so progress can be compared with it.")
    return True, "Baseline given, with a number to measure progress against."


# ---------------------------------------------------------------- measurement and reporting

_MEASUREMENT = re.compile(
    r"(?=\w)\b(?:"
    r"(?:measured|assessed|evaluated|verified|scored)\s+(?:\w+\s+)?(?:by|with|through|using|via)\b"
    r"|(?:documented|recorded|tracked|monitored|charted|logged|collected)\s+(?:\w+\s+)?"
    r"(?:by|on|with|in|through|using|via|from)\b"
    r"|(?:work\s+samples?|writing\s+samples?|data\s+(?:sheets?|collection|tracking|logs?|charts?)|"
    r"data(?!\s+(?:days?|periods?)\b)|rubrics?|probes?|tally|tallies|running\s+records?|frequency\s+counts?|"
    r"time\s+sampling|interval\s+recording|trial\s+data|portfolios?|anecdotal\s+(?:notes|records)|"
    r"(?:program|typing|app|software)\s+reports?|timed\s+(?:tests?|trials?|probes?|samples?)|"
    r"self-monitoring\s+(?:sheets?|forms?|charts?)|point\s+sheets?|behavior\s+charts?|"
    r"(?:ot|pt|teacher|staff|aide|therapist|job\s+coach|para(?:professional)?|parent|case\s+manager)\s+"
    r"(?:observations?|logs?|checklists?|notes|reports?|records?|tally))\b)"
)
_REPORTING = re.compile(
    r"(?=\w)\b(?:"
    r"quarterly|monthly|bi-?monthly|bi-?weekly|semi-?annually|biannually|trimesterly"
    r"|(?:each|every|per|once\s+(?:a|per|each)|at\s+(?:the\s+end\s+of\s+)?each)\s+(?:quarter|month|term|trimester|"
    r"semester|grading\s+period|marking\s+period|reporting\s+period|progress\s+period|nine\s+weeks|\d+\s+weeks)"
    r"|report\s+cards?|progress\s+reports?|progress\s+(?:will\s+be\s+)?reported|reported\s+(?:to|on|with|at)"
    r"|(?:grading|marking|reporting)\s+periods?"
    r"|(?:two|three|four|2|3|4)\s+times\s+(?:a|per)\s+(?:year|semester)"
    r"|weekly\s+(?:progress|reports?|updates?|emails?|notes?)|reported\s+weekly)\b"
)


def _check_measurement(parts: GoalParts, typed: _Typed) -> tuple[bool, str]:
    if _clean(parts.measurement):
        return True, f"Measured by {_quote(parts.measurement)}."
    match = typed.find(_MEASUREMENT)
    if match:
        return True, f"Measurement found in the goal: {_quote(typed.phrase(match))}."
    return False, ("Say how progress will be measured, e.g. work samples, data sheets, OT observation, "
                   "a rubric, a checklist, or timed probes.")


def _check_reporting(parts: GoalParts, typed: _Typed) -> tuple[bool, str]:
    if _clean(parts.reporting):
        return True, f"Progress reported {_quote(parts.reporting)}."
    match = typed.find(_REPORTING)
    if match:
        return True, f"Reporting found in the goal: {_quote(typed.phrase(match))}."
    return False, ("Say how often progress goes to the family, e.g. quarterly, each grading period, "
                   "or with report cards.")


# ---------------------------------------------------------------- in class

def _check_in_class(comes_up_in_class: bool | None) -> tuple[bool, str]:
    if comes_up_in_class is None:
        return True, "Not checked yet: add the class routines to see where this goal comes up."
    if comes_up_in_class:
        return True, "The goal comes up in the class's routines, so it can be worked on in class."
    return False, ("This goal never comes up in the class's routines. Reword it toward something the class "
                   "already does (e.g. opening containers at lunch, writing in the journal at Writer's Workshop, "
                   "zipping a coat at pack-up), or check the schedule.")


# ---------------------------------------------------------------- entry point

def check_goal(parts: GoalParts, text: str, comes_up_in_class: bool | None = None) -> list[QualityItem]:
    """The checklist for one goal, in :data:`QUALITY_KEYS` order.

    ``text`` is the goal sentence (composed or typed); parts and text both count, so a criterion typed
    into the sentence but not the criterion box is still found. The behavior is read from the behavior
    part, or from the sentence when that part is empty. ``comes_up_in_class`` comes from the matcher;
    ``None`` means not checked yet and is not counted as a problem.
    """
    text = _clean(text)
    behavior, source = _behavior_source(parts, text)
    # Everything typed, so a phrase counts whichever box (or the sentence) it was typed into. Parts that the
    # composed sentence already contains are not added twice.
    lowered = text.lower()
    extra = [value for value in map(_clean, (parts.condition, parts.behavior, parts.criterion, parts.measurement,
                                             parts.reporting)) if value and value.lower() not in lowered]
    typed = _Typed(" ; ".join([text, *extra]) if extra else text)
    results = {
        "observable": _check_observable(behavior, source),
        "dead_man": _check_dead_man(behavior),
        "condition": _check_condition(parts, text, typed),
        "criterion": _check_criterion(parts, text, typed),
        "timeframe": _check_timeframe(parts, typed),
        "baseline": _check_baseline(parts, _Typed(text)),
        "measurement": _check_measurement(parts, typed),
        "reporting": _check_reporting(parts, typed),
        "in_class": _check_in_class(comes_up_in_class),
    }
    return [QualityItem(key, LABELS[key], *results[key]) for key in QUALITY_KEYS]
