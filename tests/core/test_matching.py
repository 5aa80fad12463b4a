"""The matcher: phrase matching, scoring, reasons and flags on a small classroom day written for these tests."""

from __future__ import annotations

import pytest

from goalwriter.core.lexicon import load_lexicon
from goalwriter.core.matching import (
    DEFAULT_THRESHOLD,
    GoalMatch,
    Matcher,
    PairScore,
    RoutineText,
)

DAY = (
    RoutineText("arrive", "Arrival and unpack", "Hang coats, put folders in the bin", "daily", "8:00", "8:15"),
    RoutineText("meeting", "Morning meeting", "Greeting and calendar on the carpet", "daily"),
    RoutineText("write", "Writing block", "Journals at desks", "M-F"),
    RoutineText("lunch", "Lunch", "", "daily"),
    RoutineText("recess", "Recess", "Playground", "daily"),
    RoutineText("cook", "Cooking club", "", "Fri"),
    RoutineText("story", "Read aloud", "Quiet voices, calm down after recess", "daily"),
    RoutineText("pack", "Pack up", "Coats on, backpacks", "daily"),
)


@pytest.fixture(scope="module")
def day(matcher):
    return matcher.prepare(DAY)


def matched(result: GoalMatch) -> list[object]:
    return [p.routine_id for p in result.matches]


def scores(result: GoalMatch) -> dict[object, float]:
    return {p.routine_id: p.score for p in result.scores}


# -- phrase matching --------------------------------------------------------------------------------
def test_skill_words_find_their_skill_in_any_form(matcher):
    for text in ("Will fasten the snaps", "fastening snaps", "Will zip and unzip", "Zippers on coats"):
        assert "fasteners" in matcher.match(text, matcher.prepare(DAY)).skills


def test_typos_of_lexicon_words_are_forgiven(matcher, day):
    assert "scissors" in matcher.match("Will use scisors to snip paper", day).skills
    assert "handwriting" in matcher.match("Will improve handwritting", day).skills


def test_the_longest_phrase_wins(matcher, day):
    # "sensory table" is a preschool station, not a sensory strategy
    routine = matcher.prepare([RoutineText(1, "Centers", "sensory table, blocks")])
    assert routine.activities[0, matcher.compiled.activity_index["sensory_table"]] > 0
    # "zipper bag" is lunch packaging, not a fastener
    result = matcher.match("Will open a zipper bag", day)
    assert "opening containers and packages" in result.skills
    assert "fasteners" not in result.skills


def test_phrases_do_not_run_across_punctuation(matcher):
    compiled = matcher.compiled
    whole = [h for c in compiled.scan("wash dishes by hand (wash, rinse)") for h in c.hits]
    assert compiled.skill_index["handwashing"] not in {h.index for h in whole if h.kind == 0}


def test_a_block_named_after_another_is_not_that_block(matcher, day):
    # "calm down after recess": the read-aloud is next to recess, not recess
    result = matcher.match("During recess, will join a game with a peer.", day)
    assert "recess" in matched(result)
    assert "story" not in matched(result)


def test_routine_words_in_descriptions_and_abbreviations_count(matcher):
    prepared = matcher.prepare([RoutineText(1, "Stations", "writing ctr, legos, puzzles")])
    result = matcher.match("Will shift small pieces from palm to fingertips (in-hand manipulation)", prepared)
    assert matched(result) == [1]


# -- scoring ------------------------------------------------------------------------------------------
def test_natural_fits_score_above_the_threshold_and_possible_ones_below(matcher, day):
    result = matcher.match("Will zip his coat independently in 4 of 5 trials.", day)
    assert {"pack", "recess"} <= set(matched(result))
    assert "lunch" not in matched(result)
    assert all(0.0 <= s <= 1.0 for s in scores(result).values())
    assert scores(result)["pack"] >= DEFAULT_THRESHOLD > scores(result)["write"]


