"""The goal bank: the shipped templates, their validation, filling them in, and typo-tolerant search."""

from __future__ import annotations

import collections
import dataclasses
import datetime as dt
import re

import pytest

from goalwriter.core import goal_bank
from goalwriter.core.goal_bank import GoalBankIndex, GoalTemplate, fill_template, load_goal_bank, search_words
from goalwriter.core.goals import GoalParts, compose_goal_sentence
from goalwriter.core.quality import check_goal
from goalwriter.templates import template_path

BANK = load_goal_bank()
BY_ID = {t.id: t for t in BANK}
INDEX = GoalBankIndex(BANK)
DATE = dt.date(2028, 5, 5)

REQUIRED_DOMAINS = {
    "Handwriting", "Keyboarding", "Scissors", "Fine motor", "Visual motor", "Self-care", "Feeding",
    "Sensory and self-regulation", "Attention", "Organization", "Transitions", "Gross motor",
    "Social participation", "Vocational",
}


# ---------------------------------------------------------------- the shipped bank

def test_bank_size_and_domains():
    per_domain = collections.Counter(t.domain for t in BANK)
    assert len(BANK) >= 60
    assert len(per_domain) >= 12
    assert REQUIRED_DOMAINS <= set(per_domain)
    assert min(per_domain.values()) >= 3, per_domain


def test_default_path_is_the_shipped_file():
    assert load_goal_bank(template_path("goal_bank.toml")) == BANK


@pytest.mark.parametrize("template", BANK, ids=lambda t: t.id)
def test_template_shape(template):
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", template.id)
    assert 0 < len(template.title) <= 60
    assert 2 <= len(template.objectives) <= 3
    assert template.keywords
    assert "___" in template.criterion, "the team sets the numbers"
    assert "{student}" in template.baseline and "___" in template.baseline, "the baseline is a fill-in prompt"
    assert all(o.startswith("{student} will ") and o.endswith(".") for o in template.objectives)
    assert not template.behavior.lower().startswith(("will ", "{student}")), "behavior follows '<name> will'"


def _filled(template: GoalTemplate, fill_baseline: bool) -> GoalParts:
    parts = fill_template(template, "Jordan")
    values = {k: v.replace("___", "4") for k, v in parts.items() if isinstance(v, str)}
    if not fill_baseline:
        values["baseline"] = str(parts["baseline"])
    return GoalParts(target_date=DATE, **values)


@pytest.mark.parametrize("template", BANK, ids=lambda t: t.id)
def test_filled_template_passes_quality_checks_except_baseline(template):
    parts = _filled(template, fill_baseline=False)
    items = check_goal(parts, compose_goal_sentence(parts, "Jordan"))
    assert {i.key: i.message for i in items if not i.ok}.keys() == {"baseline"}
    parts = _filled(template, fill_baseline=True)
    items = check_goal(parts, compose_goal_sentence(parts, "Jordan"))
    assert {i.key: i.message for i in items if not i.ok} == {}


@pytest.mark.parametrize("template", BANK, ids=lambda t: t.id)
def test_unfilled_template_flags_its_blanks(template):
    parts = fill_template(template, "Jordan")
    goal = GoalParts(target_date=DATE, **{k: v for k, v in parts.items() if isinstance(v, str)})
    items = {i.key: i for i in check_goal(goal, compose_goal_sentence(goal, "Jordan"))}
    assert not items["criterion"].ok and "___" in items["criterion"].message
    assert not items["baseline"].ok


@pytest.mark.parametrize("template", BANK, ids=lambda t: t.id)
def test_filled_objectives_are_observable_and_measurable(template):
    for objective in fill_template(template, "Jordan")["objectives"]:
        items = {i.key: i for i in check_goal(GoalParts(), objective.replace("___", "4"))}
        assert items["observable"].ok, objective
        assert items["dead_man"].ok, objective
        assert items["criterion"].ok, objective


