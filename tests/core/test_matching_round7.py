"""Round 7: block names written in Spanish in dual-language schools, and the senses and places that a shared word
does not make a fit.

Each test pairs what must not match with what still must. The sentences and schedules are written for these tests.
"""

from __future__ import annotations

import pytest

from goalwriter.core.matching import GoalMatch, Matcher, RoutineText


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    return Matcher()


def matched(result: GoalMatch) -> set[object]:
    return {p.routine_id for p in result.matches}


def day_of(matcher: Matcher, *blocks: tuple) -> object:
    return matcher.prepare([RoutineText(*b) for b in blocks])


# a dual-language grade 1 day, names in Spanish (with and without accents), descriptions mixed or empty
DUAL = (
    ("llegada", "Llegada", "Colgar mochila, sign in con su nombre", "daily"),
    ("asamblea", "Asamblea", "Calendario y canción de buenos días", "daily"),
    ("palabras", "Estudio de palabras y dictado", "", "daily"),
    ("escritura", "Escritura", "", "daily"),
    ("mate", "Matematicas", "Pizarritas y manipulativos", "daily"),
    ("recreo", "Recreo", "", "daily"),
    ("almuerzo", "Almuerzo", "", "daily"),
    ("bano", "Baño", "", "daily"),
    ("salida", "Salida", "", "daily"),
)


# -- A. Spanish block names ------------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("goal", "where"),
    [
        ("Will zip his coat all the way up without help before going outside.", {"recreo"}),
        ("Will open his thermos and the lid of his yogurt without help.", {"almuerzo"}),
        ("Will form lowercase letters from the top line down when writing dictated words.", {"palabras", "escritura"}),
        ("Will flush, pull up his pants and wash his hands after toileting.", {"bano"}),
        ("Will stay seated in her spot and keep hands to self for 10 minutes of carpet time.", {"asamblea"}),
    ],
)
def test_spanish_block_names_are_the_blocks_they_name(matcher, goal, where):
    found = matched(matcher.match(goal, day_of(matcher, *DUAL)))
    assert where <= found


@pytest.mark.parametrize("name", ["Educación física", "Educacion fisica", "EDUCACIÓN FÍSICA"])
def test_spanish_pe_with_and_without_accents(matcher, name):
    day = day_of(matcher, ("pe", name, "", "Tue"), ("ciencias", "Ciencias", "", "daily"))
    assert matched(matcher.match("Will catch a playground ball with two hands from 10 feet.", day)) == {"pe"}


def test_a_handwriting_goal_meets_a_mixed_language_arrival(matcher):
    day = day_of(
        matcher,
        ("arr", "Llegada", "Firmar su nombre en la lista / sign your name", "daily"),
        ("recreo", "Recreo", "", "daily"),
    )
    assert matched(matcher.match("Will write his first and last name legibly on the line.", day)) == {"arr"}


def test_english_words_that_look_spanish_keep_their_sense(matcher):
    """'Rest' and 'centers' keep their English blocks; the Spanish words only add names."""
    day = day_of(matcher, ("nap", "Siesta", "", "daily"), ("centros", "Centros", "Bloques, casita, arte", "daily"))
    found = matched(matcher.match("Will build a tower of 6 blocks and take turns with a peer during play.", day))
    assert found == {"centros"}
