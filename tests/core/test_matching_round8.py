"""Round 8: programs for students with severe and multiple disabilities (switches, standers, positioning and transfers,
sensory stories, range of motion, feeding plans, music therapy), goals for places a class day does not have (the bus,
an auto shop, the pool), and shared words that do not make a fit.

Each test pairs what must not match with what still must. The sentences and schedules are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.matching_helpers import day_of, matched

# a day in a class for students with severe and multiple disabilities
SEVERE = (
    ("arrive", "Arrival", "Off the van, coats off, backpacks hung", "daily"),
    ("circle", "Morning circle", "Greeting song, weather, calendar", "daily"),
    ("switch", "Switch time", "BIGmack and step-by-step turns, switch-adapted toys, the art spinner", "daily"),
    ("stander", "Standing frame", "Tray activities while standing", "daily"),
    ("position", "Positioning", "Out of wheelchairs onto the mat table, Rifton chairs, side-lyer; Hoyer lift", "daily"),
    ("story", "Sensory story", "An object, a texture or a smell for each page", "daily"),
    ("mats", "Mat time", "Stretches and range of motion per PT plan, recline", "daily"),
    ("lunch", "Lunch", "Feeding plans", "daily"),
    ("music", "Music therapy", "Drums, shakers and switches with the music therapist", "tue"),
    ("change", "Changing", "Changing table", "daily"),
    ("leisure", "Leisure", "Switch-adapted fan and bubble machine", "daily"),
    ("outing", "Community outing", "Van to the grocery store", "fri"),
)


# -- A. severe and multiple disabilities ------------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("goal", "where"),
    [
        ("Will press a single switch to start a song on 4 of 5 opportunities.", {"switch"}),
        ("Will hold her head in midline for 3 minutes while in the stander.", {"stander"}),
        ("Will bear weight through both feet in his standing frame for 20 minutes.", {"stander"}),
        ("Will help with a stand-pivot transfer from his wheelchair by bearing weight.", {"position", "change"}),
        ("Will tolerate passive range of motion to both arms without crying.", {"mats"}),
        ("Will reach across midline to activate a switch with her left hand.", {"switch", "stander", "leisure"}),
        ("Will take a turn with a step-by-step switch to join a song with the music therapist.", {"music"}),
        ("Will accept purees from a spoon following her feeding plan.", {"lunch"}),
        ("Will touch a new texture during a sensory story without pulling her hand away.", {"story"}),
    ],
)
def test_a_severe_needs_classroom_has_places_for_its_goals(matcher, goal, where):
    found = matched(matcher.match(goal, day_of(matcher, *SEVERE)))
    assert where <= found


def test_a_transfer_is_not_getting_around_the_building(matcher):
    goal = "Will help with a stand-pivot transfer from his wheelchair to the mat table."
    found = matched(matcher.match(goal, day_of(matcher, *SEVERE)))
    assert {"position", "change"} <= found
    assert not found & {"arrive", "outing"}


def test_a_stairs_still_go_where_the_class_walks(matcher):
    goal = "Will climb the stairs to the second floor holding the rail, alternating feet."
    found = matched(matcher.match(goal, day_of(matcher, *SEVERE)))
    assert "arrive" in found


def test_a_switch_in_a_regular_day_is_still_a_change_of_activity(matcher):
    day = day_of(
        matcher,
        ("centers", "Centers", "Rotate every 15 minutes", "daily"),
        ("math", "Math", "", "daily"),
    )
    goal = "Will switch activities when the timer rings without protest in 4 of 5 transitions."
    result = matcher.match(goal, day)
    assert "using a switch (cause and effect, scanning)" not in result.skills
    assert "centers" in matched(result)


# -- B. goals for places a class day does not have -----------------------------------------------------------------
# a high school life-skills day: a closing circle that only says the class leaves by bus, a welding shop, PE in the gym
HIGH = (
    ("arrive", "Arrival", "Hang coats and backpacks", "daily"),
    ("recess", "Break outside", "Playground and climbing structure", "daily"),
    ("weld", "Welding", "Shop safety, tools and PPE", "daily"),
    ("ape", "Adapted PE", "Gym: scooters, balls, parachute", "daily"),
    ("choice", "Choice time", "Preferred activities", "daily"),
    ("close", "Closing circle", "Dismissal by bus", "daily"),
)


@pytest.mark.parametrize(
    "goal",
    [
        "Will climb the bus steps, find his seat and buckle his lap belt with one prompt.",
        "Will loosen and tighten lug nuts with a ratchet on the training wheel in the auto tech lab.",
        "Will tolerate water on her face and kick across the pool with a flotation belt in aquatic PE.",
    ],
)
def test_b_a_place_the_day_does_not_have_is_never_in_class(matcher, goal):
    result = matcher.match(goal, day_of(matcher, *HIGH))
    assert not result.matches
    assert result.never_in_class


def test_b_the_places_still_carry_their_goals(matcher):
    day = day_of(
        matcher,
        *HIGH,
        ("bus", "Bus ride", "Van to the work site", "daily"),
        ("auto", "Auto shop", "Tires and brakes", "daily"),
        ("pool", "Aquatics", "Community pool", "wed"),
    )
    assert "bus" in matched(matcher.match("Will climb the bus steps and buckle his lap belt.", day))
    assert "auto" in matched(matcher.match("Will loosen lug nuts with a ratchet.", day))
    assert "pool" in matched(matcher.match("Will kick with a flotation belt for 10 meters.", day))
    assert "recess" in matched(matcher.match("Will climb the ladder of the climbing structure on his own.", day))
    assert "ape" in matched(matcher.match("Will kick a rolling ball to a peer in PE.", day))
    assert "weld" in matched(matcher.match("Will use hand tools safely and put them away.", day))


def test_b_training_is_not_a_train(matcher):
    day = day_of(
        matcher, ("job", "Job training", "School store", "daily"), ("train", "Travel training", "City bus", "daily")
    )
    result = matcher.match("Will complete job training tasks for 20 minutes with one break.", day)
    assert "riding public transportation" not in result.skills
    assert "train" in matched(matcher.match("Will pay the fare and ride the train to the stop.", day))


# -- C. shared words that do not make a fit ------------------------------------------------------------------------
# a grade 3 day with a class meeting that reviews points, hallway restrooms, rest with quiet music and locker stops
GRADE3 = (
    ("arrive", "Arrival", "Unpack, morning work", "daily"),
    ("meeting", "Class meeting", "Review points and goals for the week", "daily"),
    ("choice", "Choice time", "Blocks, art, games", "daily"),
    ("stations", "Stations", "Math and literacy stations", "daily"),
    ("circle", "Circle", "Calendar, weather, songs", "daily"),
    ("snack", "Snack", "", "daily"),
    ("lunch", "Lunch", "Cafeteria", "daily"),
    ("recess", "Recess", "", "daily"),
    ("pe", "PE", "", "daily"),
    ("music", "Music", "", "mon"),
    ("bathroom", "Bathroom", "Hallway restrooms", "daily"),
    ("rest", "Rest time", "Lights low, quiet music", "daily"),
    ("passing", "Passing periods", "Locker stops between classes", "daily"),
    ("out", "Check-out and pack-up", "Pack backpacks, point sheet home", "daily"),
    ("checkin", "Morning check-in", "With the counselor", "daily"),
)


def test_c_why_a_motor_goal_matters_is_not_a_social_goal(matcher):
    goal = "Will hop, skip and gallop 20 feet so he can join peers' games on the yard."
    found = matched(matcher.match(goal, day_of(matcher, *GRADE3)))
    assert {"recess", "pe"} <= found
    assert not found & {"choice", "stations", "lunch"}
    social = matched(matcher.match("Will ask to join a game with peers at recess.", day_of(matcher, *GRADE3)))
    assert "recess" in social


def test_c_the_loud_places_a_goal_lists_are_not_a_restroom_trip_or_quiet_music(matcher):
    goal = "Will use headphones or a break card in loud settings (cafeteria, gym, music class) in 4 of 5 opportunities."
    found = matched(matcher.match(goal, day_of(matcher, *GRADE3)))
    assert {"lunch", "pe", "music"} <= found
    assert not found & {"bathroom", "rest"}
    day = day_of(matcher, *GRADE3)
    assert "bathroom" in matched(matcher.match("Will wash his hands after using the restroom.", day))


def test_c_a_zones_check_in_is_not_the_check_out_or_a_points_review(matcher):
    goal = "Will use a Zones check-in and choose a regulation strategy when upset."
    found = matched(matcher.match(goal, day_of(matcher, *GRADE3)))
    assert "checkin" in found
    assert not found & {"out", "meeting"}
    both = matched(matcher.match("Will rate his zone at check-in and check-out.", day_of(matcher, *GRADE3)))
    assert {"checkin", "out"} <= both


def test_c_a_pe_locker_is_not_the_hallway_lockers(matcher):
    day = day_of(matcher, *GRADE3)
    found = matched(matcher.match("Will change into PE clothes at his PE locker in 5 minutes.", day))
    assert "pe" in found and "passing" not in found
    assert "passing" in matched(matcher.match("Will open his combination lock on his hallway locker.", day))


def test_c_asking_for_more_food_is_done_where_food_is(matcher):
    found = matched(matcher.match("Will use his AAC device to request more food or drink.", day_of(matcher, *GRADE3)))
    assert "snack" in found and "circle" not in found
    talk = matched(matcher.match("Will use his AAC device to answer questions at circle.", day_of(matcher, *GRADE3)))
    assert "circle" in talk


# -- D. blocks whose names or lists say what happens there ----------------------------------------------------------
MIXED = (
    ("arrive", "Arrival", "", "daily"),
    ("bus", "Ready for bus", "", "daily"),
    ("table", "Table activities", "Crayons, dot markers, stickers", "daily"),
    ("mathgroups", "Math small groups", "Fluency games with a partner", "daily"),
    ("study", "Study hall", "Case manager checks planners", "daily"),
    ("weld", "Welding", "PPE required; clean-up at the end", "daily"),
    ("lunch", "Lunch", "", "daily"),
)


@pytest.mark.parametrize(
    ("goal", "where"),
    [
        ("Will put on his coat and fasten his Velcro shoes within 3 minutes.", {"bus"}),
        ("Will move to the next activity when the timer rings, without protest.", {"bus"}),
        ("Will imitate vertical lines and circles with a crayon.", {"table"}),
        ("Will play a structured game with 2-3 peers, taking turns.", {"mathgroups"}),
        ("Will break assignments into steps and check each step with an adult.", {"study"}),
        ("Will follow the shop safety checklist: wear PPE, put tools away and sweep his station.", {"weld"}),
    ],
)
def test_d_a_block_is_what_its_name_or_list_says(matcher, goal, where):
    found = matched(matcher.match(goal, day_of(matcher, *MIXED)))
    assert where <= found


def test_d_steps_of_an_assignment_are_not_arrival_or_the_bus(matcher):
    found = matched(matcher.match("Will break assignments into steps and check each step with an adult.",
                                  day_of(matcher, *MIXED)))
    assert not found & {"arrive", "bus"}


def test_d_a_structured_game_is_not_the_play_structure(matcher):
    result = matcher.match("Will play a structured game with 2-3 peers, taking turns.", day_of(matcher, *MIXED))
    assert "playground climbing and equipment" not in result.skills


def test_d_crayons_named_in_a_goal_are_not_a_place(matcher):
    day = day_of(matcher, ("write", "Writing", "", "daily"), ("math", "Math", "", "daily"))
    goal = "Will hold crayons, markers and pencils with a tripod grasp during writing."
    assert "write" in matched(matcher.match(goal, day))
