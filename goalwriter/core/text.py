"""Normalizing and tokenizing goal and routine text for the matcher.

Goals and schedules are written fast and loosely ("Writer's Wkshp", "cut/glue", "P.E.", "wash/dry
hands", "fasteners"), so both sides are reduced the same way: words are split on anything that is
not a letter or digit, lowercased, stripped of accents and possessives, and cut to a light stem
("fastening", "fastens", "fastened" -> "fasten"), so that lexicon phrases match their variants.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
# Single letters joined by periods: "P.E.", "D.E.A.R.", "W.I.N".
_DOTTED = re.compile(r"(?<![^\W_])[^\W\d_](?:\.[^\W\d_])+\.?(?![^\W_])")

# Words that carry no meaning for matching. Prepositions that name a place or a time ("in", "on",
# "at", "during", "after", "before") are kept: they tell a setting from a passing mention.
_STOPWORD_TEXT = """
    a an the and or but nor of to for with is are was were be been being am will would shall should could
    may might must do does did has have had he she it its they them their theirs his her hers him himself
    herself themselves i me my we us our you your this that these those there here who whom whose which what
    as by so than then also very just own same such each any all both either neither per s w
    monday tuesday wednesday thursday friday mon tue tues wed thu thur thurs fri
"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())

# Function words kept for reading (prepositions tell a setting from a passing mention) that never tie a goal to a
# block on their own: two texts that share only "from" or "into" share nothing.
_FUNCTION_TEXT = """
    from into onto upon over under about above below across along around behind beside besides between among
    through throughout toward towards during within without until till prior since while because though although
    unless whether after before following near next inside outside off out up down again once twice only even
    ever never always often also still yet back away here there when where then than how why can cannot
"""
FUNCTION_WORDS = frozenset(_FUNCTION_TEXT.split())

# Prepositions that, right before an activity word, mean "not this block, but next to it":
# "calm down after recess", "wash hands before lunch", "groceries for cooking".
CONTEXT_WORDS = frozenset({"after", "before", "following", "until", "till", "prior", "for"})

# Prepositions that, before an activity word in a goal, make it the setting the goal is written for.
SETTING_WORDS = frozenset({"during", "at", "in", "throughout", "across", "within", "while"})

# Prepositions that, right before a place, make it a place passed on the way, not what is done there: "walk
# routes through the cafeteria", "walk past the gym" (the lesson is the walk, not lunch or PE).
ROUTE_WORDS = frozenset({"through", "past", "toward", "towards", "via"})

# Words that, before an activity word, make it every occasion of that block: "before leaving each class",
# "in all of his classes", "every recess". A goal written for every class names the class blocks.
QUANTIFIERS = frozenset({"each", "every", "all"})

# Verbs that, before a thing named in a block's description, mean it is only fetched, packed or put away:
# "grab Chromebook from the locker", "pack lunchbox" (the block handles the thing; it does not use it).
HANDLING_WORDS = frozenset({"grab", "fetch", "retrieve", "collect", "return", "stow", "bring", "pack", "charge"})
# ... and the same with a particle: "put away iPads", "pass out Chromebooks".
HANDLING_PHRASES = frozenset(
    {("put", "away"), ("put", "back"), ("hand", "out"), ("pass", "out"), ("pack", "up"), ("plug", "in"), ("put", "in")}
)
# Words that, right after a thing, mean it is being put away: "Chromebooks back in the cart", "iPads on the charger",
# "laptops plugged in" (the block returns the thing; it does not use it).
STOWED_WORDS = frozenset(
    {"back", "away", "cart", "carts", "charger", "chargers", "charging", "plugged", "docked", "fridge", "fridges",
     "refrigerator", "refrigerators", "microwave", "cooler"}
)

# Words the suffix rules would get wrong, with the stem to use. Values are final stems.
_IRREGULAR = {
    "children": "child", "feet": "foot", "teeth": "tooth", "knives": "knife", "shelves": "shelf",
    "leaves": "leaf", "clothes": "cloth", "clothing": "cloth", "dressing": "dress", "does": "do", "done": "do",
    "went": "go", "gone": "go", "ran": "run", "wrote": "write", "written": "write", "ate": "eat", "eaten": "eat",
    "drew": "draw", "drawn": "draw", "sat": "sit", "took": "take", "taken": "take", "scissors": "scissor",
    "pants": "pant", "bus": "bus", "buses": "bus", "busses": "bus", "glasses": "glass", "dishes": "dish",
    "boxes": "box", "lunches": "lunch", "recesses": "recess", "classes": "class", "passes": "pass",
    "brushes": "brush", "matches": "match", "sandwiches": "sandwich", "cubbies": "cubby", "cubbys": "cubby",
    # words that would otherwise collide with a different word's stem
    "site": "site", "sites": "site", "outing": "outing", "outings": "outing", "banking": "banking",
    "facing": "facing", "bowling": "bowling", "meeting": "meeting", "meetings": "meeting",
    # an instrument's fingering is not a finger
    "fingering": "fingering", "fingerings": "fingering",
    "building": "building", "buildings": "building", "during": "during", "news": "news",
    # a verb form with its own meaning: "bagging groceries" is not "a bag", "planning" is not "a plan",
    # "projected slides" are not craft projects
    "bagging": "bagging", "bagged": "bagged", "planning": "planning", "projected": "projected",
    "projecting": "projecting", "following": "following", "shopping": "shopping", "weighted": "weighted",
    "use": "use", "uses": "use", "used": "use", "using": "use",
    # "Block 2" of a block schedule is a class period; "blocks" are for building
    "blocks": "blocks",
    # "walk past the gym" is not "cut and paste"
    "paste": "paste", "pastes": "paste", "pasted": "paste", "pasting": "paste",
}

