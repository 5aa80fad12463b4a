"""The live goal-quality checklist: each check on realistic OT goals, good and bad, and its false positives."""

from __future__ import annotations

import datetime as dt

import pytest

from goalwriter.core.goals import GoalParts, compose_goal_sentence
from goalwriter.core.quality import LABELS, QUALITY_KEYS, QualityItem, check_goal

DATE = dt.date(2028, 3, 3)


def check(text: str = "", in_class: bool | None = None, **parts) -> dict[str, QualityItem]:
    items = check_goal(GoalParts(**parts), text, in_class)
    assert [item.key for item in items] == list(QUALITY_KEYS)
    return {item.key: item for item in items}


def failing(text: str = "", **parts) -> set[str]:
    return {key for key, item in check(text, **parts).items() if not item.ok}


def behavior_check(behavior: str, key: str) -> QualityItem:
    return check(behavior=behavior)[key]


COMPLETE = GoalParts(
    area="Fine motor",
    baseline="Rosa opens 2 of 6 lunch containers without help and asks an adult for the rest.",
    condition="at lunch, given a picture card of the steps",
    behavior="open her thermos, yogurt cup, snack bag and milk carton",
    criterion="independently in 4 of 5 lunches",
    measurement="lunch aide data sheet",
    reporting="quarterly with report cards",
    target_date=DATE,
)


# ---------------------------------------------------------------- the shape of the answer

def test_keys_and_labels_are_stable():
    assert QUALITY_KEYS == ("observable", "dead_man", "condition", "criterion", "timeframe", "baseline",
                            "measurement", "reporting", "in_class")
    for parts, text in [(GoalParts(), ""), (COMPLETE, compose_goal_sentence(COMPLETE, "Rosa")),
                        (GoalParts(behavior="not hit"), "will understand")]:
        items = check_goal(parts, text)
        assert [i.key for i in items] == list(QUALITY_KEYS)
        assert [i.label for i in items] == [LABELS[k] for k in QUALITY_KEYS]
        assert all(i.message for i in items)


def test_a_complete_goal_passes_every_check():
    items = check(compose_goal_sentence(COMPLETE, "Rosa"), in_class=True, **vars(COMPLETE))
    assert {k: i.message for k, i in items.items() if not i.ok} == {}
    assert "4 of 5" in items["criterion"].message
    assert "March 3, 2028" in items["timeframe"].message


def test_an_empty_goal_fails_everything_but_the_unknown_class_check():
    items = check()
    assert {k for k, i in items.items() if not i.ok} == set(QUALITY_KEYS) - {"in_class"}
    assert "write, cut, zip" in items["observable"].message


def test_messages_say_how_to_fix():
    for key, item in check().items():
        if not item.ok:
            assert "e.g." in item.message or ":" in item.message, key


# ---------------------------------------------------------------- observable behavior

@pytest.mark.parametrize("behavior", [
    "write legibly",
    "write 3 sentences with correct letter formation, sizing and spacing between words",
    "copy the homework from the board into his planner",
    "cut along a 6-inch straight line staying within 1/4 inch of it",
    "zip his coat after starting the separating zipper",
    "type using home-row finger placement",
    "open her lunch containers, milk carton and snack bags",
    "stay seated with the class during carpet groups",
    "button 3 large buttons on a smock",
    "go to the learning center and sort pictures by beginning sound",
    "use a pencil grip to improve legibility",
    "use a break card to ask for a movement break",
    "recognize when he is upset and ask for a break",
    "demonstrate a functional tripod grasp on a pencil",
    "grasp a pencil with a tripod grasp",
    "apply glue with a glue stick to the back of a shape",
    "independently manage fasteners on outerwear",
    "increase typing speed on a 3-minute timed test",
    "identify and circle the errors in his own writing",
    "climb the playground ladder using alternating feet",
    "put on and take off her shoes with Velcro straps",
    "will fold and stack towels to the job standard",
])
def test_observable_behaviors_pass(behavior):
    item = behavior_check(behavior, "observable")
    assert item.ok, item.message


