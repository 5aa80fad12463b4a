"""Words in the right sense: what a goal's words mean depends on the words around them and on the block.

Each test pairs a sentence where a word must not be read as a skill (or a block) with one where it must,
so that a fix for one sense cannot quietly remove the other. The sentences and schedules are written for
these tests.
"""

from __future__ import annotations

import pytest

from goalwriter.core.matching import GoalMatch
from tests.core.matching_helpers import day_of, matched


def scores(result: GoalMatch) -> dict[object, float]:
    return {p.routine_id: p.score for p in result.scores}


ATTENDING = "staying with the group during lessons"


# -- 1. a word in the wrong sense -------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("wrong", "right", "skill"),
    [
        # short stems: "tap" is not "tape", "hope" is not "hop" (and "not" is not "note", below)
        ("Will tap his ID badge on the reader.", "Will tape the corners of her poster.",
         "gluing, taping and assembling"),
        ("Will name one thing he hopes to do.", "Will hop on one foot five times.", "jumping, hopping and skipping"),
        # materials and supports, not the skill
        ("Will draw letters in shaving cream.", "Will apply deodorant and comb her hair.", "grooming and hygiene"),
        ("Will rest in the bean bag chair.", "Will toss a bean bag into a bucket.", "ball skills"),
        ("Given a glue stick with the lid off, will glue 5 pictures.", "Will open the lid of his thermos.",
         "opening containers and packages"),
        ("Given a zip bag of letter tiles, will spell his name.", "Will zip his jacket.", "fasteners"),
        ("With a wipe available, will eat his snack.", "Will flush and wipe after toileting.", "toileting"),
        ("Will throw away his trash after lunch.", "Will throw a ball overhand to a target.", "ball skills"),
        # a verb form with its own meaning
        ("Will follow his food-chaining plan at snack.", "Will use planning to finish a long-term project.",
         "organizing materials (executive function)"),
        ("Will sit on the toilet for 2 minutes.", "Will sit in his spot on the carpet.", ATTENDING),
        ("Will complete a 4-piece inset puzzle.", "Will remain in seat for the lesson.", ATTENDING),
        ("Will carry his tray and find a seat.", "Will stay seated for the whole lesson.", ATTENDING),
        ("Will sew a running stitch on a sewing card.", "Will jump and land on two feet.",
         "jumping, hopping and skipping"),
        ("Will wear headphones for the whole lunch period.", "Will finish eating his lunch in 20 minutes.",
         "eating and mealtime skills"),
    ],
)
def test_a_word_is_read_in_its_sense(matcher, wrong, right, skill):
    day = matcher.prepare([])
    assert skill not in matcher.match(wrong, day).skills
    assert skill in matcher.match(right, day).skills


def test_a_dead_mans_goal_does_not_match_note_taking(matcher):
    day = day_of(matcher, ("sci", "Science", "Guided notes and labs", "M-F"), ("rec", "Recess", "", "daily"))
    assert matched(matcher.match("Will not yell out in class.", day)) == set()


def test_projected_slides_are_neither_crafts_nor_the_playground(matcher):
    day = day_of(
        matcher,
        ("art", "Art projects", "collage and crafts", "Fri"),
        ("out", "Recess", "Slides and swings", "daily"),
        ("sci", "Science", "Notes from the projector", "M-F"),
    )
    assert matched(matcher.match("Will copy notes from projected slides.", day)) == {"sci"}
    assert matched(matcher.match("Will glue the pieces of a craft project.", day)) == {"art"}


def test_dotted_initialisms_are_one_word(matcher):
    day = day_of(matcher, ("pe", "P.E.", "", "Tue,Thu"), ("math", "Math", "", "M-F"))
    assert matched(matcher.match("Will catch a playground ball with two hands.", day)) == {"pe"}
    # the words a block was recognised by point into its own name
    named = day_of(matcher, ("h", "Health: P.E. on Fridays", "", "M-F"))
    text, start, end = named.sources[0][matcher.compiled.activity_index["pe"]][:3]
    assert text[start:end] == "P.E"
    reading = day_of(matcher, ("dear", "D.E.A.R.", "", "daily"), ("lunch", "Lunch", "", "daily"))
    assert matched(matcher.match("Will stay on task during independent work for 10 minutes.", reading)) == {"dear"}