# Behaviors that name their own setting, time or tool ("copy ... from the board", "during passing periods",
# "with a ruler"), so the goal still has a condition when the condition box is emptied.
SETTING_IN_BEHAVIOR = {
    "handwriting-far-point-copy", "keyboarding-word-prediction", "visual-motor-ruler", "self-care-combination-lock",
    "feeding-utensils", "feeding-knife-cutting", "sensory-seated-group", "sensory-loud-settings",
    "sensory-request-break", "attention-on-task", "attention-whole-group-lesson", "transitions-end-preferred",
    "transitions-passing-periods", "gross-motor-playground", "money-next-dollar", "community-street-bus",
}
# A duration written into the behavior ("for 20 seconds") reads as a criterion on its own.
DURATION_IN_BEHAVIOR = {"hygiene-handwashing", "hygiene-tooth-brushing"}


@pytest.mark.parametrize("template", BANK, ids=lambda t: t.id)
def test_emptying_a_part_is_noticed(template):
    """Regression guard against checks that pass on the strength of some other part of the goal."""
    full = _filled(template, fill_baseline=True)
    noticed = {}
    for key, change in [("condition", {"condition": ""}), ("criterion", {"criterion": ""}),
                        ("reporting", {"reporting": ""}), ("timeframe", {"target_date": None})]:
        parts = dataclasses.replace(full, **change)
        items = {i.key: i for i in check_goal(parts, compose_goal_sentence(parts, "Jordan"))}
        noticed[key] = not items[key].ok
    assert noticed["condition"] == (template.id not in SETTING_IN_BEHAVIOR)
    assert noticed["criterion"] == (template.id not in DURATION_IN_BEHAVIOR)
    assert noticed["reporting"] and noticed["timeframe"]


# ---------------------------------------------------------------- validation

GOOD = """
[[goal]]
id = "{id}"
domain = "Scissors"
title = "Cut on a line"
keywords = ["scissors"]
baseline = "{{student}} cuts ___ inches."
condition = "using scissors"
behavior = "cut along a line"
criterion = "in ___ of ___ trials"
measurement = "work samples"
reporting = "quarterly"
objectives = ["{{student}} will snip paper in ___ of ___ trials."]
"""


def write(tmp_path, text: str):
    path = tmp_path / "bank.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_a_valid_custom_file_loads(tmp_path):
    bank = load_goal_bank(write(tmp_path, GOOD.format(id="cut-line") + GOOD.format(id="cut-line-2")))
    assert [t.id for t in bank] == ["cut-line", "cut-line-2"]
    assert bank[0].objectives == ("{student} will snip paper in ___ of ___ trials.",)
    assert bank[0].keywords == ("scissors",)


@pytest.mark.parametrize(("change", "message"), [
    (lambda t: t + GOOD.format(id="cut-line"), "'cut-line' appears more than once"),
    (lambda t: t.replace('behavior = "cut along a line"\n', ""), r"'cut-line': missing required field 'behavior'"),
    (lambda t: t.replace('reporting = "quarterly"', 'reporting = "  "'), r"'cut-line': missing required field"),
    (lambda t: t.replace("in ___ of ___ trials", "in {criterion} trials"), r"'cut-line', criterion: unknown blank"),
    (lambda t: t.replace("{student} cuts", "{name} cuts"), r"'cut-line', baseline: unknown blank \{name\}"),
    (lambda t: t.replace("in ___ of", "in __ of"), r"'cut-line', criterion: blank '__'"),
    (lambda t: t.replace("using scissors", "using {scissors"), "'cut-line', condition: unmatched brace"),
    (lambda t: t.replace('reporting = "quarterly"', 'reporting = "quarterly"\nreprting = "x"'), "unknown field"),
    (lambda t: t.replace('objectives = ["{student} will snip paper in ___ of ___ trials."]', "objectives = []"),
     "'cut-line': 'objectives'"),
    (lambda t: t.replace('objectives = ["{student} will snip paper in ___ of ___ trials."]',
                         'objectives = ["{student} will snip {x}."]'), "'cut-line', objective 1: unknown blank"),
    (lambda t: t.replace('keywords = ["scissors"]', 'keywords = "scissors"'), "'keywords'"),
    (lambda t: t.replace('id = "cut-line"', 'id = "Cut Line"'), "id must be"),
    (lambda t: t.replace('id = "cut-line"\n', ""), "goal #1: id must be"),
    (lambda t: t.replace('title = "Cut on a line"', 'title = "Cut on a line'), "not valid TOML"),
    (lambda t: "[meta]\nname = 'x'\n", "no \\[\\[goal\\]\\] templates"),
])
def test_broken_files_raise_value_error_naming_the_template(tmp_path, change, message):
    with pytest.raises(ValueError, match=message):
        load_goal_bank(write(tmp_path, change(GOOD.format(id="cut-line"))))


