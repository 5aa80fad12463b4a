"""What a block's words and a goal's words mean in context: class periods, devices, listed materials, settings
named in pairs or lists, regulation goals, things a block only mentions, and words with two senses.

Each test pairs a case that used to go wrong with one showing the right sense still works, so that a fix for
one cannot quietly remove the other. The sentences and schedules are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.matching_helpers import day_of, matched

# A middle-school schedule: numbered periods, a co-taught class, a language, a rotation, and non-class blocks.
PERIODS = (
    ("home", "Homeroom", "Attendance and announcements", "daily", "7:40", "7:55"),
    ("p1", "P1 Math 8", "", "M-F", "8:00", "8:50"),
    ("p2", "P2 Science (co-taught)", "Labs on Fridays", "M-F", "8:55", "9:45"),
    ("p3", "P3 ELA", "Novel study and essays", "M-F", "9:50", "10:40"),
    ("pass", "Passing time", "", "daily", "", ""),
    ("lunch", "Lunch", "", "daily", "10:45", "11:15"),
    ("p5", "P5 Spanish", "", "M-F", "12:15", "1:05"),
    ("out", "Bus / locker", "Grab Chromebook and coat from the locker", "daily", "3:00", "3:10"),
)


# -- 1. "each class": the class blocks --------------------------------------------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "Before leaving each class, will write his assignments in his planner.",
        "At the end of every class period, will record the homework in her agenda.",
        "Will write the homework in his planner in all of his classes.",
        "Will copy the assignment into his planner in 4 of 5 classes.",
    ],
)
def test_a_goal_for_each_class_is_matched_to_the_class_periods(matcher, goal):
    result = matcher.match(goal, day_of(matcher, *PERIODS))
    assert not result.never_in_class
    assert {"p1", "p3", "p5"} <= matched(result)
    assert not matched(result) & {"lunch", "pass", "out"}


def test_the_class_as_people_is_not_the_class_blocks(matcher):
    day = day_of(matcher, *PERIODS)
    # "with his class" is the students; the goal is about lining up, which passing time is for
    result = matcher.match("Will walk in line with his class to lunch without leaving the line.", day)
    assert "pass" in matched(result)
    assert not matched(result) & {"p1", "p3", "p5"}


# -- 2. a device named in a block: typing happens there when the block writes ----------------------------------
DEVICES = (
    ("write", "Writing", "Drafting on Chromebooks", "M-F"),
    ("ela", "ELA 6", "Assignments in Google Classroom", "M-F"),
    ("math", "Math", "Lesson, then IXL on Chromebooks", "M-F"),
    ("lunch", "Lunch", "", "daily"),
)


def test_typing_happens_where_writing_is_done_on_a_device(matcher):
    result = matcher.match("Will type 20 words per minute using home-row keys.", day_of(matcher, *DEVICES))
    assert matched(result) == {"write", "ela"}  # math practice on an app is not typing


def test_a_device_at_the_locker_is_carried_not_used(matcher):
    day = day_of(matcher, *PERIODS)
    for goal in ("Will log in to his Chromebook with his password.", "Given a Chromebook, will complete written work."):
        assert "out" not in matched(matcher.match(goal, day))
    # where the device is taken out to be used, it counts
    used = day_of(matcher, ("am", "Morning work", "Grab Chromebook and log in to i-Ready", "M-F"))
    assert "am" in matched(matcher.match("Will log in to his Chromebook with his password.", used))


# -- 3. what listed materials and a setting imply ------------------------------------------------------------
def test_listed_materials_say_what_a_block_is_for(matcher):
    day = day_of(
        matcher,
        ("arr", "Arrival", "Unpack, morning tubs (pattern blocks, tangrams)", "daily"),
        ("stem", "STEM lab", "Design challenges", "Fri"),
        ("rec", "Recess", "", "daily"),
        ("read", "Read aloud", "", "daily"),
    )
    assert matched(matcher.match("Will copy a tangram design from a picture card.", day)) == {"arr"}
    assert "stem" in matched(matcher.match("Will work with a group to build a bridge that holds 10 pennies.", day))
    noise = matcher.match("Will stay with peers in loud, crowded places using a coping strategy.", day)
    assert "rec" in matched(noise) and "read" not in matched(noise)


# -- 4. settings named in pairs and lists -----------------------------------------------------------------------
def test_each_setting_a_goal_names_counts(matcher):
    day = day_of(
        matcher,
        ("in", "Check-in", "With the counselor", "daily"),
        ("math", "Math", "", "daily"),
        ("outb", "Check-out", "Point sheet home", "daily"),
    )
    result = matcher.match("Will rate his zone and set a goal at check-in and check-out.", day)
    assert matched(result) == {"in", "outb"}
    listed = day_of(
        matcher,
        ("arr", "Arrival", "", "daily"),
        ("lunch", "Lunch", "", "daily"),
        ("dis", "Dismissal", "", "daily"),
        ("sci", "Science", "", "daily"),
    )
    result = matcher.match("Will check his visual schedule at arrival, lunch and dismissal.", listed)
    assert {"arr", "lunch", "dis"} <= matched(result) and "sci" not in matched(result)


# -- 5. regulation and attention goals stay where they have a natural place --------------------------------------
MIXED = (
    ("cal", "Calendar math", "On the carpet", "daily"),
    ("calm", "Calm corner", "Breathing and heavy work before lunch", "daily"),
    ("sci", "Co-taught science", "Investigations", "M-Th"),
    ("arts", "Related arts", "Art, music, PE", "M-F"),
    ("life", "Life skills", "Cooking and laundry", "Fri"),
    ("write", "Writing", "Independent drafting", "M-F"),
    ("rec", "Recess", "Playground, freeze dance on rainy days", "daily"),
)


def test_a_zone_rating_goal_is_not_spread_over_the_day(matcher):
    result = matcher.match("Will rate her zone on a 5-point scale and pick a calming tool.", day_of(matcher, *MIXED))
    assert matched(result) == {"calm"}
    assert "rulers, protractors and tape measures" not in result.skills  # a feelings scale is not a ruler


def test_heavy_work_examples_are_not_a_fitness_goal(matcher):
    day = day_of(matcher, *MIXED)
    result = matcher.match("Will use heavy work (wall push-ups, carrying books) to stay regulated.", day)
    assert matched(result) == {"calm"}
    assert "pe" not in {p.routine_id for p in result.matches}
    fitness = day_of(matcher, ("pe", "PE", "", "M-F"), ("math", "Math", "", "M-F"))
    assert matched(matcher.match("Will do 10 push-ups and hold a plank for 30 seconds.", fitness)) == {"pe"}


def test_an_independent_work_goal_goes_to_independent_work(matcher):
    day = day_of(matcher, *MIXED)
    result = matcher.match("After a movement break, will finish independent work for 10 minutes.", day)
    assert matched(result) == {"write"}  # not calendar math on the carpet, the specials, or recess


# -- 6. a thing a block mentions is not a skill it calls for ------------------------------------------------------
def test_incidental_things_in_a_block_do_not_call_for_a_skill(matcher):
    day = day_of(
        matcher,
        ("math", "Math", "Place value with straws and whiteboards", "M-F"),
        ("pack", "Pack up", "Lunchbox and folder in the backpack", "daily"),
        ("lunch", "Lunch", "", "daily"),
        ("write", "Writing", "Journals", "M-F"),
        ("sup", "Study skills", "Clean out binder, planner check", "M-F"),
    )
    assert matched(matcher.match("Will open his juice box and insert the straw.", day)) == {"lunch"}
    assert matched(matcher.match("Will form lowercase letters on the line.", day)) == {"write"}
    binder = matcher.match("Will clean out his binder and file loose papers weekly.", day)
    assert "sup" in matched(binder)
    assert "cleaning (wiping, sweeping, dishes)" not in binder.skills
    # a material that the block's activity does use still counts
    snack = day_of(matcher, ("snack", "Snack", "Juice boxes and straws", "daily"))
    assert "snack" in matched(matcher.match("Will open his juice box and insert the straw.", snack))


# -- 7. words in the right sense ----------------------------------------------------------------------------------
SENSES = (
    ("shop", "Tech ed", "Woodworking projects", "M-F"),
    ("lab", "Science lab", "Pipettes and graduated cylinders", "Tue"),
    ("facs", "FACS", "Kitchen labs, recipes", "Thu"),
    ("story", "Story & songs", "", "daily"),
    ("music", "Music", "Rhythm instruments", "Wed"),
    ("pack", "Pack up", "Coats and backpacks", "daily"),
    ("rec", "Recess", "", "daily"),
    ("pe", "PE", "Change shoes and clothes in the locker room", "M/W/F"),
)


def test_hand_tools_go_to_the_shop_and_lab_tools_to_the_lab(matcher):
    day = day_of(matcher, *SENSES)
    assert matched(matcher.match("Will use a hammer, a screwdriver and a tape measure.", day)) == {"shop"}
    assert matched(matcher.match("Will measure 10 mL with a pipette during labs.", day)) == {"lab"}
    assert "facs" in matched(matcher.match("Will level a measuring cup of flour for a recipe.", day))


def test_tying_shoes_is_not_putting_on_a_coat(matcher):
    day = day_of(matcher, *SENSES)
    assert matched(matcher.match("Will tie his shoelaces in a double knot.", day)) == {"pe"}
    assert {"pack", "rec"} <= matched(matcher.match("Will zip his coat and put on his hat.", day))


def test_an_instrument_is_music_class_not_songs_at_story_time(matcher):
    day = day_of(matcher, *SENSES)
    assert matched(matcher.match("Will play a rhythm instrument with a steady beat.", day)) == {"music"}


def test_a_block_of_a_block_schedule_is_a_class_and_blocks_are_for_building(matcher):
    day = day_of(
        matcher,
        ("b1", "Block 1", "Biology", "M-F"),
        ("b2", "Block 2", "English 10", "M-F"),
        ("lunch", "Lunch", "", "M-F"),
        ("build", "Centers", "Blocks and puzzles", "Fri"),
    )
    result = matcher.match("At the end of each block, will write the homework in his planner.", day)
    assert {"b1", "b2"} <= matched(result) and not matched(result) & {"lunch", "build"}
    assert matched(matcher.match("Will stack 6 blocks into a tower.", day)) == {"build"}


def test_a_task_a_block_names_in_one_word_still_counts(matcher):
    day = day_of(matcher, ("mm", "Morning meeting", "Greeting, then a handwriting warm-up", "daily"))
    assert "mm" in matched(matcher.match("Will form lowercase letters with correct size.", day))


def test_practical_life_work_is_pouring_and_fastening(matcher):
    day = day_of(
        matcher,
        ("cycle", "Morning work cycle", "Practical life shelf, dressing frames, sensorial", "daily"),
        ("out", "Outdoor environment", "", "daily"),
    )
    assert matched(matcher.match("Will pour water from a small pitcher into a cup without spilling.", day)) == {"cycle"}
    # a spoon in a feeding goal is not practical-life work
    assert "cycle" not in matched(matcher.match("Will use a spoon to eat yogurt, scooping without spilling.", day))


def test_after_each_class_is_the_end_of_the_class_but_after_each_meal_is_after_it(matcher):
    result = matcher.match("After each class, will write the homework in his planner.", day_of(matcher, *PERIODS))
    assert {"p1", "p3", "p5"} <= matched(result)
    meals = day_of(
        matcher,
        ("bk", "Breakfast", "", "daily", "8:00", "8:20"),
        ("lunch", "Lunch", "", "daily", "11:00", "11:30"),
        ("care", "Hygiene", "Brush teeth, wash face", "daily", "11:35", "11:50"),
    )
    result = matcher.match("After each meal, will brush his teeth for two minutes.", meals)
    assert "care" in matched(result) and not matched(result) & {"bk", "lunch"}


def test_a_goal_that_stops_a_preferred_activity_finds_choice_time(matcher):
    day = day_of(
        matcher, ("choice", "Choice time", "Blocks, iPads, play kitchen", "daily"), ("math", "Math", "", "daily")
    )
    assert matched(matcher.match("Will stop choice time when the timer rings and join the line.", day)) == {"choice"}


def test_academic_classes_are_the_core_subjects_and_each_class_is_every_class(matcher):
    day = day_of(
        matcher,
        ("ela", "ELA", "", "M-F"),
        ("sci", "Science", "", "M-F"),
        ("pe", "PE", "", "M-F"),
        ("art", "Art", "", "M-F"),
        ("lunch", "Lunch", "", "M-F"),
    )
    academic = matcher.match("Will use a self-monitoring checklist to stay on task during academic blocks.", day)
    assert matched(academic) == {"ela", "sci"}
    every = matcher.match("At the start of each class, will take out the materials the class needs.", day)
    assert {"ela", "sci", "pe", "art"} <= matched(every) and "lunch" not in matched(every)
