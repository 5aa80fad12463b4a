"""Cutting food on one's own plate is eating; cutting food for a recipe is cooking.

The sentences and schedules are written for these tests.
"""

from __future__ import annotations

import pytest

from goalwriter.core.matching import Matcher, RoutineText

DAY = (
    ("arr", "Arrival & daily schedule", "Sign in, check the picture schedule, hang coat.", "Mon-Fri"),
    ("cook", "Cooking lab", "Follow a picture recipe, measure, cut with a knife, wash dishes.", "Thu"),
    ("voc", "Vocational tasks", "Folding towels, sorting mail, packaging kits.", "Mon-Fri"),
    ("lunch", "Lunch", "Cafeteria with peers; carry tray, pay with lunch card.", "Mon-Fri"),
    ("snack", "Snack", "", "Mon-Fri"),
)


@pytest.fixture(scope="module")
def matched():
    matcher = Matcher()
    day = matcher.prepare([RoutineText(*b) for b in DAY])

    def ids(text: str) -> set[str]:
        return {p.routine_id for p in matcher.match(text, day).matches}

    return ids


@pytest.mark.parametrize(
    "goal",
    [
        "Using a rocker knife and fork, Lena will cut her food into bite-size pieces in 4 of 5 meals.",
        "Jo will cut soft foods with a knife and fork at lunch with no more than one prompt.",
        "Given an adapted knife, Sam will cut his meat into small pieces during meals on 4 of 5 days.",
    ],
)
def test_cutting_food_on_the_plate_is_a_mealtime_goal(matched, goal):
    found = matched(goal)
    assert "lunch" in found
    assert "cook" not in found and "voc" not in found


@pytest.mark.parametrize(
    "goal",
    [
        "Lena will cut vegetables with a knife following a picture recipe in 4 of 5 sessions.",
        "Using a claw grip, Sam will slice fruit on a cutting board to make a snack.",
    ],
)
def test_cutting_food_for_a_recipe_is_still_cooking(matched, goal):
    assert "cook" in matched(goal)
    assert "lunch" not in matched(goal)