def test_error_names_the_file(tmp_path):
    with pytest.raises(ValueError, match=r"^bank\.toml: "):
        load_goal_bank(write(tmp_path, GOOD.format(id="cut-line").replace('domain = "Scissors"\n', "")))


# ---------------------------------------------------------------- filling in

def test_fill_template_puts_the_name_in_and_keeps_number_blanks():
    template = BY_ID["self-care-coat-zipper"]
    parts = fill_template(template, "Maya")
    assert set(parts) == {"area", "baseline", "condition", "behavior", "criterion", "measurement", "reporting",
                          "objectives"}
    assert parts["area"] == "Self-care"
    assert parts["baseline"].startswith("Maya puts on a coat")
    assert "___" in parts["criterion"]
    assert isinstance(parts["objectives"], list) and len(parts["objectives"]) == len(template.objectives)
    assert all(o.startswith("Maya will ") for o in parts["objectives"])
    assert not any("{student}" in v for v in (*[p for p in parts.values() if isinstance(p, str)],
                                               *parts["objectives"]))
    assert "{student}" in template.baseline, "the template itself is unchanged"


def test_fill_template_without_a_name_reads_naturally():
    parts = fill_template(BY_ID["organization-desk-locker"], "  ")
    assert parts["baseline"].startswith("The student's desk")
    assert parts["objectives"][0].startswith("The student will ")


def test_fill_template_mid_sentence_name_is_not_capitalized():
    parts = fill_template(BY_ID["attention-on-task"], "the new student")
    assert "independent work, the new student is on task" in str(parts["baseline"])


# ---------------------------------------------------------------- search

def top_ids(query: str, n: int = 3) -> list[str]:
    return [t.id for t, _ in INDEX.search(query, limit=n)]


@pytest.mark.parametrize("query", ["scisors cut line", "line cut scissors", "cut line sissors",
                                   "scissors cutting line"])
def test_typos_and_word_order_find_the_cutting_template(query):
    results = INDEX.search(query, limit=5)
    assert results[0][0].id == "scissors-straight-line"
    assert all(t.domain == "Scissors" for t, _ in results[:2])


def test_word_order_does_not_change_the_ranking():
    assert top_ids("scisors cut line", 4) == top_ids("line cut scisors", 4)


@pytest.mark.parametrize(("query", "expected"), [
    ("zipper coat", "self-care-coat-zipper"),
    ("coat ziper", "self-care-coat-zipper"),
    ("zip", "self-care-coat-zipper"),
    ("shoe tying", "self-care-shoe-tying"),
    ("lockr combination", "self-care-combination-lock"),
    ("open lunch containers", "fine-motor-open-containers"),
    ("milk carton", "fine-motor-open-containers"),
    ("keybord typing speed", "keyboarding-home-row-speed"),
    ("copy from board", "handwriting-far-point-copy"),
    ("pencil grip", "fine-motor-pencil-grasp"),
    ("calm down strategies", "sensory-calming-strategy"),
    ("tolerate textures", "sensory-messy-textures"),
    ("headphones loud cafeteria", "sensory-loud-settings"),
    ("planner homework", "organization-planner-homework"),
    ("pe uniform changing", "self-care-pe-clothes"),
    ("fold towels", "vocational-folding"),
    ("next dollar", "money-next-dollar"),
    ("wash hands", "hygiene-handwashing"),
    ("ruler measure", "visual-motor-ruler"),
    ("turn taking board game", "social-turn-taking-games"),
    ("passing periods", "transitions-passing-periods"),
    ("first then board", "transitions-visual-schedule"),
])
def test_searches_find_the_right_template_first(query, expected):
    assert top_ids(query, 1) == [expected]