def test_a_skill_named_only_in_the_condition_counts_less(matcher):
    day = day_of(
        matcher, ("lunch", "Lunch", "", "daily"), ("ww", "Word work", "letter tiles, word building", "M-F")
    )
    behavior = matcher.match("Given a zip-top bag, will build 5 words with magnetic letters.", day)
    assert "lunch" not in matched(behavior) and "ww" in matched(behavior)
    # the same material named as what the student does keeps its full weight
    assert "lunch" in matched(matcher.match("Will open a zip-top bag and his yogurt tube.", day))


def test_a_tool_in_the_condition_does_not_outweigh_the_behavior(matcher):
    day = day_of(
        matcher, ("write", "Writing", "journals", "M-F"), ("art", "Art", "painting and drawing", "Wed")
    )
    result = matcher.match("Using a pencil grip, will write 3 sentences on the lines.", day)
    assert matched(result) == {"write"}
    assert "art" in matched(matcher.match("Will hold a marker with a tripod grasp.", day))


# -- 2. one topic word should not pull in every block --------------------------------------------------------
PE_DAY = (
    ("home", "Homeroom", "Attendance, lockers", "daily", "7:40", "7:55"),
    ("pe", "PE", "Gym", "M/W/F", "8:00", "8:45"),
    ("care", "Personal care", "", "M/W/F", "8:50", "9:05"),
    ("health", "Health", "Hygiene and nutrition unit", "Tue,Thu", "8:00", "8:45"),
    ("math", "Math", "", "daily", "9:10", "10:00"),
    ("out", "Dismissal", "Lockers, then buses", "daily", "2:30", "2:45"),
)


def test_a_goal_timed_by_a_block_favours_it_and_the_block_after_it(matcher):
    day = day_of(matcher, *PE_DAY)
    result = matcher.match("After PE, will apply deodorant and put his gym clothes in his locker.", day)
    assert "care" in matched(result)
    assert not matched(result) & {"home", "out", "health"}  # lockers and a hygiene unit are not after PE
    # without the time, the blocks with lockers count more
    untimed = scores(matcher.match("Will apply deodorant and put his gym clothes in his locker.", day))
    timed = scores(result)
    assert untimed["home"] > timed["home"] and untimed["out"] > timed["out"]


def test_without_times_the_next_row_comes_right_after(matcher):
    day = day_of(
        matcher,
        ("care1", "Personal care", "", "daily"),
        ("pe", "Adapted PE", "", "daily"),
        ("care2", "Personal care", "", "daily"),
        ("math", "Math", "", "daily"),
    )
    assert matched(matcher.match("After PE, will apply deodorant and comb his hair.", day)) == {"care2"}
    assert matched(matcher.match("Before PE, will apply sunscreen.", day)) == {"care1"}


def test_a_block_that_says_when_it_is_counts_as_that_time(matcher):
    day = day_of(
        matcher,
        ("pe", "PE", "", "M/W/F", "8:00", "8:45"),
        ("lunch", "Lunch", "", "daily", "11:00", "11:30"),
        ("care", "Hygiene", "Showers after PE", "M/W/F", "1:00 pm", "1:20 pm"),
        ("apt", "Apartment", "Grooming practice", "Tue", "1:00 pm", "1:20 pm"),
    )
    result = matcher.match("After PE, will shower and comb his hair.", day)
    assert "care" in matched(result) and "apt" not in matched(result)
    assert "apt" in matched(matcher.match("Will shower and comb his hair.", day))


def test_a_class_about_a_topic_is_not_where_it_is_done(matcher):
    day = day_of(matcher, *PE_DAY)
    result = matcher.match("Will apply deodorant and wash his face.", day)
    assert "care" in matched(result)
    assert "health" not in matched(result)
    unit = day_of(matcher, ("sci", "Science", "Cooking chemistry unit", "M-F"), ("fcs", "Foods", "Kitchen labs", "Fri"))
    assert matched(matcher.match("Will follow a picture recipe to make a snack.", unit)) == {"fcs"}


def test_laundry_and_bed_making_are_different_tasks(matcher):
    day = day_of(
        matcher,
        ("laundry", "Laundry", "Wash and fold towels for the nurse", "Tue,Thu"),
        ("apt", "Apartment skills", "Bed making, vacuuming", "Mon,Wed"),
    )
    assert matched(matcher.match("Will make her bed with a fitted sheet and pillowcase.", day)) == {"apt"}
    assert "laundry" in matched(matcher.match("Will fold 20 towels in thirds.", day))