_KEEP_S = ("ss", "us", "is", "ys", "os")
_VOWELS = set("aeiouy")


def _pattern(w: str) -> str:
    """The consonant/vowel shape of a word ("tap" -> "cvc"); y is a vowel after a consonant."""
    out = []
    for i, ch in enumerate(w):
        vowel = ch in "aeiou" or (ch == "y" and i > 0 and out[-1] == "c")
        out.append("v" if vowel else "c")
    return "".join(out)


def _measure(shape: str) -> int:
    """How many vowel-then-consonant runs a shape has: "tap" 1, "fasten" 2, "glu" 0."""
    return len(re.findall(r"v+c+", shape))


def _short(w: str) -> bool:
    """One short syllable ending consonant-vowel-consonant ("tap", "not", "hop"): such a word
    keeps a final e of its own ("tape", "note", "hope"), and gets it back after -ing/-ed ("taping")."""
    shape = _pattern(w)
    return _measure(shape) == 1 and shape.endswith("cvc") and w[-1] not in "wxy"


@lru_cache(maxsize=50_000)
def stem(word: str) -> str:
    """A light suffix-stripping stem: plurals, -ing, -ed, and a final silent e.

    It is deliberately simple and predictable; both the lexicon and the text go through it, so it
    only has to map variants of one word to the same key, not produce a dictionary form. Short words
    keep their e, so that "tape" and "tap", "note" and "not", "hope" and "hop" stay apart, while
    "taping" and "taped" still meet "tape", and "tapping" meets "tap".
    """
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    w = word
    if len(w) <= 2 or not w.isalpha():
        return w
    if len(w) > 3:
        if w.endswith("ies") and len(w) > 4:
            w = w[:-3] + "y"
        elif w.endswith(("sses", "shes", "ches", "xes", "zes")):
            w = w[:-2]
        elif w.endswith("s") and not w.endswith(_KEEP_S):
            w = w[:-1]
        for suffix in ("ing", "ed"):
            if w.endswith(suffix) and len(w) - len(suffix) >= 3 and set(w[: -len(suffix)]) & _VOWELS:
                w = w[: -len(suffix)]
                if w[-1] == w[-2] and w[-1] not in "aeiouylsz":
                    w = w[:-1]  # "tapping" -> "tap"
                elif w[-1] == "u" or _short(w):
                    w += "e"  # "taping" -> "tape", "gluing" -> "glue"
                break
    if w.endswith("e") and len(w) > 2 and not w.endswith(("ee", "ie", "ye", "oe", "ue")):
        rest = w[:-1]
        m = _measure(_pattern(rest))
        if m > 1 or (m == 1 and not _short(rest)):
            w = rest
    return w


def strip_accents(text: str) -> str:
    """The text without its accents, every other character kept: "Núñez" -> "Nunez", "miércoles" -> "miercoles"."""
    if text.isascii():
        return text
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def fold(word: str) -> str:
    """Lowercase, strip accents and a possessive: "Writer's" -> "writers", "Café" -> "cafe"."""
    w = word.casefold().replace("’", "'")
    if w.endswith("'s"):
        w = w[:-2] + "s"
    w = w.replace("'", "")
    if not w.isascii():
        w = unicodedata.normalize("NFKD", w).encode("ascii", "ignore").decode("ascii")
    return w


def undot(text: str) -> str:
    """Dotted initialisms as one word: "P.E. class" -> "P'E' class", read as "pe" (apostrophes join a word).

    The text keeps its length, so spans found in the result point at the same characters of the original.
    """
    i = text.find(".")  # most texts have no period, or only at the ends of sentences and initials
    while i >= 0:
        if i and text[i - 1].isalpha() and text[i + 1 : i + 2].isalpha():
            return _DOTTED.sub(lambda m: m.group().replace(".", "'"), text)
        i = text.find(".", i + 1)
    return text


@dataclass(frozen=True, slots=True)
class Token:
    """One word of a text: its stem, whether it is a stopword, and where it sits in the original text."""

    key: str
    stop: bool
    start: int
    end: int


def word_keys(word: str, abbreviations: dict[str, str] | None = None) -> tuple[tuple[str, bool], ...]:
    """(stem, is a stopword) for one written word; an abbreviation gives the words it stands for."""
    folded = fold(word)
    if not folded:
        return ()
    expanded = abbreviations.get(folded) if abbreviations else None
    words = expanded.split() if expanded else (folded,)
    return tuple((stem(w), w in STOPWORDS) for w in words)


def tokenize(text: str, abbreviations: dict[str, str] | None = None) -> list[Token]:
    """Every word of ``text`` with its stem and span. Abbreviations ("ctr", "rm") expand to their words."""
    tokens: list[Token] = []
    for m in WORD.finditer(undot(text or "")):
        for key, stop in word_keys(m.group(), abbreviations):
            tokens.append(Token(key, stop, m.start(), m.end()))
    return tokens


def phrase_keys(phrase: str, abbreviations: dict[str, str] | None = None) -> tuple[str, ...]:
    """The stems of a lexicon phrase without stopwords: "put on a coat" -> ("put", "on", "coat")."""
    return tuple(t.key for t in tokenize(phrase, abbreviations) if not t.stop)


def joined_key(phrase: str) -> str | None:
    """The one-word spelling of a two-word phrase ("bell work" -> "bellwork"), or None."""
    words = [fold(w) for w in WORD.findall(phrase or "")]
    words = [w for w in words if w and w not in STOPWORDS]
    if len(words) != 2 or not all(w.isalpha() for w in words):
        return None
    return stem(words[0] + words[1])


def content_words(text: str) -> list[str]:
    """The stems of the non-stopwords of ``text``, in order."""
    return [t.key for t in tokenize(text) if not t.stop]
