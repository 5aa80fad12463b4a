"""User words for the matching lexicon: one function per user-level change, and the app's lexicon.

A school names its blocks its own way ("Daily 5" for centers, "Motor Lab" for PE). A user adds such a
word to a skill or an activity type; it is stored in the ``lexicon_word`` table and takes effect at
once: :func:`app_lexicon` returns the shipped lexicon merged with the stored words, rebuilt only when
the stored words change, so it is cheap to call on every match.
"""

from __future__ import annotations

import threading
import time
import weakref
from dataclasses import dataclass

from sqlalchemy import select

from goalwriter.core.lexicon import Lexicon, LexiconError, check_user_word, load_lexicon, shipped_lexicon
from goalwriter.store import models as m
from goalwriter.store.db import Store
from goalwriter.store.errors import NotFoundError, ValidationError
from goalwriter.store.events import Change


@dataclass(frozen=True)
class LexiconWordRec:
    """A word a user added: ``kind`` is 'skill' or 'activity'; ``concept`` is the skill or activity key."""

    id: int
    kind: str
    concept: str
    phrase: str


def _rec(row: m.LexiconWord) -> LexiconWordRec:
    return LexiconWordRec(row.id, row.kind, row.concept, row.phrase)


def add_user_word(store: Store, kind: str, concept: str, phrase: str) -> LexiconWordRec:
    """Add ``phrase`` to a skill or activity type ("Motor Lab" to activity ``pe``)."""
    try:
        cleaned = check_user_word(shipped_lexicon(), kind, concept, phrase)
    except LexiconError as exc:
        raise ValidationError(str(exc)) from exc
    with store.session() as session:
        exists = session.scalar(
            select(m.LexiconWord).where(
                m.LexiconWord.kind == kind, m.LexiconWord.concept == concept, m.LexiconWord.phrase == cleaned
            )
        )
        if exists is not None:
            raise ValidationError(f"{cleaned!r} is already a word for {concept}")
        row = m.LexiconWord(kind=kind, concept=concept, phrase=cleaned)
        session.add(row)
        session.flush()
        rec = _rec(row)
    _invalidate(store)
    store.events.emit(Change("lexicon", "added", (rec.id,)))
    return rec


def remove_user_word(store: Store, word_id: int) -> None:
    """Remove a user word (undo puts it back with :func:`restore_user_word`)."""
    with store.session() as session:
        row = session.get(m.LexiconWord, word_id)
        if row is None:
            raise NotFoundError("user word", word_id)
        session.delete(row)
    _invalidate(store)
    store.events.emit(Change("lexicon", "deleted", (word_id,)))


def restore_user_word(store: Store, word: LexiconWordRec) -> LexiconWordRec:
    """Put back a removed user word with its old id (the undo of :func:`remove_user_word`)."""
    with store.session() as session:
        if session.get(m.LexiconWord, word.id) is not None:
            raise ValidationError(f"user word {word.id} already exists")
        session.add(m.LexiconWord(id=word.id, kind=word.kind, concept=word.concept, phrase=word.phrase))
    _invalidate(store)
    store.events.emit(Change("lexicon", "restored", (word.id,)))
    return word


def list_user_words(store: Store) -> list[LexiconWordRec]:
    """Every user word, grouped by kind and concept."""
    with store.reader() as session:
        rows = session.scalars(
            select(m.LexiconWord).order_by(m.LexiconWord.kind, m.LexiconWord.concept, m.LexiconWord.phrase)
        )
        return [_rec(r) for r in rows]


_lock = threading.Lock()
_cache: weakref.WeakKeyDictionary[Store, tuple[tuple, Lexicon]] = weakref.WeakKeyDictionary()
_checked: weakref.WeakKeyDictionary[Store, float] = weakref.WeakKeyDictionary()
RECHECK_SECONDS = 5.0  # how often words added elsewhere (another computer on a shared server) are looked for


def _invalidate(store: Store) -> None:
    """Read the words again on the next call (this app just changed them)."""
    with _lock:
        _checked.pop(store, None)


def app_lexicon(store: Store) -> Lexicon:
    """The shipped lexicon plus this database's user words.

    Called on every keystroke in the editor, so it answers from memory: the words are read again after
    this app changes them or, for changes made elsewhere on a shared server, at most every few seconds.
    The merged lexicon (and its compiled tables) is rebuilt only when the stored words differ, so the
    same object comes back while nothing changed. Words for a skill or activity type the shipped
    lexicon no longer has are left out rather than failing.
    """
    now = time.monotonic()
    with _lock:
        hit = _cache.get(store)
        if hit is not None and now - _checked.get(store, -RECHECK_SECONDS) < RECHECK_SECONDS:
            return hit[1]
    with store.reader() as session:
        stmt = select(m.LexiconWord.id, m.LexiconWord.kind, m.LexiconWord.concept, m.LexiconWord.phrase)
        rows = tuple(tuple(row) for row in session.execute(stmt.order_by(m.LexiconWord.id)))
    with _lock:
        _checked[store] = now
        hit = _cache.get(store)
        if hit is not None and hit[0] == rows:
            return hit[1]
    base = shipped_lexicon()
    usable = []
    for _, kind, concept, phrase in rows:
        try:
            check_user_word(base, kind, concept, phrase)
        except LexiconError:
            continue
        usable.append((kind, concept, phrase))
    lexicon = load_lexicon(usable)
    with _lock:
        _cache[store] = (rows, lexicon)
    return lexicon
