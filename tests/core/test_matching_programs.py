"""Program-specific days (Montessori, therapeutic, campus), writing by other means, group talk, busy places,
travel, job tasks, and goals written for places the day does not have.

Each test pairs what must not match with what still must. The sentences and schedules are written for these
tests.
"""

from __future__ import annotations

import pytest

from tests.core.matching_helpers import day_of, matched

MONTESSORI = (
    ("arr", "Arrival", "Greet the guide, hang coat", "daily"),
    ("line", "Line time", "", "daily"),
    ("cycle", "Morning work cycle", "", "daily"),
    ("out", "Prepare for outdoors", "", "daily"),
    ("play", "Outdoor environment", "", "daily"),
    ("lunch", "Lunch", "", "daily"),
)

THERAPEUTIC = (
    ("van", "Van arrival", "Breakfast in the room", "M-F"),
    ("circle", "Check-in circle", "Share a goal for the day", "M-F"),
    ("ela", "ELA", "", "M-F"),
    ("dbt", "DBT group", "", "M/W/F"),
    ("gym", "Gym", "Team games", "M-F"),
    ("cool", "Cool-down room", "", "M-F"),
    ("points", "Point sheet review", "", "M-F"),
)

CAMPUS = (
    ("bus", "Bus to campus", "", "Mon-Thu"),
    ("seminar", "Morning seminar", "Plan the day", "Mon-Thu"),
    ("laundry", "Internship: hotel laundry", "Sort, wash and fold linens", "Tue/Thu"),
    ("books", "Internship: campus bookstore", "Stock shelves, help customers", "M/W"),
    ("dining", "Dining hall", "Lunch with college peers", "Mon-Thu"),
    ("rec", "Fitness center", "Campus rec center", "M/W"),
    ("home", "Bus home", "", "Mon-Thu"),
)


# -- 1. program vocabulary ----------------------------------------------------------------------------------------
def test_a_montessori_work_cycle_is_fine_motor_and_carrying_work(matcher):
    day = day_of(matcher, *MONTESSORI)
    assert "cycle" in matched(matcher.match("Will pick up small beads with a pincer grasp and thread them.", day))
    assert "cycle" in matched(matcher.match("Will carry a tray with a work from the shelf to a table.", day))
    tidy = "Will put each work back on its shelf in order and keep his materials organized."
    assert "cycle" in matched(matcher.match(tidy, day))
    # the cycle is not where coats go on
    result = matcher.match("Will zip his coat and put on his boots.", day)
    assert "out" in matched(result) and "cycle" not in matched(result)


def test_line_time_is_a_group_gathering(matcher):
    day = day_of(matcher, *MONTESSORI)
    assert "line" in matched(matcher.match("Will stay in his spot with hands to self for large-group lessons.", day))


@pytest.mark.parametrize(
    ("block", "goal"),
    [
        (("Power hour", ""), "Will stay on task for 10 minutes during small-group intervention."),
        (("I/E block", "Reading groups"), "Will stay on task for 10 minutes during small-group intervention."),
        (("Chapel", "Whole school"), "Will use headphones to tolerate loud, crowded whole-school gatherings."),
        (("Pep rally", ""), "Will use headphones to tolerate loud, crowded whole-school gatherings."),
        (("Van loading", ""), "Will buckle his seat belt and ride the van to and from school."),
        (("Cool-down room", ""), "When upset, will request a break and go to the calm room."),
    ],
)
def test_local_names_for_blocks_are_known(matcher, block, goal):
    day = day_of(matcher, ("x", *block, "daily"), ("other", "Art", "Painting", "daily"))
    assert matched(matcher.match(goal, day)) == {"x"}


# -- 2. writing by other means ------------------------------------------------------------------------------------
def test_braille_and_keyboard_writing_fit_the_writing_blocks(matcher):
    day = day_of(
        matcher,
        ("phonics", "Phonics", "Dictation", "daily"),
        ("braille", "Braille with TVI", "", "daily"),
        ("recess", "Recess", "", "daily"),
        ("lunch", "Lunch", "", "daily"),
    )
    result = matcher.match("Will press the braille writer's keys with isolated finger presses and even force.", day)
    assert {"phonics", "braille"} <= matched(result) and not matched(result) & {"recess", "lunch"}
    writing = day_of(matcher, ("ws", "Writer's workshop", "", "daily"), ("pe", "PE", "", "daily"))
    typed = matcher.match("Using a keyboard as his primary writing mode, will compose a 5-sentence paragraph.", writing)
    assert matched(typed) == {"ws"}


# -- 3. group discussion ------------------------------------------------------------------------------------------
def test_a_discussion_goal_fits_the_group_talk_blocks(matcher):
    day = day_of(matcher, *THERAPEUTIC)
    result = matcher.match("Will wait for a pause before speaking and make on-topic comments.", day)
    assert {"circle", "dbt"} <= matched(result) and not matched(result) & {"gym", "van", "cool"}


# -- 4. busy places, the cool-down room ------------------------------------------------------------------------
def test_busy_places_a_goal_lists_are_the_blocks_that_are_such_places(matcher):
    day = day_of(matcher, *CAMPUS)
    result = matcher.match(
        "In busy places such as the dining hall at rush and the rec center, will use noise-reducing headphones.", day
    )
    assert {"dining", "rec"} <= matched(result) and not matched(result) & {"laundry", "seminar"}


