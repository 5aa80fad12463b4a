"""User words in the database: add, list, remove, restore; change events; the app's lexicon follows at once."""

from __future__ import annotations

import pytest

from goalwriter.core.matching import Matcher, RoutineText
from goalwriter.services.lexicon import (
    LexiconWordRec,
    add_user_word,
    app_lexicon,
    list_user_words,
    remove_user_word,
    restore_user_word,
)
from goalwriter.store import models as m
from goalwriter.store.errors import NotFoundError, ValidationError


@pytest.fixture
def changes(store):
    seen = []
    store.events.subscribe(seen.append)
    return seen


def test_add_list_remove_and_restore_a_user_word(store, changes):
    word = add_user_word(store, "activity", "pe", "  Motor   Lab ")
    assert isinstance(word, LexiconWordRec)
    assert (word.kind, word.concept, word.phrase) == ("activity", "pe", "Motor Lab")
    other = add_user_word(store, "skill", "scissors", "snip-snip")
    assert list_user_words(store) == [word, other]
    remove_user_word(store, word.id)
    assert list_user_words(store) == [other]
    restore_user_word(store, word)
    assert list_user_words(store) == [word, other]
    assert [(c.kind, c.action, c.ids) for c in changes] == [
        ("lexicon", "added", (word.id,)),
        ("lexicon", "added", (other.id,)),
        ("lexicon", "deleted", (word.id,)),
        ("lexicon", "restored", (word.id,)),
    ]


@pytest.mark.parametrize(
    ("kind", "concept", "phrase", "message"),
    [
        ("activity", "gym_stuff", "Motor Lab", "no activity named 'gym_stuff'"),
        ("verb", "pe", "Motor Lab", "kind must be"),
        ("activity", "pe", "   ", "cannot be empty"),
        ("activity", "pe", "x" * 201, "at most 200"),
    ],
)
def test_words_that_cannot_be_used_are_refused(store, changes, kind, concept, phrase, message):
    with pytest.raises(ValidationError, match=message):
        add_user_word(store, kind, concept, phrase)
    assert list_user_words(store) == [] and changes == []


def test_the_same_word_twice_is_refused(store):
    add_user_word(store, "activity", "centers", "Daily 5")
    with pytest.raises(ValidationError, match="already a word"):
        add_user_word(store, "activity", "centers", "Daily 5")


def test_removing_a_missing_word(store):
    with pytest.raises(NotFoundError):
        remove_user_word(store, 4242)


def test_app_lexicon_is_cached_until_the_words_change(store):
    first = app_lexicon(store)
    assert app_lexicon(store) is first
    word = add_user_word(store, "activity", "pe", "Motor Lab")
    second = app_lexicon(store)
    assert second is not first
    assert second.activities["pe"].user_words == ("Motor Lab",)
    assert app_lexicon(store) is second
    remove_user_word(store, word.id)
    assert app_lexicon(store).activities["pe"].user_words == ()


def test_a_new_word_changes_matching_at_once(store):
    day = [RoutineText(1, "Motor Lab", "", "Mon,Wed"), RoutineText(2, "Lunch", "")]
    goal = "Will dribble a ball 10 times in a row."
    before = Matcher(app_lexicon(store))
    assert before.match(goal, before.prepare(day)).never_in_class
    add_user_word(store, "activity", "pe", "Motor Lab")
    after = Matcher(app_lexicon(store))
    result = after.match(goal, after.prepare(day))
    assert [p.routine_id for p in result.matches] == [1]
    assert result.opportunities_per_week == 2


def test_stored_words_for_concepts_the_lexicon_no_longer_has_are_left_out(store):
    with store.session() as session:
        session.add(m.LexiconWord(kind="activity", concept="retired_block", phrase="Old Name"))
    add_user_word(store, "activity", "pe", "Motor Lab")
    lexicon = app_lexicon(store)
    assert lexicon.activities["pe"].user_words == ("Motor Lab",)
    assert "retired_block" not in lexicon.activities


def test_words_added_from_another_computer_are_seen_after_a_few_seconds(store, monkeypatch):
    from goalwriter.services import lexicon as lexicon_service
    from goalwriter.store import open_store

    first = app_lexicon(store)
    elsewhere = open_store(store.url)  # a second app on the same (shared) database
    try:
        add_user_word(elsewhere, "activity", "recess", "Wiggle Time")
    finally:
        elsewhere.close()
    assert app_lexicon(store) is first  # answered from memory while typing
    monkeypatch.setattr(lexicon_service, "RECHECK_SECONDS", 0.0)
    assert app_lexicon(store) is not first
