"""Skill-area blocks, shoes apart from coats, numbers lined up on paper, transitions in structured programs, paying
on a community walk, AAC blocks, community gyms; and the false matches of devices put away, music notes, task
boxes, store jobs, bus rides, apartment labs, banking, fitness routines, board copying and one-word ties.

Each test pairs what must not match with what still must. The sentences and schedules are written for these tests.
"""

from __future__ import annotations

import pytest

from tests.core.matching_helpers import day_of, matched

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


@pytest.mark.parametrize(
    "goal",
    [
        "Using fine motor skills, will button and unbutton 3 buttons on his coat.",
        "Will improve fine motor strength and control to zip his coat.",
    ],
)
def test_fine_motor_skills_a_goal_builds_are_not_the_fine_motor_block(matcher, goal):
    day = day_of(matcher, ("out", "Outside", "Coats on", "daily"), ("table", "Teacher table", "Fine motor", "daily"))
    assert matched(matcher.match(goal, day)) == {"out"}


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


# -- 8. board copying is copying from a board to paper -----------------------------------------------------------
GRADE2 = (
    ("arr", "Arrival", "Pick a lunch choice on the SMART Board", "daily"),
    ("phon", "Phonics", "Dictation on individual whiteboards, sky writing", "daily"),
    ("morn", "Morning work", "Copy the morning message from the board", "daily"),
    ("recess", "Recess", "", "daily"),
)


def test_copying_from_the_board_fits_blocks_that_copy_from_a_board_to_paper(matcher):
    goal = "Will copy 2 sentences from the board to paper with no omitted words."
    result = matcher.match(goal, day_of(matcher, *GRADE2))
    assert "morn" in matched(result)
    assert "arr" not in matched(result) and "phon" not in matched(result)


def test_a_letter_formation_goal_still_fits_dictation_on_whiteboards(matcher):
    result = matcher.match("Will form lowercase letters with correct starting points.", day_of(matcher, *GRADE2))
    assert "phon" in matched(result) and "arr" not in matched(result)


# -- 9. a sensory goal that names its own setting -------------------------------------------------------------
LOUD_DAY = (
    ("bath", "Bathroom break", "", "daily"),
    ("lunch", "Lunch", "Cafeteria", "daily"),
    ("bus", "Bus line", "", "daily"),
    ("pe", "PE", "", "M/W"),
)


def test_a_restroom_noise_goal_stays_in_the_restroom(matcher):
    goal = "Will use the restroom with the automatic flush and hand dryer running, wearing ear defenders."
    assert matched(matcher.match(goal, day_of(matcher, *LOUD_DAY))) == {"bath"}
    # a day with no restroom block never has it
    assert matcher.match(goal, day_of(matcher, *LOUD_DAY[1:])).never_in_class


def test_a_goal_for_loud_places_in_general_still_fits_every_loud_block(matcher):
    goal = "Will tolerate loud, crowded settings for 15 minutes with headphones."
    result = matcher.match(goal, day_of(matcher, *LOUD_DAY))
    assert {"lunch", "bus", "pe"} <= matched(result)


# -- 10. putting a device away is not using it -----------------------------------------------------------------
@pytest.mark.parametrize(
    "stowed",
    ["Chromebooks back in the cart and plugged in", "Plug in iPads, stack chairs", "Laptops on the chargers"],
)
def test_a_device_put_back_at_pack_up_is_handled_not_used(matcher, stowed):
    day = day_of(matcher, ("pack", "Pack-up", stowed, "daily"), ("lab", "Computer lab", "", "Tue"))
    result = matcher.match("Will log in to his device with his username and password.", day)
    assert "lab" in matched(result) and "pack" not in matched(result)


def test_a_device_used_at_morning_work_still_counts(matcher):
    day = day_of(matcher, ("morn", "Morning work", "Log in on Chromebooks, then a typing game", "daily"))
    assert "morn" in matched(matcher.match("Will log in to his Chromebook with his password.", day))


# -- 12. music words ------------------------------------------------------------------------------------------
def test_reading_notes_on_an_instrument_is_music_not_note_taking(matcher):
    day = day_of(
        matcher,
        ("band", "Band", "Beginning band", "Tue/Thu"),
        ("sci", "Science", "Guided notes; make a poster", "daily"),
        ("type", "Keyboarding", "", "Fri"),
    )
    result = matcher.match("Will read notes on the staff and play them with correct fingering.", day)
    assert matched(result) == {"band"}
    typing = matcher.match("Will touch-type with correct finger placement on the home row at 20 words per minute.", day)
    assert "band" not in matched(typing) and "type" in matched(typing)


# -- 13. task boxes are work-system tasks -------------------------------------------------------------------------
def test_assembly_task_boxes_are_work_system_tasks_not_crafts(matcher):
    day = day_of(
        matcher,
        ("work", "Independent work", "Work system: 3 task boxes, left to right", "daily"),
        ("art", "Art", "Glue and tape a collage", "Wed"),
        ("shop", "Tech ed", "Hand tools", "Fri"),
    )
    result = matcher.match("Will complete 3 assembly task boxes (nuts and bolts, put-in) without adult help.", day)
    assert matched(result) == {"work"}
    assert "art" in matched(matcher.match("Will glue and tape the pieces of a paper collage.", day))