def test_a_break_request_goal_is_done_in_the_cool_down_room(matcher):
    day = day_of(matcher, *THERAPEUTIC)
    assert "cool" in matched(matcher.match("When frustrated, will ask for a break and use the cool-down room.", day))


# -- 5. time and travel --------------------------------------------------------------------------------------------
def test_travel_goals_fit_the_travel_blocks(matcher):
    day = day_of(matcher, *CAMPUS)
    result = matcher.match("Will arrive on time at each scheduled place, using phone alarms.", day)
    assert {"bus", "home"} <= matched(result) and "laundry" not in matched(result)
    bus = matcher.match("Will ride the city bus between home and campus, paying the fare.", day)
    assert {"bus", "home"} <= matched(bus)


# -- 6. job tasks ----------------------------------------------------------------------------------------------------
def test_a_job_task_fits_the_site_that_does_it_not_every_site(matcher):
    day = day_of(matcher, *CAMPUS)
    result = matcher.match("Will fold towels into thirds to the employer's standard.", day)
    assert matched(result) == {"laundry"}
    # the generic work skill still finds every job site
    assert {"laundry", "books"} <= matched(matcher.match("Will keep a steady work pace for a full shift.", day))


def test_a_job_at_a_site_the_program_does_not_have_is_never_in_class(matcher):
    day = day_of(matcher, *CAMPUS)
    assert matcher.match("Will run the dish machine at his restaurant job site.", day).never_in_class


# -- 7. a named outside place ---------------------------------------------------------------------------------------
@pytest.mark.parametrize(
    "goal",
    [
        "Will make an appointment by calling the doctor's office and giving his date of birth.",
        "Will change into a swimsuit and enter the pool for swim lessons.",
        "Will show his goat at the county fair, leading it around the show ring.",
    ],
)
def test_a_goal_for_a_place_the_day_does_not_have_is_never_in_class(matcher, goal):
    day = day_of(matcher, *THERAPEUTIC, ("arr", "Arrival & morning tubs", "", "daily"))
    assert matcher.match(goal, day).never_in_class


def test_a_named_place_the_day_has_still_matches(matcher):
    day = day_of(matcher, ("swim", "Adapted aquatics", "At the high school pool", "Fri"), ("math", "Math", "", "daily"))
    assert matched(matcher.match("Will change into a swimsuit and enter the pool for swim lessons.", day)) == {"swim"}


def test_a_device_the_goal_names_goes_with_the_student(matcher):
    """A tablet or an AAC device is not a place: a day with no computer block still has the goal's block."""
    day = day_of(matcher, ("fa", "Functional academics", "Reading signs and menus, time, calendar", "daily"),
                 ("voc", "Vocational tasks", "Folding towels, sorting mail", "daily"))
    goal = "Given her ID card, Lena will fill in an online job application form on a tablet with 90% of fields correct."
    assert matched(matcher.match(goal, day)) == {"fa"}


def test_a_dining_hall_is_where_students_eat(matcher):
    day = day_of(matcher, *CAMPUS)
    assert "dining" in matched(matcher.match("Will open his food containers and eat lunch within 25 minutes.", day))


# -- 8. routes through places ---------------------------------------------------------------------------------------
def test_a_route_through_a_place_is_not_what_is_done_there(matcher):
    day = day_of(
        matcher,
        ("lunch", "Lunch", "Cafeteria", "daily"),
        ("pe", "PE", "Gym", "daily"),
        ("om", "O&M", "Cane lesson with the COMS", "Tue"),
        ("hall", "Passing time", "", "daily"),
    )
    result = matcher.match("Will walk routes through the cafeteria and past the gym using his long cane.", day)
    assert "om" in matched(result) and not matched(result) & {"lunch", "pe"}
    # in the cafeteria, the cafeteria's task is done
    assert "lunch" in matched(matcher.match("In the cafeteria, will carry his tray to a table.", day))


# -- 9. a named setting narrows --------------------------------------------------------------------------------------
def test_an_attention_goal_in_small_group_reading_stays_there(matcher):
    day = day_of(
        matcher,
        ("guided", "Guided reading", "Teacher table", "daily"),
        ("mm", "Morning meeting", "", "daily"),
        ("recess", "Recess", "", "daily"),
        ("specials", "Specials", "", "daily"),
    )
    result = matcher.match("During small-group reading instruction, will stay on task for 10 minutes.", day)
    assert matched(result) == {"guided"}


# -- 10. far-point copying ------------------------------------------------------------------------------------------
def test_copying_from_the_board_fits_where_work_is_posted_not_every_arrival(matcher):
    day = day_of(
        matcher,
        ("bus", "Bus arrival & breakfast", "", "daily"),
        ("bell", "Bell work", "Copy the warm-up from the board", "daily"),
        ("ann", "Morning announcements", "", "daily"),
        ("pack", "Pack-up", "Agenda in planners", "daily"),
    )
    result = matcher.match("Will copy 10 words from the whiteboard using far-point copying.", day)
    assert {"bell", "pack"} <= matched(result) and not matched(result) & {"bus", "ann"}
