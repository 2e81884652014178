"""The event taxonomy: all of ACLED plus our own documented types."""

from __future__ import annotations

from newsledger.coding.taxonomy import ACLED_TAXONOMY, OWN_TAXONOMY, event_type_of, is_acled


def test_acled_has_6_types_and_25_sub_types() -> None:
    assert len(ACLED_TAXONOMY) == 6
    assert sum(len(v) for v in ACLED_TAXONOMY.values()) == 25


def test_event_type_of_sub_types() -> None:
    for et, subs in ACLED_TAXONOMY.items():
        for s in subs:
            if s != "Other":
                assert event_type_of(s) == et
    assert event_type_of("Armed clash") == "Battles"
    assert event_type_of("Non-violent transfer of territory") == "Strategic developments"
    assert event_type_of("Natural disaster") == "Disaster"


def test_own_types_are_not_acled() -> None:
    for subs in OWN_TAXONOMY.values():
        for s in subs:
            assert not is_acled(s)
    assert is_acled("Grenade")
