"""Cheap evidence that two reports tell one happening, beyond the sentence that reports it.

* **People named in both reports.** Local reports of one shooting name the same victim or
  suspect ("Dana Whitfield", "Ms. Whitfield"); two shootings in one city rarely share a full
  name. :func:`person_keys` reduces the full PERSON names of an article (two or more words) to
  (first name, last name) keys, so "Marcus Ellery III" = "Marcus Ellery".
* **Trigger words of one happening.** :func:`trigger_key` maps inflected and derived forms of an
  event word to one key ("shooting", "shot", "shoots" → "shoot"; "death", "dead", "died" →
  "die"), from a general table of irregular verbs and event nouns (:data:`WORD_FORMS`) plus a
  suffix rule.
"""

from __future__ import annotations

from collections.abc import Iterable
from types import MappingProxyType

from .text import fold, stem

# name suffixes and titles that are not part of what identifies a person
NAME_NOISE = frozenset(
    ["jr", "sr", "ii", "iii", "iv", "mr", "mrs", "ms", "miss", "dr", "sgt", "lt", "capt", "officer", "deputy"]
)


def person_keys(names: Iterable[str]) -> frozenset[tuple[str, str]]:
    """(first, last) keys of full person names: at least two alphabetic words after titles and
    suffixes are dropped; single names ("Whitfield") say too little to link two reports."""
    out = set()
    for name in names:
        folded = fold(name).replace("’s", "").replace("'s", "").replace("-", " ")
        words = [w.strip(".").replace("'", "").replace("’", "") for w in folded.split()]
        words = [w for w in words if w.isalpha() and w not in NAME_NOISE and len(w) > 1]
        if len(words) >= 2:
            out.add((words[0], words[-1]))
    return frozenset(out)


def trigger_key(trigger: str | None) -> str:
    """One key for the forms of an event word: the head word of the trigger (the first word of
    a phrase: "opened fire" → "open"), looked up in :data:`WORD_FORMS`, else its crude stem."""
    words = fold(trigger).split()
    if not words:
        return ""
    w = words[0]
    if w in WORD_FORMS:
        return WORD_FORMS[w]
    s = stem(w)
    for suffix in NOUN_SUFFIXES:  # "negotiation" = "negotiate", "announcement" = "announce"
        if s.endswith(suffix) and len(s) - len(suffix) >= 4:
            s = stem(s[: -len(suffix)])
            break
    return WORD_FORMS.get(s, s)


# suffixes that make a noun of an event verb, stripped to meet the verb's stem
NOUN_SUFFIXES = ("ion", "ment")


# inflected and derived forms of common event words → one base (general English: irregular verb
# forms and the nouns/adjectives that name the same happening)
WORD_FORMS: MappingProxyType[str, str] = MappingProxyType(
    {
        form: base
        for base, forms in {
            "die": ("died", "dies", "dying", "dead", "death", "deaths"),
            "kill": ("killed", "kills", "killing", "killings"),
            "shoot": ("shot", "shots", "shoots", "shooting", "shootings", "shooter", "gunshot"),
            "win": ("won", "wins", "winning", "winner"),
            "lose": ("lost", "loses", "losing", "loss", "losses"),
            "flee": ("fled", "flees", "fleeing"),
            "steal": ("stole", "stolen", "steals", "theft"),
            "strike": ("struck", "strikes", "striking"),
            "seize": ("seized", "seizure"),
            "fight": ("fought", "fights", "fighting"),
            "hit": ("hits", "hitting"),
            "hang": ("hung", "hanged", "hanging"),
            "explode": ("exploded", "explosion", "explosions"),
            "collide": ("collided", "collision"),
            "injure": ("injured", "injuries", "injury"),
            "elect": ("elected", "election", "elections"),
            "resign": ("resigned", "resignation"),
            "appoint": ("appointed", "appointment"),
            "acquire": ("acquired", "acquisition"),
            "arrest": ("arrested", "arrests"),
            "rob": ("robbed", "robbery", "robberies", "robber", "robbers"),
            "announce": ("announced", "announcement"),
            "destroy": ("destroyed", "destruction"),
            "convict": ("convicted", "conviction"),
            "sentence": ("sentenced", "sentencing"),
            "release": ("released", "releases", "releasing"),
            "find": ("found", "finds", "finding"),
            "escape": ("escaped", "escapes", "escaping"),
            "attack": ("attacked", "attacks", "attacking"),
            "earthquake": ("earthquakes",),
            "say": ("said", "says", "saying"),
            "tell": ("told", "tells", "telling"),
            "take": ("took", "taken", "takes", "taking"),
            "make": ("made", "makes", "making"),
            "give": ("gave", "given", "gives"),
            "go": ("went", "gone", "goes", "going"),
            "come": ("came", "comes", "coming"),
            "get": ("got", "gotten", "gets"),
            "hold": ("held", "holds"),
            "lead": ("led", "leads"),
            "become": ("became", "becomes"),
            "begin": ("began", "begun", "begins"),
            "know": ("knew", "known", "knows"),
            "leave": ("left", "leaves", "leaving"),
            "break": ("broke", "broken", "breaks"),
            "catch": ("caught", "catches"),
            "run": ("ran", "runs", "running"),
            "throw": ("threw", "thrown", "throws"),
            "beat": ("beaten", "beats", "beating"),
            "bring": ("brought", "brings"),
            "buy": ("bought", "buys"),
            "sell": ("sold", "sells"),
            "send": ("sent", "sends"),
            "seek": ("sought", "seeks"),
            "hide": ("hid", "hidden"),
            "stab": ("stabbed", "stabbing", "stabbings"),
        }.items()
        for form in (base, *forms)
    }
)


