"""Name-level helpers of recognition: lists of names, place names' registry form."""

from __future__ import annotations

import pytest

from newsledger.gazetteer.names import in_list
from newsledger.stages.places import full_name

LISTS = [
    (
        "offices in Los Angeles, Miami, West Palm Beach, New York, and Detroit",
        "West Palm Beach",
        "New York",
        True,
    ),
    ("shows in Copenhagen, Hamburg, Brasoc and Mannheim", "Copenhagen", "Hamburg", True),
    ("HOLLIDAY, Mo. (AP) — A man was hurt", "HOLLIDAY", "Mo.", False),
    ("was shot in Bokoshe, Ark.  Police were called", "Bokoshe", "Ark.", False),
    ("a home in Springfield, Mo., on Sunday", "Springfield", "Mo.", False),
]


@pytest.mark.parametrize(("text", "name", "area", "expected"), LISTS)
def test_a_town_and_its_region_are_not_a_list(text: str, name: str, area: str, expected: bool) -> None:
    start = text.index(name)
    end = text.index(area, start) + len(area)
    assert in_list(text, start, end) is expected


@pytest.mark.parametrize(
    ("name", "expected"),
    [("St. Louis", "Saint Louis"), ("Ft. Myers", "Fort Myers"), ("Mt. Vernon", "Mount Vernon"),
     ("Stockton", "Stockton"), ("St Albans", "St Albans")],
)  # fmt: skip
def test_full_name_spells_out_the_first_word(name: str, expected: str) -> None:
    assert full_name(name) == expected