@pytest.mark.parametrize(("behavior", "word"), [
    ("understand how to use scissors", "understand"),
    ("know his address and phone number", "know"),
    ("learn letter formation", "learn"),
    ("improve fine motor skills", "improve"),
    ("improve handwriting legibility", "improve"),
    ("increase fine motor skills", "increase fine motor skills"),
    ("increase hand strength for writing", "increase hand strength"),
    ("build bilateral coordination", "build bilateral coordination"),
    ("develop a mature grasp", "develop"),
    ("strengthen his hands", "strengthen"),
    ("appreciate the feelings of peers", "appreciate"),
    ("tolerate messy textures during art", "tolerate"),
    ("try new foods at lunch", "try"),
    ("feel calm during transitions", "feel"),
    ("be aware of personal space in line", "be aware of"),
    ("demonstrate knowledge of safety signs", "demonstrate knowledge"),
    ("demonstrate an understanding of the morning routine", "demonstrate an understanding"),
    ("demonstrate improved visual motor skills", "demonstrate improved"),
    ("show progress in handwriting", "show progress"),
    ("work on handwriting", "work on"),
    ("recognize letters of the alphabet", "recognize"),
    ("enjoy playing with peers at recess", "enjoy"),
    ("accept changes to the daily schedule", "accept"),
    ("consistently understand directions", "understand"),
    ("be able to comprehend 2-step directions", "comprehend"),
    ("be independent in toileting", "be independent"),
    ("be more successful in PE", "be more successful"),
])
def test_vague_behaviors_are_flagged_by_name(behavior, word):
    item = behavior_check(behavior, "observable")
    assert not item.ok
    assert f"“{word}”" in item.message


def test_vague_verb_after_a_conjunction_is_flagged():
    item = behavior_check("write his name and understand letter sounds", "observable")
    assert not item.ok and "“understand”" in item.message


def test_learn_to_suggests_dropping_it():
    item = behavior_check("learn to tie his shoes", "observable")
    assert not item.ok
    assert "“learn to”" in item.message and "will tie shoes" in item.message
    assert item.message.count("hard to see") == 1  # "learn" is not reported a second time


def test_tolerate_suggests_touching_the_thing_for_a_time():
    message = behavior_check("tolerate messy textures during art", "observable").message
    assert "touch and handle messy textures for 30 seconds" in message


@pytest.mark.parametrize(("behavior", "advice"), [
    ("tolerate wearing headphones in the gym", "keep headphones on"),
    ("tolerate loud noises in the cafeteria", "stay in the room with loud noises"),
    ("tolerate changes in the schedule", "move on to the new activity"),
    ("tolerate a new food on her plate", "taste a new food"),
])
def test_tolerate_advice_fits_the_thing(behavior, advice):
    assert advice in behavior_check(behavior, "observable").message


def test_vague_goal_that_names_its_action_after_by_says_so():
    message = behavior_check("demonstrate improved motor planning by climbing the ladder and crossing the bridge",
                             "observable").message
    assert "“by climbing the ladder" in message


def test_observable_falls_back_to_the_sentence_when_the_behavior_part_is_empty():
    item = check("Given a model, Sam will understand how to form the letter a.")["observable"]
    assert not item.ok and "understand" in item.message and "goal sentence" in item.message
    assert check("Given a model, Sam will form the letter a in 4 of 5 trials.")["observable"].ok


def test_behavior_part_wins_over_the_sentence():
    # The sentence is stale or free text; the behavior box is what the team is editing.
    assert check("Sam will understand letters.", behavior="form the letter a")["observable"].ok


def test_purpose_clauses_and_nouns_are_not_the_verb():
    assert behavior_check("use a slant board to improve posture for writing", "observable").ok
    assert behavior_check("use the learning center timer and clean up", "observable").ok
    assert behavior_check("bring a tried and true fidget to circle", "observable").ok


# ---------------------------------------------------------------- dead-man test

@pytest.mark.parametrize("behavior", [
    "not hit peers",
    "not hit peers during recess",
    "not hit, kick, or bite peers",
    "sit quietly without yelling",
    "refrain from calling out",
    "stop throwing materials",
    "be quiet in the hallway",
    "not leave the classroom without permission",
    "never leave the group",
    "keep his hands to himself in line",
    "remain calm",
    "no longer cry at drop-off",
    "have fewer than 2 outbursts per day",
    "reduce the number of tantrums to 1 per week",
    "won't run in the hallway",
    "independently refrain from chewing on his shirt",
])
def test_goals_a_dead_person_could_meet_are_flagged(behavior):
    item = behavior_check(behavior, "dead_man")
    assert not item.ok
    assert "WILL do instead" in item.message


