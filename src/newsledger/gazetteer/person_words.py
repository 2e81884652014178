"""Words around people's names: honorifics and titles ("Ms Raggi", "Cardinal Tagle")."""

from __future__ import annotations

# words before a name that make it a person's ("Ms Raggi", "Mr. Brunson", "Cardinal Tagle")
_TITLES = (
    "mr mrs ms miss mx dr sir dame lord lady rev reverend fr father sister brother cardinal bishop "
    "rabbi imam sheikh sen senator rep gov governor gen general col colonel capt captain sgt "
    "sergeant lt lieutenant cpl officer deputy detective judge justice president minister "
    "premier chancellor king queen prince princess coach"
)
HONORIFICS = frozenset(_TITLES.split())