def test_every_routine_gets_a_score_in_order(matcher, day):
    result = matcher.match("Will open his milk carton", day)
    assert [p.routine_id for p in result.scores] == [r.id for r in DAY]
    assert all(isinstance(p, PairScore) for p in result.scores)
    assert matched(result) == ["lunch"]


def test_matches_are_best_first(matcher, day):
    result = matcher.match("Will put on his coat and zip it for outside play", day)
    values = [p.score for p in result.matches]
    assert values == sorted(values, reverse=True) and len(values) >= 2


def test_a_setting_the_goal_names_narrows_it(matcher, day):
    loose = scores(matcher.match("Will take turns with a peer in a game.", day))
    narrowed = scores(matcher.match("During lunch, will take turns with a peer in a game.", day))
    assert narrowed["lunch"] > loose["lunch"]
    assert narrowed["recess"] < loose["recess"]


def test_components_follow_the_task(matcher, day):
    # bilateral coordination comes up in many blocks; with a named task it only supports it
    result = matcher.match("Using bilateral coordination, will follow a recipe to make a snack.", day)
    assert matched(result) == ["cook"]


def test_the_domain_is_only_a_hint(matcher, day):
    assert matcher.match("Will do it 4 of 5 days.", day, "").never_in_class
    hinted = matcher.match("Will do it 4 of 5 days.", day, "handwriting")
    assert hinted.never_in_class
    assert scores(hinted)["write"] > 0


def test_empty_and_unknown_goals_match_nothing(matcher, day):
    for text in ("", "   ", "Will xyzzy the plugh."):
        result = matcher.match(text, day)
        assert result.never_in_class and not result.matches and not result.skills


def test_match_many_gives_the_same_results_as_match(matcher, day):
    goals = [
        "Will zip his coat.",
        ("Will form lowercase letters legibly", "handwriting"),
        "",
        "During lunch, will open containers.",
        "Will brush his teeth.",
    ]
    together = matcher.match_many(goals, day)
    for goal, result in zip(goals, together, strict=True):
        alone = matcher.match(goal, day) if isinstance(goal, str) else matcher.match(goal[0], day, goal[1])
        assert result.scores == alone.scores
        assert result.matches == alone.matches
        assert result.nearest == alone.nearest
        assert (result.never_in_class, result.thin_coverage) == (alone.never_in_class, alone.thin_coverage)


def test_a_day_with_no_routines(matcher):
    result = matcher.match("Will zip his coat", matcher.prepare([]))
    assert result.scores == () and result.never_in_class and not result.thin_coverage


def test_a_day_belongs_to_the_matcher_that_prepared_it(matcher):
    other = Matcher(load_lexicon())
    with pytest.raises(ValueError, match="another lexicon"):
        matcher.match("Will zip", other.prepare(DAY))


def test_threshold_is_configurable(day):
    strict = Matcher(threshold=0.99).match("Will zip his coat independently.", Matcher(threshold=0.99).prepare(DAY))
    loose = Matcher(threshold=0.3)
    assert len(strict.matches) < len(loose.match("Will zip his coat independently.", loose.prepare(DAY)).matches)


# -- reasons --------------------------------------------------------------------------------------------
def test_every_match_says_why_in_teacher_words(matcher, day):
    result = matcher.match("Will zip his coat independently.", day)
    pack = next(p for p in result.matches if p.routine_id == "pack")
    assert pack.why[0] == 'fasteners → putting on and taking off outerwear: "Pack up"'
    for pair in result.matches:
        assert 1 <= len(pair.why) <= 3
        assert all(isinstance(w, str) and w for w in pair.why)


def test_reasons_quote_the_routine_words(matcher, day):
    result = matcher.match("Will form lowercase letters legibly in journal entries.", day)
    assert matched(result) == ["write"]
    assert any('"Writing block"' in w for w in result.matches[0].why)
    assert any("the goal names" in w for w in result.matches[0].why)