# -- 14. store work is done at the store --------------------------------------------------------------------------
def test_stocking_shelves_fits_the_store_job_not_a_cooking_lab_that_buys_groceries(matcher):
    day = day_of(
        matcher,
        ("job", "Job site", "Dollar store: stock and face shelves", "M/W"),
        ("apt", "Apartment lab", "Cook lunch; grocery shopping for the recipe", "Tue/Thu"),
        ("cbi", "CBI", "Grocery shopping", "Fri"),
    )
    result = matcher.match("Will face shelves by pulling products forward and hang price tags straight.", day)
    assert matched(result) == {"job"}


# -- 15. riding the bus ----------------------------------------------------------------------------------------
def test_riding_the_city_bus_fits_travel_blocks_not_a_job_site(matcher):
    day = day_of(
        matcher,
        ("travel", "Travel training", "City bus downtown", "Tue"),
        ("job", "Job site", "Hotel laundry in the community", "M/W/F"),
        ("home", "Bus home", "", "daily"),
    )
    result = matcher.match("Will ride the city bus, transferring buses and pulling the cord for his stop.", day)
    assert "travel" in matched(result) and "job" not in matched(result)


# -- 16. an apartment lab is the tasks its block names ----------------------------------------------------------
APARTMENT = (
    ("clean", "Apt lab – laundry/cleaning", "", "Mon/Wed"),
    ("cook", "Apt lab – cooking", "", "Tue/Thu"),
)


def test_a_cooking_goal_fits_the_cooking_apartment_block_only(matcher):
    day = day_of(matcher, *APARTMENT)
    assert matched(matcher.match("Will wash, dry and put away the dishes after the meal.", day)) == {"cook"}
    assert matched(matcher.match("Will follow a picture recipe to make a quesadilla.", day)) == {"cook"}


def test_an_apartment_block_that_names_its_tasks_holds_those_tasks(matcher):
    day = day_of(
        matcher,
        ("beds", "Apartment skills", "Laundry and bed making", "Mon"),
        ("kitchen", "Apartment skills", "Cooking lunch", "Wed"),
    )
    assert matched(matcher.match("Will make his bed, pulling the fitted sheet over each corner.", day)) == {"beds"}


def test_a_laundry_goal_fits_the_laundry_apartment_block(matcher):
    day = day_of(matcher, *APARTMENT)
    assert matched(matcher.match("Will load the washer, add detergent and fold towels.", day)) == {"clean"}


def test_an_apartment_block_that_names_no_task_holds_them_all(matcher):
    day = day_of(matcher, ("apt", "Apartment skills", "", "daily"), ("ela", "ELA", "", "daily"))
    assert "apt" in matched(matcher.match("Will wash, dry and put away the dishes after the meal.", day))


# -- 17. banking ---------------------------------------------------------------------------------------------
def test_banking_fits_banking_and_shopping_blocks_not_every_community_block(matcher):
    day = day_of(
        matcher,
        ("travel", "Travel training", "City bus", "Tue"),
        ("job", "Job site", "Hospital laundry", "M/W"),
        ("in", "Check-in", "", "daily"),
        ("bank", "Banking", "Credit union visit", "Thu"),
        ("shop", "CBI", "Shopping trip", "Fri"),
    )
    result = matcher.match("Will use an ATM card to withdraw $20 and check his account balance.", day)
    assert {"bank", "shop"} <= matched(result)
    assert not {"travel", "job", "in"} & matched(result)
    # paying for things stays a community and money skill
    assert "shop" in matched(matcher.match("Will count out money to pay the cashier and wait for change.", day))


# -- 18. a fitness routine ---------------------------------------------------------------------------------------
def test_wiping_down_the_machine_in_a_fitness_routine_is_not_housekeeping(matcher):
    day = day_of(
        matcher,
        ("fit", "Fitness", "Community gym", "Tue/Thu"),
        ("apt", "Apartment", "Cleaning and laundry", "Mon"),
        ("cook", "Cooking", "", "Wed"),
        ("hotel", "Job site", "Hotel housekeeping", "Fri"),
    )
    goal = "Will complete a 20-minute circuit on the weight machines and wipe down each machine after use."
    assert matched(matcher.match(goal, day)) == {"fit"}
    assert "apt" in matched(matcher.match("Will wipe down the counters and sweep the kitchen floor.", day))


# -- 19. one incidental word does not carry a goal whose task has no block --------------------------------------
def test_a_medication_goal_is_not_carried_to_a_job_by_a_label(matcher):
    day = day_of(
        matcher,
        ("job", "Job site", "Food bank: sort and label cans", "M/W"),
        ("cook", "Cooking", "", "Tue"),
        ("lunch", "Lunch", "", "daily"),
    )
    result = matcher.match("Will fill a weekly pill organizer, checking the name on each bottle's label.", day)
    assert result.never_in_class
    assert "job" in matched(matcher.match("Will sort donated cans by type and label each box.", day))