@pytest.mark.parametrize("behavior", [
    "walk with the class to the next activity",
    "move to the next activity without crying or dropping to the floor",
    "stay seated for 10 minutes during carpet time",
    "stand still on one foot for 10 seconds",
    "not hit peers and will ask for space when upset",
    "keep hands to self and use a fidget during circle",
    "use words instead of hitting",
    "cut on the line and not rip the paper",
    "walk in the hallway and not run",
    "remain calm and use a calming strategy",
    "stop at the curb and look both ways",
    "notice when her shoe is untied and tie it",
    "walk to the bus on 4 of 5 days, not including weekends",
    "complete the task with no more than 2 prompts",
])
def test_goals_that_name_an_action_pass_the_dead_man_test(behavior):
    item = behavior_check(behavior, "dead_man")
    assert item.ok, item.message


def test_dead_man_example_fits_the_problem():
    assert "ask for space" in behavior_check("not hit peers", "dead_man").message
    assert "raise a hand" in behavior_check("refrain from calling out", "dead_man").message
    assert "walk with the class" in behavior_check("not leave the classroom", "dead_man").message
    assert "not hit peers" in behavior_check("not hit peers", "dead_man").message


def test_dead_man_in_the_sentence_is_found_when_no_behavior_part():
    assert not check("During recess, Leo will not hit peers in 4 of 5 recesses.")["dead_man"].ok
    assert check("During recess, Leo will join a peer game in 4 of 5 recesses, not including indoor recess.")[
        "dead_man"].ok


# ---------------------------------------------------------------- condition

@pytest.mark.parametrize("text", [
    "Given a slant board, Ana will copy 5 words.",
    "Using loop scissors, Ana will cut a 6-inch line.",
    "During lunch, Ana will open her containers.",
    "Ana will open her containers at lunch.",
    "With one verbal cue, Ana will zip her coat.",
    "Ana will zip her coat with one verbal cue.",
    "When upset, Ana will ask for a break.",
    "Ana will copy her homework from the board.",
    "Ana will stay in loud or crowded settings for 10 minutes.",
    "At the greenhouse work site, Ana will water plants.",
    "Ana will type a paragraph in Google Docs.",
    "Without adult help, Ana will put on her coat.",
])
def test_conditions_in_the_sentence_count(text):
    assert check(text)["condition"].ok


@pytest.mark.parametrize("text", [
    "Ana will zip her coat in 4 of 5 trials.",
    "Ana will write her name with 80% accuracy.",
    "Ana will cut out a circle without crying.",
    "Ana will zip her coat with no more than one verbal cue.",
    "Ana will write 3 sentences with 2 or fewer errors.",
    "Ana will put her papers in the desk in 4 of 5 group activities.",
    "In preparation for middle school, Ana will open a padlock.",
    "Ana will draw lines of a given length.",
    "Ana will log in to her Chromebook.",
    "In order to join recess games, Ana will skip 20 feet.",
])
def test_no_condition_is_flagged(text):
    item = check(text)["condition"]
    assert not item.ok and "during lunch" in item.message


def test_condition_part_counts_and_is_quoted():
    item = check(condition="given a visual checklist taped to the desk")["condition"]
    assert item.ok and "visual checklist" in item.message


# ---------------------------------------------------------------- criterion

@pytest.mark.parametrize("criterion", [
    "in 4 of 5 trials", "in 4 out of 5 opportunities", "four out of five days", "with 80% accuracy",
    "80 percent of the time", "4/5 trials", "for 10 minutes", "within 1 minute", "within 1/2 inch of the line",
    "at 20 words per minute", "at 25 wpm", "on 3 consecutive data days", "across 3 consecutive sessions",
    "with no more than 2 prompts", "at least 3 times a day", "in fewer than 3 tries", "once a day",
    "for 20 feet", "with 2 or fewer errors",
])
def test_quantified_criteria_pass(criterion):
    item = check(criterion=criterion)["criterion"]
    assert item.ok, item.message


@pytest.mark.parametrize("criterion", ["independently", "with good accuracy", "most of the time", "consistently"])
def test_criterion_without_a_number_is_flagged(criterion):
    item = check(criterion=criterion)["criterion"]
    assert not item.ok and "has no number" in item.message


def test_criterion_typed_into_the_sentence_counts():
    assert check("Given a model, Ana will copy a triangle in 4 of 5 trials.", behavior="copy a triangle")[
        "criterion"].ok


def test_criterion_typed_into_the_behavior_box_counts():
    assert check(behavior="write 3 sentences with 80% of letters legible")["criterion"].ok


def test_task_sizes_and_dates_are_not_criteria():
    assert not check("Given a 3-minute typing task, Ana will type a 5-sentence paragraph.")["criterion"].ok
    assert not check("By March 4, 2027, Ana will cut out a circle.")["criterion"].ok
    assert not check("Within 36 weeks, Ana will zip her coat.")["criterion"].ok