def test_reasons_mark_possible_fits(matcher, day):
    result = matcher.match("Will use scissors to snip paper.", day)
    assert result.nearest and "(possible)" in result.nearest[0].why[0]


def test_pairs_with_no_score_have_no_reason(matcher, day):
    result = matcher.match("Will open his milk carton", day)
    assert all(p.why == () for p in result.scores if p.score == 0)


# -- flags ---------------------------------------------------------------------------------------------
def test_never_in_class_when_nothing_matches(matcher, day):
    result = matcher.match("Will brush his teeth after lunch.", day)
    assert result.never_in_class and result.matches == ()
    assert result.opportunities_per_week == 0 and not result.thin_coverage
    assert [p.routine_id for p in result.nearest] == ["lunch"]
    assert all(DEFAULT_THRESHOLD / 2 <= p.score < DEFAULT_THRESHOLD for p in result.nearest)


def test_a_weak_tie_is_not_offered_as_a_near_miss(matcher):
    day = matcher.prepare([
        RoutineText("arr", "Arrival & cubbies", "Hang coat and backpack, move name to the attendance board"),
        RoutineText("out", "Outdoor play", "Climber, slide, sandbox. Coats and boots on in winter."),
        RoutineText("pack", "Pack-up & dismissal", "Coat and backpack on, line up for the bus"),
    ])
    result = matcher.match("Will use a child-size mouse to click and drag pictures to a target on the screen.", day)
    assert result.never_in_class
    assert [p.routine_id for p in result.nearest] == ["arr"]  # a device at arrival is possible; coats are not


def test_thin_coverage_counts_the_days_a_block_meets(matcher, day):
    result = matcher.match("Will follow a picture recipe to make a snack.", day)
    assert matched(result) == ["cook"]
    assert result.opportunities_per_week == 1
    assert result.thin_coverage and not result.never_in_class


def test_opportunities_add_up_the_matched_blocks_days(matcher, day):
    result = matcher.match("Will zip his coat independently.", day)
    assert result.opportunities_per_week == 5 * len(result.matches)
    assert not result.thin_coverage


def test_nearest_are_at_most_three_best_below_the_threshold(matcher, day):
    result = matcher.match("Will use scissors to snip paper.", day)
    assert len(result.nearest) <= 3
    values = [p.score for p in result.nearest]
    assert values == sorted(values, reverse=True)


# -- user words ---------------------------------------------------------------------------------------
def test_user_words_take_effect_with_a_new_matcher():
    day = (RoutineText("ml", "Motor Lab", "", "Tue,Thu"),)
    goal = "Will catch and throw a playground ball 4 of 5 trials."
    assert Matcher().match(goal, Matcher().prepare(day)).never_in_class
    ours = Matcher(load_lexicon([("activity", "pe", "Motor Lab")]))
    result = ours.match(goal, ours.prepare(day))
    assert matched(result) == ["ml"]
    assert result.opportunities_per_week == 2
    assert '"Motor Lab"' in result.matches[0].why[0]


def test_a_block_named_in_the_goal_matches_even_without_lexicon_words(matcher):
    day = matcher.prepare([RoutineText(1, "Bluebird Huddle", ""), RoutineText(2, "Lunch", "")])
    result = matcher.match("During Bluebird Huddle, will greet two classmates.", day)
    assert 1 in matched(result)
    assert 'the goal names this block: "Bluebird Huddle"' in result.matches[0].why


def test_a_pair_only_rare_words_join_says_which_words(matcher):
    day = matcher.prepare(
        [RoutineText(1, "Arrival", "Check the picture schedule, hang coat"), RoutineText(2, "Lunch", "")]
    )
    result = matcher.match("Given a picture task strip, will fold towels to the job standard.", day)
    why = next(p.why for p in result.scores if p.routine_id == 1)
    assert why == ('words in common: "picture"',)