# -- 3. "possible" fits stay possible -------------------------------------------------------------------------
def test_a_device_in_the_goal_is_not_the_skill(matcher):
    day = day_of(
        matcher,
        ("math", "Math workshop", "Lesson, then practice apps on iPads", "M-F"),
        ("read", "Guided reading", "Raz-Kids while the teacher meets groups", "M-F"),
        ("lab", "Computer lab", "Typing program", "Wed"),
    )
    assert matched(matcher.match("Will type 15 words per minute on his Chromebook.", day)) == {"lab"}
    login = matcher.match("Will log in to his iPad with a 4-digit PIN.", day)
    assert {"math", "lab"} <= matched(login)


def test_a_component_alone_matches_where_it_is_the_activity(matcher):
    day = day_of(
        matcher,
        ("craft", "Art projects", "cut and paste, collage", "Fri"),
        ("lab", "Science lab", "Measuring and pouring", "Tue"),
        ("steam", "Art/STEAM", "", "Thu"),
        ("rec", "Recess", "", "daily"),
    )
    result = matcher.match("Will use bilateral coordination, holding the paper with his helper hand.", day)
    assert matched(result) == {"craft"}


def test_pouring_belongs_to_kitchens_and_cafes_not_to_tech_ed(matcher):
    day = day_of(
        matcher,
        ("tech", "Tech Ed", "Robotics and design", "M-F"),
        ("cook", "Cooking", "", "Wed"),
        ("cart", "Coffee cart", "Orders from staff", "Tue,Thu"),
    )
    assert matched(matcher.match("Will pour water from a pitcher without spilling.", day)) == {"cook", "cart"}


# -- 4. transitions and regulation stay where they happen ---------------------------------------------------
def test_structured_work_stations_are_not_choice_time(matcher):
    day = day_of(
        matcher,
        ("work", "Work stations", "TEACCH work system: task boxes left to right", "daily"),
        ("choice", "Choice time", "Trains, iPad, blocks", "daily"),
    )
    assert matched(matcher.match("Will stop a preferred activity when the timer rings.", day)) == {"choice"}
    assert "work" in matched(matcher.match("Will complete 3 task boxes during independent work.", day))


def test_a_feelings_lesson_is_not_calm_down_time(matcher):
    day = day_of(
        matcher,
        ("circle", "Morning circle", "Greeting, feelings check-in", "daily"),
        ("adv", "Advisory", "Second Step lesson", "Wed"),
        ("calm", "Calm corner", "Breathing and sensory tools", "daily"),
    )
    assert matched(matcher.match("Will use a calming strategy when frustrated.", day)) == {"calm"}
    assert "circle" in matched(matcher.match("Will name his feelings using a feelings chart.", day))


def test_a_walking_in_line_goal_is_about_moving_between_rooms(matcher):
    day = day_of(
        matcher,
        ("centers", "Centers", "Rotations every 15 minutes", "daily"),
        ("line", "Line up for specials", "Walk to the gym or art room", "daily"),
        ("halls", "Passing periods", "", "daily"),
    )
    result = matcher.match("Will walk in line behind a peer without touching others in 4 of 5 transitions.", day)
    assert matched(result) == {"line", "halls"}


# -- 5. words schools use ---------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("block", "goal"),
    [
        (("Coffee cart", "Take orders, brew, deliver to classrooms"), "Will greet customers and take their orders."),
        (("Coffee cart", ""), "Will pour a cup of coffee to the line without spilling."),
        (("Indoor recess", "Connect 4, Jenga, Legos"), "Will build a 20-piece Lego model from a picture."),
        (("Play centers", "Lite-Brite, Play-Doh, trains"), "Will push pegs into a Lite-Brite board."),
        (("Arrival", "Sign in on the clipboard, unpack"), "Will write his first name with correct letter formation."),
        (("Arrival", "Unpack, turn in homework folder"), "Will keep his folders and binder organized."),
        (("DEAR", "Drop everything and read"), "Will stay on task during independent work for 15 minutes."),
        (("Recess", ""), "Will move to the next activity within 2 minutes of a cue."),
        (("Encore", "PE Mon/Thu, Art Tue, Music Wed"), "Will wear headphones in loud, crowded places."),
        (("Vocational", "Recycling route and mail delivery"), "Will deliver mail to 5 classrooms."),
        (("Leisure", "Card games and board games"), "Will shuffle and deal cards for a game with a peer."),
    ],
)
def test_school_words_find_their_blocks(matcher, block, goal):
    day = day_of(matcher, ("x", *block, "daily"), ("other", "Morning meeting", "", "daily"))
    assert matched(matcher.match(goal, day)) == {"x"}
