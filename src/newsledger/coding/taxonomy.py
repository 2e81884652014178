"""The event taxonomy: ACLED's 6 event types and 25 sub-event types, plus our own types.

ACLED (Armed Conflict Location & Event Data) codes political violence, demonstrations and
strategic developments. Happenings outside its scope keep a type of their own here instead of a
forced ACLED label (documented here and in ``docs/benchmarks.md``):

* ``Disaster`` / ``Natural disaster``, ``Man-made disaster`` — earthquakes, floods, epidemics;
  crashes, industrial explosions, fires, spills.
* ``Crime`` / ``Organised crime`` (smuggling, trafficking, fraud) and ``Violent crime``
  (shootings, killings by individuals with no political or armed-group actor).
* ``Diplomacy`` / ``Diplomatic event`` — expulsions, sanctions, talks, condemnations.
* ``Statement`` / ``Attribution of responsibility`` — claims or denials of responsibility.
* ``Other`` / ``Other`` — anything else worth recording.
"""

from __future__ import annotations

from types import MappingProxyType

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

ACLED_TAXONOMY = MappingProxyType(
    {
        BATTLES: ("Armed clash", "Government regains territory", "Non-state actor overtakes territory"),
        EXPLOSIONS: (
            "Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED", "Grenade",
        ),
        VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
        PROTESTS: ("Peaceful protest", "Protest with intervention", "Excessive force against protesters"),
        RIOTS: ("Violent demonstration", "Mob violence"),
        STRATEGIC: (
            "Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use",
            "Headquarters or base established", "Looting/property destruction",
            "Non-violent transfer of territory", "Other",
        ),
    }
)  # fmt: skip

OWN_TAXONOMY = MappingProxyType(
    {
        "Disaster": ("Natural disaster", "Man-made disaster"),
        "Crime": ("Organised crime", "Violent crime"),
        "Diplomacy": ("Diplomatic event",),
        "Statement": ("Attribution of responsibility",),
        "Other": ("Other",),
    }
)

EVENT_TYPE_OF = MappingProxyType(
    {
        sub: et
        for tax in (ACLED_TAXONOMY, OWN_TAXONOMY)
        for et, subs in tax.items()
        for sub in subs
        if sub != "Other"
    }
    | {"Other": "Other"}
)
ACLED_SUB_EVENT_TYPES = frozenset(s for subs in ACLED_TAXONOMY.values() for s in subs)


def event_type_of(sub_event_type: str, default: str = "Other") -> str:
    """The event type a sub-event type belongs to (``"Armed clash"`` → ``"Battles"``)."""
    return EVENT_TYPE_OF.get(sub_event_type, default)


def is_acled(sub_event_type: str | None) -> bool:
    return sub_event_type in ACLED_SUB_EVENT_TYPES and sub_event_type != "Other"
