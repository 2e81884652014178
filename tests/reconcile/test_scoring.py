"""Coreference metrics against cases computed by hand."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from newsledger.reconcile.scoring import b_cubed, ceaf_e, conll_f1, muc

KEY = [{"a", "b", "c"}, {"d", "e"}]
RESPONSE = [{"a", "b"}, {"c", "d", "e"}]


def test_muc_by_hand():
    # key {a,b,c} is split in 2 parts (3-2=1), {d,e} in 1 (2-1=1): recall 2/3; precision likewise
    s = muc(KEY, RESPONSE)
    assert s.recall == pytest.approx(2 / 3) and s.precision == pytest.approx(2 / 3)


def test_muc_pradhan_example_with_extra_mentions():
    # Pradhan et al. (2014): key {a,b,c},{d,e,f,g}; response {a,b},{c,d},{f,g,h,i}: R = P = 0.4
    s = muc([{"a", "b", "c"}, {"d", "e", "f", "g"}], [{"a", "b"}, {"c", "d"}, {"f", "g", "h", "i"}])
    assert s.recall == pytest.approx(0.4) and s.precision == pytest.approx(0.4)


def test_b_cubed_by_hand():
    # a,b: P 1, R 2/3; c: 1/3, 1/3; d,e: P 2/3, R 1  → both 11/15
    s = b_cubed(KEY, RESPONSE)
    assert s.precision == pytest.approx(11 / 15) and s.recall == pytest.approx(11 / 15)


def test_ceaf_e_by_hand():
    # phi({a,b,c},{a,b}) = 4/5, phi({d,e},{c,d,e}) = 4/5: total 1.6 over 2 clusters each side
    s = ceaf_e(KEY, RESPONSE)
    assert s.precision == pytest.approx(0.8) and s.recall == pytest.approx(0.8)


def test_ceaf_e_prefers_the_best_alignment():
    # key {a,b,c,d}; response {a},{b,c,d}: the 4-cluster aligns with {b,c,d} (phi 6/7), not {a} (2/5)
    s = ceaf_e([{"a", "b", "c", "d"}], [{"a"}, {"b", "c", "d"}])
    assert s.recall == pytest.approx(6 / 7) and s.precision == pytest.approx(3 / 7)


def test_conll_is_the_mean():
    s = conll_f1(KEY, RESPONSE)
    assert s["conll"] == pytest.approx((2 / 3 + 11 / 15 + 0.8) / 3)


def test_all_singletons_response_has_no_muc_links():
    s = conll_f1(KEY, [{m} for c in KEY for m in c])
    assert s["muc"] == 0.0
    assert s["b3"] == pytest.approx(2 * (1 * 0.4) / 1.4)  # P 1, R (3*1/3 + 2*1/2)/5 = 0.4


@given(st.lists(st.integers(0, 6), min_size=1, max_size=25))
def test_identical_clusterings_score_one(labels):
    clusters: dict[int, set[int]] = {}
    for i, lab in enumerate(labels):
        clusters.setdefault(lab, set()).add(i)
    key = list(clusters.values())
    s = conll_f1(key, key)
    assert s["b3"] == pytest.approx(1.0) and s["ceafe"] == pytest.approx(1.0)
    if any(len(c) > 1 for c in key):
        assert s["muc"] == pytest.approx(1.0)
