"""Word lists for recognising place names (general English, not tuned to any document)."""

from __future__ import annotations

# words after a name that make it an administrative area ("Idlib province", "Helmand district")
ADMIN_WORDS = frozenset(
    [
        "district",
        "region",
        "province",
        "county",
        "oblast",
        "governorate",
        "state",
        "prefecture",
        "municipality",
        "rayon",
        "department",
        "territory",
        "parish",
        "canton",
        "commune",
        "raion",
        "krai",
        "voivodeship",
        "emirate",
    ]
)
# words after a name that make it a settlement
CITY_WORDS = frozenset(
    "city town village".split()  # noqa: SIM905
)
# words dropped from the start of a name
LEADING = frozenset(
    "the a an".split()  # noqa: SIM905
)
# capitalised words of organisation and person names that are also names of small towns
_ABSTRACT = (
    "alliance enterprise mission commerce independence liberty progress surprise unity harmony "
    "industry justice freedom victory security opportunity friendship"
)
GENERIC_WORDS = frozenset(
    [
        "university",
        "college",
        "school",
        "academy",
        "hospital",
        "police",
        "centre",
        "center",
        "central",
        "department",
        "court",
        "union",
        "congress",
        "council",
        "church",
        "cathedral",
        "valley",
        "lakes",
        "lake",
        "green",
        "superior",
        "western",
        "eastern",
        "northern",
        "southern",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "metro",
        "san",
        "santa",
        "olympic",
        "liberal",
        "garden",
        "easter",
        "park",
        "parks",
        "river",
        "national",
        "international",
        "federal",
        "royal",
        "county",
        "city",
        "state",
        "market",
        "street",
        "road",
        "station",
        "airport",
        "bridge",
        "castle",
        "hall",
        "house",
        "tower",
        "square",
        "island",
        "islands",
        "beach",
        "bay",
        "harbour",
        "harbor",
        "port",
        "mount",
        "hill",
        "hills",
        "fort",
        "new",
        "old",
        "saint",
        "st",
        "republic",
        "kingdom",
        "federation",
        "commonwealth",
        "empire",
        "media",
        "news",
        "press",
        "times",
        "post",
        "herald",
        "journal",
        "daily",
        # abstract nouns that name towns too ("the Alliance's", "Trade Mission")
        *_ABSTRACT.split(),
    ]
)
# last words of the names of streets, buildings and sites: "Walnut Street" is not in Walnut
FACILITY_WORDS = frozenset(
    [
        "street",
        "st",
        "road",
        "rd",
        "avenue",
        "ave",
        "boulevard",
        "blvd",
        "lane",
        "drive",
        "highway",
        "freeway",
        "parkway",
        "bridge",
        "park",
        "square",
        "church",
        "cathedral",
        "mosque",
        "temple",
        "hospital",
        "clinic",
        "school",
        "academy",
        "university",
        "college",
        "airport",
        "station",
        "hall",
        "center",
        "centre",
        "building",
        "tower",
        "mall",
        "stadium",
        "arena",
        "court",
        "prison",
        "jail",
        "museum",
        "library",
        "hotel",
        "market",
        "plaza",
        "block",
        "way",
        "place",
        "crescent",
        "terrace",
        "close",
        "inn",
        "motel",
        "racecourse",
        "racetrack",
        "speedway",
        "raceway",
        "circuit",
        "graveyard",
        "cemetery",
        "theatre",
        "theater",
        "cinema",
        "gallery",
        "estate",
        "plantation",
        "palace",
        "castle",
        "fortress",
        "barracks",
        "base",
        "camp",
        "pier",
        "wharf",
        "dam",
        "harbour",
        "harbor",
        "campus",
        "monument",
        "memorial",
        "zoo",
        "aquarium",
        "complex",
        "elementary",
        "courthouse",
        "cathedral",
        "basilica",
        "chapel",
        "synagogue",
        "shrine",
        "restaurant",
        "cafe",
        "pub",
        "farm",
        "ranch",
        "field",
        "fields",
        "garden",
        "gardens",
    ]
)
# last words of the names of quarters and local areas: "Hayes Valley" is not in Hayes
_QUARTER_WORDS = (
    "valley heights hill hills village side end gardens grove woods estates manor acres terrace "
    "point landing loop corner corners crossing"
)
QUARTER_WORDS = frozenset(_QUARTER_WORDS.split())
# words before a name that make it read as a place ("in Rock Falls", "north of Benton")
LOCATIVE_PREPOSITIONS = frozenset(
    "in near outside from at to into across around toward towards through via within".split()  # noqa: SIM905
)
# nouns after a name that make it read as a place ("Tifton police", "a Larose teenager")
LOCAL_NOUNS = frozenset(
    [
        "police",
        "officers",
        "sheriff",
        "home",
        "house",
        "residence",
        "apartment",
        "area",
        "neighborhood",
        "neighbourhood",
        "resident",
        "residents",
        "native",
        "man",
        "woman",
        "men",
        "women",
        "teen",
        "teenager",
        "teens",
        "boy",
        "girl",
        "couple",
        "family",
        "community",
        "street",
        "streets",
        "park",
        "school",
        "schools",
        "church",
        "store",
        "motel",
        "hotel",
        "bar",
        "business",
        "barbershop",
        "mayor",
        "township",
        "city",
        "town",
        "village",
        "county",
    ]
)
# nouns before "of" that make the next name a place ("the town of Traer", "north of Benton")
OF_HEADS = frozenset(
    [
        "town",
        "city",
        "village",
        "hamlet",
        "suburb",
        "suburbs",
        "outskirts",
        "borough",
        "township",
        "county",
        "parish",
        "community",
        "resident",
        "residents",
        "native",
        "mayor",
        "north",
        "south",
        "east",
        "west",
        "northeast",
        "northwest",
        "southeast",
        "southwest",
        "miles",
        "kilometres",
        "kilometers",
        "km",
    ]
)
# feast days (not the towns named after them)
_FEAST_DAYS = "easter christmas thanksgiving ramadan hanukkah passover lent pentecost"
FEASTS = frozenset(_FEAST_DAYS.split())
_MONTH_NAMES = "january february march april may june july august september october november december"
MONTHS = frozenset(_MONTH_NAMES.split())
# US Postal Service codes of the states ("Marksville, LA", "Butte, ND"): read as a state only
# after "<town>, ", where addresses and datelines put them ("LA" alone is Los Angeles too)
_POSTAL = (
    "AL Alabama|AK Alaska|AZ Arizona|AR Arkansas|CA California|CO Colorado|CT Connecticut|"
    "DE Delaware|DC District of Columbia|FL Florida|GA Georgia|HI Hawaii|ID Idaho|IL Illinois|"
    "IN Indiana|IA Iowa|KS Kansas|KY Kentucky|LA Louisiana|ME Maine|MD Maryland|MA Massachusetts|"
    "MI Michigan|MN Minnesota|MS Mississippi|MO Missouri|MT Montana|NE Nebraska|NV Nevada|"
    "NH New Hampshire|NJ New Jersey|NM New Mexico|NY New York|NC North Carolina|ND North Dakota|"
    "OH Ohio|OK Oklahoma|OR Oregon|PA Pennsylvania|RI Rhode Island|SC South Carolina|"
    "SD South Dakota|TN Tennessee|TX Texas|UT Utah|VT Vermont|VA Virginia|WA Washington|"
    "WV West Virginia|WI Wisconsin|WY Wyoming"
)
US_POSTAL = dict(pair.split(" ", 1) for pair in _POSTAL.split("|"))
