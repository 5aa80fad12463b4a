"""Fixtures for the core tests."""

from __future__ import annotations

import pytest

from goalwriter.core.matching import Matcher


@pytest.fixture(scope="module")
def matcher() -> Matcher:
    """A matcher on the shipped lexicon (one per test module: its caches stay within the module)."""
    return Matcher()
