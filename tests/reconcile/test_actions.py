"""Index keys of what an event can carry out agree with ``fulfils`` (the store finds possible
fulfilling events through them)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from newsledger.reconcile.actions import FAMILY_SUBTYPES, FAMILY_WORDS, act_keys, fulfil_keys, fulfils

FAMILIES = [*sorted(FAMILY_WORDS), "disarm", "inspect"]  # known families and bare action stems
SUBTYPES = [*sorted({s for subs in FAMILY_SUBTYPES.values() for s in subs}), "Armed clash", "Attack"]
WORDS = [*sorted({w for ws in FAMILY_WORDS.values() for w in ws}), "returned", "disarmed", "said", "shot"]


@given(
    st.sampled_from(FAMILIES),
    st.one_of(st.none(), st.sampled_from(SUBTYPES)),
    st.lists(st.sampled_from(WORDS), max_size=3).map(" ".join),
)
def test_act_keys_meet_fulfil_keys_exactly_when_the_event_fulfils(fam, sub, trigger):
    assert bool(set(act_keys(sub, trigger)) & fulfil_keys(fam)) == fulfils(fam, sub, trigger)
