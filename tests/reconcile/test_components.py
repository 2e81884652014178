"""Components of the blocking graph: an ingest finds, from the stored mentions that share a key
with the new ones, exactly the components a full recomputation gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from newsledger.reconcile import event_items
from newsledger.reconcile.blocking import blocking_keys, lookup_keys
from newsledger.reconcile.components import component_id, components, link_new, mention_ref

from .test_properties import article, build


def _shares_key(a, b) -> bool:
    return bool(set(lookup_keys(a)) & set(blocking_keys(b)) or set(lookup_keys(b)) & set(blocking_keys(a)))


@settings(max_examples=60, deadline=None)
@given(st.lists(article, min_size=2, max_size=7), st.integers(1, 6))
def test_new_items_join_exactly_the_stored_components_of_a_full_recomputation(spec, cut):
    docs = build(spec)
    cut = min(cut, len(docs) - 1)
    stored = [it for a in docs[:cut] for it in event_items(a)]
    new = [it for a in docs[cut:] for it in event_items(a)]
    comp_of = {mention_ref(it): component_id(g) for g in components(stored) for it in g}
    candidates = []
    for o in stored:
        near = {i for i, n in enumerate(new) if _shares_key(o, n)}
        if near:
            candidates.append((o, comp_of[mention_ref(o)], near))
    groups = link_new(new, candidates)
    truth = {frozenset(mention_ref(it) for it in g) for g in components(stored + new)}
    got = set()
    touched = set()
    for idx, comps in groups:
        refs = {mention_ref(new[i]) for i in idx}
        refs |= {r for r, c in comp_of.items() if c in comps}
        touched |= comps
        got.add(frozenset(refs))
    untouched = {
        frozenset(r for r, c in comp_of.items() if c == comp) for comp in set(comp_of.values()) - touched
    }
    assert got | untouched == truth
    assert sorted(i for idx, _ in groups for i in idx) == list(range(len(new)))