def test_misspelled_domain_finds_the_domain():
    results = INDEX.search("handwritting", limit=6)
    assert len(results) == 6
    assert all(t.domain == "Handwriting" for t, _ in results)


@pytest.mark.parametrize(("typed", "domain"), [
    ("scis", "Scissors"), ("handwr", "Handwriting"), ("keyboa", "Keyboarding"), ("toilet", "Toileting"),
])
def test_typing_a_word_in_progress_matches_its_start(typed, domain):
    results = INDEX.search(typed, limit=3)
    assert len(results) == 3
    assert all(t.domain == domain for t, _ in results)


def test_empty_query_lists_the_whole_bank_in_order():
    assert INDEX.search("") == [(t, 1.0) for t in BANK]
    assert INDEX.search("   ", limit=5) == [(t, 1.0) for t in BANK]
    assert INDEX.search("the and of") == [(t, 1.0) for t in BANK]


@pytest.mark.parametrize(("query", "domain"), [("key boarding", "Keyboarding"), ("hand writing", "Handwriting"),
                                               ("self care", "Self-care"), ("fine motor", "Fine motor")])
def test_words_written_apart_still_find_the_domain(query, domain):
    results = INDEX.search(query, limit=3)
    assert len(results) == 3 and all(t.domain == domain for t, _ in results)


def test_nonsense_finds_nothing_and_limit_is_kept():
    assert INDEX.search("xqzvw") == []
    assert len(INDEX.search("cut", limit=2)) == 2


def test_scores_are_sorted_and_in_range():
    for query in ("scissors", "zipper coat", "handwriting spacing", "lunch"):
        scores = [score for _, score in INDEX.search(query, limit=50)]
        assert scores == sorted(scores, reverse=True)
        assert all(goal_bank.MIN_SCORE <= s <= 1.0 for s in scores)


def _template(id_: str, **fields) -> GoalTemplate:
    base = {"domain": "Fine motor", "title": "Title", "baseline": "b", "condition": "c", "behavior": "b",
            "criterion": "c", "measurement": "m", "reporting": "r", "objectives": ("o",), "keywords": ()}
    return GoalTemplate(id=id_, **{**base, **fields})


def test_title_words_count_more_than_behavior_words():
    index = GoalBankIndex([
        _template("in-behavior", title="Lunch", behavior="open a thermos"),
        _template("in-title", title="Open a thermos", behavior="twist the lid"),
    ])
    assert [t.id for t, _ in index.search("thermos")] == ["in-title", "in-behavior"]


def test_every_query_word_counts():
    index = GoalBankIndex([
        _template("coat-only", title="Coat on"),
        _template("coat-zipper", title="Coat zipper"),
    ])
    (best, best_score), (other, other_score) = index.search("zipper coat")
    assert (best.id, other.id) == ("coat-zipper", "coat-only")
    assert best_score == 1.0 and other_score == pytest.approx(0.5)


def test_search_words_stem_and_drop_small_words():
    assert search_words("Cutting the shapes with scissors") == search_words("cut shape scissor")
    assert search_words("zipping") == search_words("zip")
    assert search_words("tying") == search_words("tie")
    assert search_words("of the a") == []


def test_index_is_built_once_and_each_query_word_scans_the_vocabulary_once(monkeypatch):
    calls = collections.Counter()
    real = goal_bank.search_words

    def counting(text):
        calls["words"] += 1
        return real(text)

    monkeypatch.setattr(goal_bank, "search_words", counting)
    index = GoalBankIndex(BANK)
    assert calls["words"] == 4 * len(BANK)  # title, keywords, domain and behavior of each template, once
    queries = ["scisors cut line", "line cut scissors", "zipper coat", "handwritting", "coat"] * 20
    for query in queries:
        index.search(query)
    assert calls["words"] == 4 * len(BANK) + len(queries)  # searching never re-reads the templates
    distinct_words = {w for q in queries for w in real(q)}
    assert index.fuzzy_lookups == len(distinct_words)  # a repeated word is answered from the cache


def test_templates_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        BANK[0].title = "x"  # type: ignore[misc]