@pytest.mark.parametrize("parts", [
    {"criterion": "in ___ of ___ trials"},
    {"criterion": "with ___% accuracy"},
    {"behavior": "stay seated for ___ minutes", "criterion": "on 4 of 5 days"},
    {"criterion": "in {criterion}"},
])
def test_unfilled_blanks_are_flagged(parts):
    item = check(**parts)["criterion"]
    assert not item.ok and "___" in item.message


def test_blank_in_the_sentence_is_flagged():
    item = check("Ana will zip her coat in ___ of 5 trials.")["criterion"]
    assert not item.ok and "goal sentence" in item.message


# ---------------------------------------------------------------- timeframe

@pytest.mark.parametrize("text", [
    "By May 2028, Ana will zip her coat.",
    "By March 4, 2027, Ana will zip her coat.",
    "By Sept. 2027, Ana will zip her coat.",
    "Ana will zip her coat by the annual review.",
    "Ana will zip her coat by the end of the school year.",
    "Ana will zip her coat by the end of 2nd grade.",
    "Within 36 weeks, Ana will zip her coat.",
    "Within one year, Ana will zip her coat.",
    "In 36 instructional weeks, Ana will zip her coat.",
    "Ana will zip her coat by 3/3/2028.",
    "Ana will zip her coat by the end of the first semester.",
])
def test_timeframes_in_the_text_pass(text):
    item = check(text)["timeframe"]
    assert item.ok, item.message


@pytest.mark.parametrize("text", [
    "Ana will zip her coat within 1 minute.",
    "Ana will zip her coat in 4 of 5 trials.",
    "Ana may zip her coat.",
    "Ana will zip her coat by ___.",
])
def test_no_timeframe_is_flagged(text):
    item = check(text)["timeframe"]
    assert not item.ok and "date" in item.message


def test_target_date_part_counts():
    item = check(target_date=DATE)["timeframe"]
    assert item.ok and "March 3, 2028" in item.message


# ---------------------------------------------------------------- baseline

def test_baseline_with_a_number_passes():
    item = check(baseline="Ana zips her coat in 1 of 5 tries.")["baseline"]
    assert item.ok and "number" in item.message


def test_baseline_without_a_number_passes_with_a_nudge():
    item = check(baseline="Ana needs help with her coat.")["baseline"]
    assert item.ok and "Add a number" in item.message


def test_missing_or_blank_baseline_is_flagged():
    assert not check()["baseline"].ok
    item = check(baseline="Ana zips her coat in ___ of 5 tries.")["baseline"]
    assert not item.ok and "___" in item.message


def test_baseline_in_the_free_text_counts_but_not_the_word_in_a_material():
    assert check("Currently, Ana zips 1 of 5 coats. Ana will zip her coat.")["baseline"].ok
    assert check("Baseline: 2 of 5. Ana will zip her coat.")["baseline"].ok
    assert not check("Given highlighted-baseline paper, Ana will write her name.")["baseline"].ok


# ---------------------------------------------------------------- measurement and reporting

@pytest.mark.parametrize("text", [
    "Ana will zip her coat, as measured by teacher data.",
    "Ana will write 3 sentences, scored with a rubric.",
    "Ana will write 3 sentences as shown in work samples.",
    "Ana will zip her coat per OT observation.",
    "Ana will type 20 wpm on timed probes.",
    "Ana will stay on task in 80% of intervals by momentary time sampling.",
    "Ana will zip her coat, documented on a tally sheet.",
])
def test_measurement_methods_in_the_text_pass(text):
    assert check(text)["measurement"].ok


@pytest.mark.parametrize("text", [
    "Given a visual checklist, Ana will pack her bag.",
    "Ana will stay seated across 3 consecutive data days.",
    "Ana will stay on task over a 10-minute observation.",
])
def test_measurement_false_positives_are_avoided(text):
    item = check(text)["measurement"]
    assert not item.ok and "work samples" in item.message


@pytest.mark.parametrize("text", [
    "Ana will zip her coat, with progress reported quarterly.",
    "Ana will zip her coat; progress goes home with report cards.",
    "Ana will zip her coat, reported each grading period.",
    "Ana will zip her coat, with progress reports every 9 weeks.",
    "Ana will zip her coat, with monthly updates to the family.",
])
def test_reporting_in_the_text_passes(text):
    assert check(text)["reporting"].ok


