"""Skill-area blocks, shoes apart from coats, numbers lined up on paper, transitions in structured programs, paying
on a community walk, AAC blocks, community gyms; and the false matches of devices put away, music notes, task
boxes, store jobs, bus rides, apartment labs, banking, fitness routines, board copying and one-word ties.

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


# -- 1. a block named for a skill area ------------------------------------------------------------------------------
PRESCHOOL = (
    ("arr", "Arrival", "Hang up backpack and coat", "daily"),
    ("circle", "Circle", "Songs and weather", "daily"),
    ("table", "Teacher table", "Small groups: IEP work (fine motor, pre-writing, colors, shapes)", "daily"),
    ("play", "Outside", "", "daily"),
    ("snack", "Snack", "", "daily"),
)


@pytest.mark.parametrize(
    "goal",
    [
        "Will move 5 beads from palm to fingertips one at a time and drop each in a bottle.",
        "Will snip paper strips with loop scissors 4 of 5 times.",
        "Will place 10 pegs in a pegboard using a pincer grasp.",
        "Will imitate vertical and horizontal lines with a crayon.",
    ],
)
def test_a_teacher_table_doing_fine_motor_iep_work_is_where_fine_motor_goals_are_worked_on(matcher, goal):
    result = matcher.match(goal, day_of(matcher, *PRESCHOOL))
    assert "table" in matched(result)
    assert "circle" not in matched(result) and "play" not in matched(result)


@pytest.mark.parametrize("block", [("OT stations", ""), ("Fine motor group", "Tues/Thurs with the OT")])
def test_ot_stations_and_fine_motor_groups_are_skill_area_blocks(matcher, block):
    day = day_of(matcher, ("ot", *block, "daily"), ("lunch", "Lunch", "", "daily"))
    assert "ot" in matched(matcher.match("Will cut along a curved line with spring-open scissors.", day))
    # a goal of another area does not follow the skill-area block
    assert "ot" not in matched(matcher.match("Will open his milk carton and yogurt tube without help.", day))


def test_a_fine_motor_goal_does_not_call_every_table_block_a_skill_area_block(matcher):
    day = day_of(matcher, ("sci", "Science", "Plant unit", "daily"), ("table", "Teacher table", "Fine motor", "daily"))
    result = matcher.match("Will string 6 large beads on a lace to build finger dexterity.", day)
    assert "table" in matched(result) and "sci" not in matched(result)


# -- 2. shoes are not coats -----------------------------------------------------------------------------------------
SHOE_DAY = (
    ("arr", "Arrival", "Coats and backpacks in cubbies", "daily"),
    ("motor", "Motor room", "Shoes off for the trampoline and climbing wall", "Tue/Thu"),
    ("nap", "Rest", "Shoes off, lie on cots", "daily"),
    ("out", "Get ready for outside", "Snow pants, boots, hats and mittens", "daily"),
    ("pack", "Pack-up", "Coats, hats, backpacks", "daily"),
)


@pytest.mark.parametrize(
    "goal",
    [
        "Will fasten the Velcro straps on his sneakers after PE.",
        "Will put her shoes on the correct feet without a visual cue.",
        "Will tie his shoelaces with a double knot.",
    ],
)
def test_a_shoe_goal_fits_where_shoes_come_off_and_on_and_not_where_only_coats_do(matcher, goal):
    result = matcher.match(goal, day_of(matcher, *SHOE_DAY))
    assert {"motor", "nap"} <= matched(result)
    assert "arr" not in matched(result) and "pack" not in matched(result)


def test_boots_at_winter_dressing_are_footwear_and_a_coat_goal_stays_with_coats(matcher):
    day = day_of(matcher, *SHOE_DAY)
    assert "out" in matched(matcher.match("Will pull on his rain boots and fasten the Velcro.", day))
    result = matcher.match("Will zip his coat and put on his hat and mittens.", day)
    assert {"out", "pack"} <= matched(result)
    assert "motor" not in matched(result) and "nap" not in matched(result)


def test_swim_and_dressing_out_are_shoe_blocks(matcher):
    day = day_of(matcher, ("swim", "Adapted aquatics", "", "Fri"), ("ela", "ELA", "", "daily"))
    assert matched(matcher.match("Will take off and put on his slip-on shoes independently.", day)) == {"swim"}


# -- 3. numbers lined up on paper ------------------------------------------------------------------------------------
GRADE5 = (
    ("arr", "Arrival", "Unpack, lunch count", "daily"),
    ("math", "Math", "Multi-digit multiplication and division", "daily"),
    ("line", "Line up for specials", "", "daily"),
    ("pack", "Pack-up", "", "daily"),
)


@pytest.mark.parametrize(
    "goal",
    [
        "Will line up digits in the correct place-value columns when solving problems.",
        "Using graph paper, will keep numbers aligned for long division with 80% accuracy.",
        "Will line up decimal points when adding and subtracting decimals.",
    ],
)
def test_numbers_lined_up_on_paper_are_math_work_not_lining_up(matcher, goal):
    result = matcher.match(goal, day_of(matcher, *GRADE5))
    assert matched(result) == {"math"}


def test_lining_up_at_the_door_is_still_lining_up(matcher):
    result = matcher.match("Will line up with his class and walk in line to specials.", day_of(matcher, *GRADE5))
    assert "line" in matched(result) and "math" not in matched(result)


def test_a_block_that_lines_up_decimals_is_not_a_line_up_block(matcher):
    day = day_of(matcher, ("math", "Math", "Line up decimals on grid paper", "daily"), ("pe", "PE", "", "daily"))
    result = matcher.match("Will line up quietly and stay with his class in the hallway.", day)
    assert "math" not in matched(result)


# -- 4. transitions across a structured program's day -------------------------------------------------------------
PROGRAM = (
    ("arr", "Arrival", "", "daily"),
    ("work", "Work system", "Task boxes left to right, then into the finished bin", "daily"),
    ("jobs", "School jobs", "Mail delivery and recycling route", "Mon/Wed"),
    ("walk", "Community walk", "To the park or the corner store", "Fri"),
    ("lunch", "Lunch", "", "daily"),
    ("read", "Read aloud", "", "daily"),
)


def test_transition_goals_across_the_day_fit_blocks_that_are_transitions_by_nature(matcher):
    goal = "In his life skills program, will transition between activities across the day using a visual schedule."
    result = matcher.match(goal, day_of(matcher, *PROGRAM))
    assert {"arr", "work", "jobs", "walk"} <= matched(result)
    assert "read" not in matched(result)


def test_a_program_named_in_a_goal_is_not_a_place_the_day_lacks(matcher):
    day = day_of(matcher, ("arr", "Arrival", "", "daily"), ("pack", "Pack-up", "", "daily"))
    result = matcher.match("In the life skills program, will check his schedule and move to the next activity.", day)
    assert {"arr", "pack"} <= matched(result)


# -- 5. paying on a community walk ------------------------------------------------------------------------------------
def test_paying_at_a_checkout_fits_a_community_walk_where_an_item_is_bought(matcher):
    day = day_of(
        matcher,
        ("walk", "Community walk", "Corner store or library; buy one item", "Thu"),
        ("in", "Check-in", "Goals for the day", "daily"),
        ("lunch", "Lunch", "", "daily"),
    )
    result = matcher.match("Will pay at the checkout with the next-dollar strategy on community trips.", day)
    assert matched(result) == {"walk"}


# -- 6. AAC blocks ------------------------------------------------------------------------------------------------
def test_aac_direct_selection_fits_the_block_done_on_aac(matcher):
    day = day_of(
        matcher,
        ("circle", "Morning circle", "Calendar; feelings check-in on AAC or choice board", "daily"),
        ("art", "Art", "", "Wed"),
        ("recess", "Recess", "", "daily"),
    )
    result = matcher.match("Will use direct selection on his speech-generating device to answer a question.", day)
    assert "circle" in matched(result) and "recess" not in matched(result)


def test_an_aac_device_as_a_writing_mode_stays_with_writing(matcher):
    day = day_of(
        matcher, ("circle", "Morning circle", "Calendar", "daily"), ("write", "Writer's Workshop", "", "daily")
    )
    result = matcher.match("Will compose a 3-sentence story using his AAC device as his writing mode.", day)
    assert "write" in matched(result) and "circle" not in matched(result)


# -- 7. community gyms are busy community places ------------------------------------------------------------------
def test_a_community_gym_is_a_busy_community_setting(matcher):
    day = day_of(
        matcher,
        ("gym", "Fitness", "Walk to Planet Fitness, locker room", "Tue/Thu"),
        ("store", "Store trip", "Grocery store", "Wed"),
        ("class", "Functional reading", "", "daily"),
    )
    result = matcher.match("Will stay in busy, loud community settings for 20 minutes using headphones.", day)
    assert {"gym", "store"} <= matched(result) and "class" not in matched(result)