# words that name one kind of happening in news (general English senses, not tuned to a story):
# two triggers of one sense may report one happening ("murder" / "killing", "quake" /
# "earthquake", "victory" / "beat"); a weaker signal than the same word
SENSES: tuple[tuple[str, ...], ...] = (
    ("die", "kill", "murder", "slay", "slaying", "homicide", "fatal", "fatality", "perish", "assassinate"),
    ("shoot", "gunfire", "gunman"),
    ("earthquake", "quake", "temblor"),
    ("fire", "blaze", "inferno", "flames"),
    ("win", "victory", "triumph", "beat", "defeat", "lose"),
    ("arrest", "detain", "detention", "apprehend", "capture", "nab", "custody"),
    ("charge", "accuse", "indict", "indictment", "accusation"),
    ("release", "issue", "launch", "unveil", "publish", "introduce"),
    ("damage", "destroy", "devastate", "wreck", "ruin"),
    ("cut", "sever", "slash"),
    ("find", "discover", "uncover", "locate"),
    ("escape", "flee", "breakout"),
    ("rob", "heist", "burglary"),
    ("injure", "wound", "hurt"),
    ("fix", "repair", "patch", "restore"),
    ("retain", "keep", "defend"),
    ("enter", "admit", "check"),
    ("acquire", "buy", "purchase", "takeover", "merger"),
    ("appoint", "name", "nominate", "hire", "select"),
    ("resign", "quit"),
    ("explode", "blast", "bomb", "bombing", "detonate"),
    ("collide", "crash", "accident"),
    ("protest", "demonstrate", "demonstration", "rally", "march"),
    ("sentence", "jail", "imprison"),
    ("convict", "guilty"),
    ("attack", "assault", "strike", "hit"),
    ("fight", "clash", "battle", "combat"),
    ("stop", "halt", "suspend", "stoppage", "outage", "disrupt"),
)

# light and reporting verbs: that two sentences "say" or "take" something tells little
LIGHT_TRIGGERS = frozenset(
    trigger_key(w)
    for w in (
        "say", "tell", "report", "state", "make", "take", "have", "get", "go", "come", "give", "do",
        "be", "become", "set", "put", "use", "know", "show", "help", "hold", "begin", "end", "follow",
        "remain", "allow", "lead", "cause", "start", "continue", "happen", "occur", "include",
    )
)  # fmt: skip

SENSE_OF: MappingProxyType[str, int] = MappingProxyType(
    {trigger_key(w): i for i, group in enumerate(SENSES) for w in group}
)


def same_sense(a: str, b: str) -> bool:
    """Two trigger keys (:func:`trigger_key`) of one sense in :data:`SENSES`."""
    sa = SENSE_OF.get(a)
    return sa is not None and sa == SENSE_OF.get(b)