def test_weekly_data_is_not_reporting():
    item = check("Ana will file her papers on 4 of 5 weekly binder checks.")["reporting"]
    assert not item.ok and "quarterly" in item.message


def test_measurement_and_reporting_parts_count():
    items = check(measurement="work samples", reporting="each trimester")
    assert items["measurement"].ok and items["reporting"].ok


# ---------------------------------------------------------------- comes up in class

def test_in_class_three_states():
    assert check(in_class=True)["in_class"].ok
    unknown = check(in_class=None)["in_class"]
    assert unknown.ok and "Not checked" in unknown.message
    never = check(in_class=False)["in_class"]
    assert not never.ok
    assert "never comes up" in never.message and "Reword" in never.message


# ---------------------------------------------------------------- whole goals, good and bad

GOOD_GOALS = [
    "By June 2028, given a slant board and a pencil grip, Mia will copy a 5-word sentence from a near-point model "
    "with correct letter formation in 4 of 5 work samples, with progress reported quarterly.",
    "By the annual review, during Writer's Workshop, Omar will write 3 sentences with a finger space between words "
    "in 80% of words across 3 consecutive writing samples, as measured by work samples, reported each grading period.",
    "Within 36 weeks, using spring-loaded scissors, Zoe will cut out a 3-inch circle staying within 1/4 inch of the "
    "line in 4 of 5 trials, as measured by OT data, with progress reported with report cards.",
    "By May 2028, at arrival, Eli will unzip and hang up his coat and unpack his backpack within 5 minutes on 4 of "
    "5 days, as recorded on a teacher checklist, with progress reported quarterly.",
    "By March 2028, given a visual timer and a break card, Ivy will stay on task during independent work for 80% "
    "of 1-minute intervals, as measured by momentary time sampling, reported monthly to the family.",
    "By the end of the school year, on a Chromebook, Max will type 20 words per minute with 90% accuracy on 3 "
    "consecutive timed probes, with progress reported quarterly.",
    "By February 2028, when upset, Kai will use a calm-down strategy from his choice board and return to the "
    "activity within 3 minutes in 4 of 5 observed opportunities, per teacher data, reported quarterly.",
    "By the annual review, in the cafeteria, Noor will open her milk carton, yogurt cup and snack bag "
    "independently in 4 of 5 lunches, as measured by lunch aide data, with progress reported quarterly.",
    "By June 2028, during PE, Leo will catch an 8-inch ball tossed from 10 feet in 4 of 5 trials, as measured by "
    "PE teacher log, reported each marking period.",
    "Within one year, at the job site, Dana will fold and stack 20 towels to the job standard within 15 minutes "
    "with no more than 1 prompt on 4 of 5 work days, as measured by job coach data sheets, reported quarterly.",
    "By May 2028, given a picture checklist, Sam will complete the handwashing sequence with no more than 1 "
    "verbal prompt on 4 of 5 days, as documented on a staff checklist, reported quarterly.",
    "By the end of the school year, during recess, Ruby will join a peer game and take 3 turns in 4 of 5 "
    "recesses, as measured by OT observation, with progress reported each trimester.",
]


@pytest.mark.parametrize("text", GOOD_GOALS)
def test_well_written_goals_fail_only_the_baseline(text):
    assert failing(text) == {"baseline"}


BAD_GOALS = [
    ("Mia will improve her handwriting.",
     {"observable", "condition", "criterion", "timeframe", "measurement", "reporting"}),
    ("Omar will increase fine motor skills by the annual review.",
     {"observable", "condition", "criterion", "measurement", "reporting"}),
    ("During circle, Zoe will sit quietly without yelling for 10 minutes, as measured by teacher data.",
     {"dead_man", "timeframe", "reporting"}),
    ("Eli will not hit peers at recess in 4 of 5 recesses, reported quarterly.",
     {"dead_man", "timeframe", "measurement"}),
    ("Given messy play, Ivy will tolerate messy textures, per OT observation.",
     {"observable", "criterion", "timeframe", "reporting"}),
    ("By May 2028, Max will learn to type with ___% accuracy.",
     {"observable", "condition", "criterion", "measurement", "reporting"}),
    ("Kai will be aware of his body in space and try new playground equipment.",
     {"observable", "condition", "criterion", "timeframe", "measurement", "reporting"}),
]


@pytest.mark.parametrize(("text", "expected"), BAD_GOALS)
def test_weak_goals_fail_the_right_checks(text, expected):
    assert failing(text) - {"baseline"} == expected


def test_parts_without_any_sentence_are_enough():
    assert failing("", **vars(COMPLETE)) == set()
