"""The grammar: one regular expression per kind of temporal expression, and how to read a match.

Each rule gives a pattern and a reader ``(match) -> Cand | None``; the reader may refuse a match
(e.g. a four-digit number that counts troops is not a year).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from types import MappingProxyType

from .cand import Cand
from .patterns import (
    DAY,
    EDGE,
    MONTH,
    NUMBER,
    PREMOD,
    SPELLED_YEAR,
    UNIT,
    WEEKDAY,
    YEAR,
)
from .read_calendar import (
    r_clock,
    r_clock_day,
    r_clock_pod,
    r_dmy_short,
    r_full_date,
    r_half,
    r_holiday,
    r_iso,
    r_month,
    r_month_day,
    r_month_of_that_year,
    r_month_rel_year,
    r_month_spelled_year,
    r_month_year,
    r_noon,
    r_pod_date,
    r_quarter,
    r_quarter_code,
    r_quarter_rel,
    r_range,
    r_season,
    r_slash,
    r_week_of,
    r_weekend,
    r_year_ago_adj,
    r_year_quarter,
)
from .read_relative import (
    r_adj_duration,
    r_anaphor,
    r_bare_units,
    r_coming_units,
    r_day_after,
    r_day_before,
    r_dayword,
    r_every,
    r_generic_pod,
    r_half_hour,
    r_last_night,
    r_narrative_ref,
    r_quantity,
    r_recent_units,
    r_ref,
    r_rel_unit,
    r_rel_weekday,
    r_set,
    r_soon,
    r_story_time,
    r_unit_end,
    r_unit_long,
    r_year_part,
)
from .read_years import (
    r_bc,
    r_bc_span_start,
    r_century,
    r_decade,
    r_decade_word,
    r_pre_post_year,
    r_spelled_year,
    r_year,
    r_year_span_end,
)

Reader = Callable[[re.Match[str]], Cand | None]

M = rf"(?-i:{MONTH})"

WD = rf"(?-i:{WEEKDAY})"

POD = r"(?:morning|afternoon|evening|night|overnight)"

ORD_Q = r"(?:first|second|third|fourth|1st|2nd|3rd|4th)"

REL = r"(?:this|last|next|past|coming|previous|following|current|latest)"

DAYWORD = r"(?:today|tonight|yesterday|tomorrow|tonite|2nite|tmrw?|tmrow|tomorow|2moro|2morrow)"


# --- the rules ------------------------------------------------------------------------------

_EDGEP = rf"(?:(?P<edge>{EDGE})[- ]\s*)?"

# a weekday before a date is part of it ("Friday, Sept. 18"), but not across a blank line (a
# headline "... until Friday" above the dateline "September 18, 2008")
_WDP = rf"(?:(?P<wdx>{WD}),?[^\S\n]*\n?[^\S\n]*(?<=\s))?"
_EDGEP = rf"(?:(?P<edge>{EDGE})[- ]\s*)?"
_PRE = rf"(?:(?P<pre>{PREMOD})\s+)?"
_NUM = rf"(?P<n>{NUMBER})"
_UNITS = rf"(?P<u>{UNIT})s?"

RULES: tuple[tuple[str, Reader], ...] = (
    # calendar dates
    (rf"{_WDP}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{M}),?\s+(?P<year>{YEAR})\b", r_full_date),
    (rf"{_WDP}(?P<mon>{M})\s+(?P<day>{DAY}),?\s+(?P<year>{YEAR})\b", r_full_date),
    (
        rf"(?P<d1>{DAY})(?:\s*[-–]\s*|\s+(?P<link>to|and)\s+)(?P<d2>{DAY})\s+(?P<mon>{M})(?:,?\s+(?P<year>{YEAR}))?\b",
        r_range,
    ),
    (
        rf"(?P<mon>{M})\s+(?P<d1>{DAY})(?:\s*[-–]\s*|\s+(?P<link>to|and)\s+)(?P<d2>{DAY})(?:,?\s+(?P<year>{YEAR}))?\b",
        r_range,
    ),
    (
        r"(?<![\d/.-])(?P<y>(?:1[6-9]|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?:[T ](?P<hh>[0-2]\d):(?P<mm>[0-5]\d)(?::\d\d)?Z?)?(?![\d/])",
        r_iso,
    ),
    (r"(?<![\d/.-])(?P<a>[0-3]?\d)/(?P<b>[0-3]?\d)/(?P<y>(?:1[6-9]|20)\d\d|\d\d)(?![\d/])", r_slash),
    (
        rf"(?<![\d-])(?P<day>{DAY})-(?P<mon>(?-i:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)))-(?P<y>\d\d|\d{{4}})\b(?!-)",
        r_dmy_short,
    ),
    (rf"{_EDGEP}(?P<mon>{M}),?\s+(?:of\s+)?(?P<year>{YEAR})\b(?![,.]\d)", r_month_year),
    (rf"{_EDGEP}(?P<mon>{M}),?\s+(?:of\s+)?(?P<syear>{SPELLED_YEAR})\b", r_month_spelled_year),
    (
        rf"the\s+week\s+(?:of|beginning|starting|ending)\s+(?:(?P<mon>{M})\s+(?P<day>{DAY})|(?P<day2>{DAY})\s+(?P<mon2>{M}))(?:,?\s+(?P<year>{YEAR}))?\b(?![,.]?\d|:\d)",
        r_week_of,
    ),
    (rf"{_EDGEP}(?P<mon>{M})\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b", r_month_rel_year),
    (
        rf"{_WDP}(?:(?P<rel>last|next|this|this\s+past|this\s+coming)\s+)?(?P<mon>{M})\s+(?P<day>{DAY})\b(?![,.]?\d|:\d)",
        r_month_day,
    ),
    (rf"{_WDP}(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{M})(?!\w|-(?-i:[a-z]))", r_month_day),
    (rf"{_EDGEP}(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<mon>{M})(?!\w|-(?-i:[a-z]))", r_month),
    (
        rf"{_EDGEP}(?:(?:fiscal|calendar|the\s+year|fiscal\s+year)\s+)?(?P<year>{YEAR})(?![\d,.]\d|\d|(?-i:[a-z]))",
        r_year,
    ),
    (rf"(?P<pp>pre|post)-(?P<year>{YEAR})\b(?![-–]\d)", r_pre_post_year),
    (rf"{_EDGEP}(?P<n>\d{{1,4}})\s*(?P<era>B\.C\.(?:E\.)?|BCE|BC|A\.D\.|AD)(?!\w)", r_bc),
    (rf"{_EDGEP}(?P<era>A\.D\.|AD)\s*(?P<n>\d{{1,4}})\b", r_bc),
    # the first year of a span whose second one carries the era or the century: "[499]-493 BC",
    # "264 to 241 BC"; "1915-[17]", "2007-[08]"
    (r"(?P<n>\d{1,4})(?=\s*(?:[-–]|to)\s*\d{1,4}\s*(?:B\.C\.|BCE|BC)(?!\w))", r_bc_span_start),
    (r"(?<=\d\d\d\d[-–])(?P<yy>\d\d)\b(?![-–/.,:]?\d)", r_year_span_end),
    (rf"(?:the\s+)?{_EDGEP}(?P<dec>1\d\d0|20\d0|['’]\d0)['’]?s\b", r_decade),
    (
        rf"the\s+{_EDGEP}(?P<word>twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b",
        r_decade_word,
    ),
    (
        rf"(?:the\s+)?{_EDGEP}(?P<n>\d{{1,2}}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|twentieth|twenty-first)[- ]century(?P<bc>\s+B\.?C\.?)?",
        r_century,
    ),
    # quarters, halves, seasons
    (
        rf"(?:the\s+)?(?:(?P<yrel>this|last|next)\s+year['’]s\s+)?(?:(?P<rel>this|last|next|previous|current|latest|fiscal|year-ago|year-earlier)\s+)?(?:fiscal\s+)?(?P<q>{ORD_Q}|final)[- ](?:fiscal[- ])?quarter(?:\s+(?:of\s+)?(?:fiscal\s+)?(?P<year>{YEAR})|\s+of\s+(?:the\s+)?(?P<yrel2>this|last|next|previous|current)\s+year)?",
        r_quarter,
    ),
    (
        r"(?:the\s+)?(?P<rel>(?:last|this)\s+year['’]s(?=\s+quarter)|latest|current|same|comparable|corresponding|year-earlier|year-ago|previous|last|this|that|fiscal|recent)(?:\s+(?P<rel2>fiscal|year-earlier|year-ago|comparable|corresponding))?\s+(?P<w>quarter|period)(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?\b(?!-)",
        r_quarter_rel,
    ),
    (
        r"the\s+(?P<w>quarter)(?P<ago>\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year))?\b(?!-)(?P<rel>)(?P<rel2>)",
        r_quarter_rel,
    ),
    (
        rf"(?:the\s+)?(?P<year>{YEAR})\s+(?:(?P<q>{ORD_Q})\s+)?(?:fiscal\s+)?(?:quarter|period)\b",
        r_year_quarter,
    ),
    (  # financial shorthand: "Q3 2020", "3Q 2020", "2020 Q3", "H1 2021", "1H21" is left out, "FY2021"
        rf"(?-i:(?:Q(?P<q>[1-4])|(?P<q2>[1-4])Q|H(?P<h>[12])|(?P<h2>[12])H|(?P<fy>FY))[\s-]?(?P<year>{YEAR})"
        rf"|(?P<year2>{YEAR})[\s-]?(?:Q(?P<q3>[1-4])|H(?P<h3>[12])))\b",
        r_quarter_code,
    ),
    (r"year-(?:earlier|ago)\b", r_year_ago_adj),
    (r"the\s+weekend\b", r_weekend),
    (
        rf"(?P<clock>(?:[01]?\d|2[0-3])(?:[:.][0-5]\d)?\s*(?-i:a\.m\.|p\.m\.|am|pm|AM|PM)|(?<![\d:.])(?:[01]?\d|2[0-3]):[0-5]\d(?![\d:])|noon|midnight)"
        rf"(?:\s+(?P<z>(?-i:[ECMP][SD]T|UTC|GMT)))?(?:,?\s+(?:on\s+)?(?P<day>{WD}|today|yesterday|tomorrow)\b"
        rf"|,?\s+(?:on\s+)?(?P<mon>{M})\s+(?P<md>{DAY})(?:,?\s+(?P<my>(?:1[6-9]|20)\d\d))?\b(?![,.]?\d|:\d))",
        r_clock_day,
    ),
    (
        rf"(?:the\s+)?(?:(?P<h>first|second|1st|2nd|last|latter|final)[- ]half|(?P<hq>first|last|final)\s+two\s+quarters)(?:\s+of\s+(?:the\s+year\s+|fiscal\s+)?(?P<year>{YEAR}))?",
        r_half,
    ),
    (
        rf"(?P<the>the\s+)?{_EDGEP}(?:(?P<rel>this\s+past|this\s+coming|this|last|next|past|coming)\s+)?(?P<s>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?:(?P<year>{YEAR})(?!\s*B\.?C)|(?P<bcy>\d{{1,4}})\s*(?:BCE|BC|B\.C\.)|(?P<syear>{SPELLED_YEAR})\b))?(?!\w)",
        r_season,
    ),
    # deictic days and parts of day
    (
        rf"{_EDGEP}(?:(?P<pod0>mid-?(?:morning|afternoon|evening)|(?:early|late)\s+(?:morning|afternoon|evening))\s+)?(?P<w>{DAYWORD})(?:\s+(?P<pod>{POD}))?\b",
        r_dayword,
    ),
    (r"the\s+day\s+(?:after|before)\s+(?P<w>tomorrow|yesterday)", r_day_after),
    (rf"(?P<rel>this|last)\s+(?P<pod>{POD})", r_last_night),
    (
        r"(?:(?P<pre>earlier|later|early|late)\s+)?(?:the\s+)?(?P<rel>this|last|next|past|coming|previous|current)\s+(?:(?P<fiscal>fiscal)\s+)?(?P<u>day|week|weekend|month|year|decade|century)\b",
        r_rel_unit,
    ),
    (
        rf"{_EDGEP}(?:(?P<rel>last|next|this|coming|past|(?:the\s+)?(?:previous|preceding|following))\s+)?(?P<wd>{WD})(?:\s+(?P<pod>{POD}))?",
        r_rel_weekday,
    ),
    # relative to now or to the story's time
    (
        r"(?:(?P<pre>earlier|later|early|late)\s+(?:in\s+)?)?(?:the\s+)?(?P<rel>next|following|previous|preceding|same|that)\s+(?P<u>day|week|month|year|morning|night|evening|afternoon|decade)\b",
        r_anaphor,
    ),
    (r"the\s+day\s+(?P<w>before|after)\b(?!\s+(?:tomorrow|yesterday))", r_day_before),
    (
        rf"(?P<mon>{M})(?:\s+(?P<day>{DAY}))?\s+of\s+(?:that|the\s+same|the\s+following|the\s+next)\s+year",
        r_month_of_that_year,
    ),
    # clock times
    (
        r"(?<![\d:.])(?P<h>[01]?\d|2[0-4])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?-i:a\.m\.|p\.m\.|am\b|pm\b|AM\b|PM\b|A\.M\.|P\.M\.))(?:\s+(?P<z>(?-i:[A-Z]{2,4}T|UTC|GMT|Z))\b)?",
        r_clock,
    ),
    (
        r"(?<![\d:.])(?P<h>[01]?\d|2[0-3])[:](?P<mi>[0-5]\d)(?![\d:])(?:\s*(?:hrs|h)\b)?(?:\s+(?P<z>(?-i:[A-Z]{2,4}T|UTC|GMT|Z))\b)?(?P<ap>)",
        r_clock,
    ),
    (
        r"(?<![\d:.])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s*(?:hrs|hours\s+(?-i:(?=[A-Z]{3}))|(?P<z>(?-i:GMT|UTC|Z))\b)(?P<ap>)",
        r_clock,
    ),
    (r"(?P<w>noon|midnight|midday)", r_noon),
    (
        r"(?<![\d:.,])(?P<h>1[0-2]|[1-9])(?:\s+o['’]clock)?\s+in\s+the\s+(?P<pod>morning|afternoon|evening|night)\b",
        r_clock_pod,
    ),
    # durations
    (r"(?:(?P<pre>" + PREMOD + r")\s+)?half\s+an?\s+hour", r_half_hour),
    (
        rf"{_PRE}(?:the\s+)?(?:(?:past|last|next|first|coming|previous|following|final|recent|another|additional|remaining|entire|whole|full|intervening)\s+)?(?:{_NUM}(?P<half>\s+and\s+a\s+half)?(?:\s+(?:more|additional|full|long|straight|consecutive|successive|further|whole|trading|business|working))?\s+)?{_UNITS}(?P<half2>\s+and\s+a\s+half)?(?:['’]s?\s+time|\s+old|\s+of\s+age)?(?:\s+or\s+so)?(?:\s+(?P<ago>ago)|\s+(?P<dir>later|earlier|previously|afterwards?)|\s+(?P<hence>from\s+(?:now|today)))?(?!-)\b",
        r_quantity,
    ),
    (
        rf"(?<![\w-])(?P<n>\d+(?:\.\d+)?|{NUMBER})[- ](?P<u>{UNIT})(?:[- ](?:long|old))?(?=[- ]?\s*[a-z]|,\s)",
        r_adj_duration,
    ),
    (r"(?<![\w-])(?P<u>hour|day|week|month|year|decade|centur(?:y|ie))(?P<pl>s)?-long\b", r_unit_long),
    (
        r"(?:(?<=\bfor\s)|(?<=\bover\s)|(?<=\bwithin\s)|(?<=\bin\s))(?:the\s+)?(?:past\s+|last\s+)?(?P<u>years|months|weeks|days|decades|hours|centuries)\b",
        r_bare_units,
    ),
    (
        r"(?:the\s+)?(?:coming|following|succeeding|subsequent|intervening|next\s+few|past\s+few|last\s+few)\s+(?P<u>years|months|weeks|days|decades)\b",
        r_coming_units,
    ),
    (r"recent\s+(?P<u>years|months|weeks|days|decades)", r_recent_units),
    # sets
    (r"(?P<w>daily|nightly|weekly|biweekly|monthly|quarterly|annually|yearly|hourly)\b", r_set),
    (
        rf"(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUMBER})\s+)?(?P<u>{UNIT}s?|(?-i:{WEEKDAY})|(?-i:{MONTH})|spring|summer|autumn|fall|winter|seasons?)\b",
        r_every,
    ),
    (
        rf"(?:(?<=\bper\s)|(?<=\btimes\sa\s)|(?<=\btwice\sa\s)|(?<=\bonce\sa\s))(?P<u>{UNIT})\b(?P<n>)(?P<other>)",
        r_every,
    ),
    # holidays, parts of named days, the story's time
    (
        rf"(?P<h>Christmas(?:\s+(?:Eve|Day))?|New\s+Year['’]s\s+(?:Eve|Day)|Halloween|Valentine['’]s\s+Day|Thanksgiving(?:\s+Day)?|Easter(?:\s+Sunday)?|Labor\s+Day|Memorial\s+Day|Election\s+Day)(?:\s+(?P<pod>night|morning|evening)|\s+(?P<week>week)\b)?(?:,?\s+(?P<year>{YEAR}))?\b",
        r_holiday,
    ),
    (
        rf"(?:early\s+(?:in\s+)?)?the\s+(?:early\s+|late\s+)?(?P<pod>morning|night|evening|afternoon)(?:\s+hours)?\s+of\s+(?:(?P<mon>{M})\s+(?P<day>{DAY})|(?:the\s+)?(?P<day2>{DAY})(?:\s+of)?\s+(?P<mon2>{M}))(?:,?\s+(?P<year>{YEAR}))?\b",
        r_pod_date,
    ),
    (
        r"(?:(?<=\bat\s)|(?<=\bby\s)|(?<=\bduring\sthe\s)|(?<=\bin\sthe\s))(?P<w>night|daytime|night-time|nighttime)\b|(?P<w2>one\s+night)\b",
        r_generic_pod,
    ),
    (
        r"(?:the\s+same\s+time|this\s+time|that\s+time|the\s+time)\b(?!\s+(?:of|when|that|he|she|it|they|the|his|her|their|[A-Z]))",
        r_story_time,
    ),
    (
        rf"(?:(?P<pre>later|late|earlier|early)\s+in\s+the\s+|{_EDGEP}the\s+)(?:(?:full|fiscal)\s+(?=year))?(?P<u>year|month)\b(?!-)",
        r_year_part,
    ),
    # "by year end", "before month's end", "at year-end 1986": after a preposition (not "its year end
    # audit", "a calendar year end", "year-end results")
    (
        r"(?:(?<=\bby\s)|(?<=\bat\s)|(?<=\bbefore\s)|(?<=\buntil\s)|(?<=\bafter\s)|(?<=\baround\s)|"
        r"(?<=\btoward\s)|(?<=\btowards\s)|(?<=\bfrom\s)|(?<=\bsince\s)|(?<=\bof\s)|(?<=\bnear\s))"
        rf"(?:the\s+)?(?P<u>year|month)(?:['’]s\s+end|\s+end|-end)\b(?!-)(?:\s+(?P<year>{YEAR})\b)?",
        r_unit_end,
    ),
    (
        rf"(?:the\s+year\s+)?(?P<y>{SPELLED_YEAR})\b",
        r_spelled_year,
    ),
    # reference words
    (
        r"(?P<w>the\s+past(?!\s+(?:\d|(?:two|three|four|five|six|seven|eight|nine|ten|few|several|couple)\b))|the\s+(?:near\s+|immediate\s+|foreseeable\s+)?future|the\s+(?:near|short)\s+term|the\s+present|right\s+now|at\s+present|nowadays|currently|presently|recently|formerly|lately|now|current|these\s+days|the\s+time\s+being|recent)\b(?!-)(?!\s+(?:years|months|weeks|days|decades|quarters)\b)",
        r_ref,
    ),
    (r"(?P<w>former|future)\b(?!-)", r_narrative_ref),
    (  # "soon" next to a modal of the future ("may soon seek", "soon will begin"); not "would soon"
        r"(?:(?<=\bwill\s)|(?<=\bmay\s)|(?<=\bmight\s)|(?<=\bcould\s)|(?<=\bcan\s)|(?<=\bshould\s)|(?<=\bmust\s))soon\b"
        r"|soon(?=\s+(?:will|may|might|could|can|should|must)\b)|(?<=\bat\s)a\s+later\s+date\b",
        r_soon,
    ),
)

# which trigger tokens each reader's rules need (see tagger.PADS): M month, W weekday, Y year-like
# number, T number of a clock time or numeric date, U unit word, C century, Q quarter/half/period,
# K other keyword; a rule runs only in windows around those words
TRIGGERS_OF = MappingProxyType(
    {
        "r_full_date": "M", "r_range": "M", "r_iso": "T", "r_slash": "T", "r_dmy_short": "M",
        "r_month_year": "M", "r_month_spelled_year": "M", "r_week_of": "M", "r_month_rel_year": "M", "r_month_day": "M", "r_month": "M", "r_year": "Y",
        "r_bc": "Y", "r_bc_span_start": "Y", "r_year_span_end": "Y", "r_decade": "Y", "r_decade_word": "K", "r_clock_pod": "K", "r_unit_long": "U", "r_century": "C", "r_quarter": "Q", "r_quarter_rel": "Q",
        "r_year_quarter": "Q", "r_quarter_code": "Y", "r_year_ago_adj": "U", "r_weekend": "U", "r_clock_day": "WT", "r_half": "Q",
        "r_season": "K", "r_dayword": "K", "r_day_after": "K", "r_last_night": "K", "r_rel_unit": "U",
        "r_rel_weekday": "W", "r_anaphor": "U", "r_day_before": "U", "r_month_of_that_year": "M",
        "r_clock": "T", "r_noon": "K", "r_half_hour": "U", "r_quantity": "U", "r_adj_duration": "U",
        "r_bare_units": "U", "r_coming_units": "U", "r_recent_units": "U", "r_set": "K", "r_every": "UWK",
        "r_holiday": "UK", "r_pod_date": "UK", "r_generic_pod": "K", "r_story_time": "K", "r_year_part": "U",
        "r_ref": "K", "r_spelled_year": "K", "r_narrative_ref": "K", "r_pre_post_year": "K", "r_unit_end": "U",
        "r_soon": "K",
    }
)  # fmt: skip
# rules that need one of a few words run only around those words (narrower than a class)
WORDS_OF = MappingProxyType(
    {
        "r_weekend": "weekend", "r_half_hour": "hour", "r_recent_units": "recent", "r_year_ago_adj": "year",
        "r_coming_units": "years months weeks days decades", "r_day_before": "day",
        "r_day_after": "tomorrow yesterday", "r_season": "spring summer autumn fall winter",
        "r_dayword": "today tonight yesterday tomorrow tonite tmr tmrw tmrow tomorow", "r_noon": "noon midnight midday",
        "r_set": "daily nightly weekly biweekly monthly quarterly annually yearly hourly",
        "r_ref": "past future present now nowadays currently presently recently formerly lately current "
        "recent days time term",
        "r_narrative_ref": "former future", "r_story_time": "time", "r_soon": "soon date", "r_pre_post_year": "pre post",
        "r_unit_end": "end",
        "r_spelled_year": "seventeen eighteen nineteen thousand",
        "r_generic_pod": "night daytime nighttime", "r_last_night": "morning afternoon evening night overnight",
        "r_holiday": "christmas xmas year halloween valentine thanksgiving easter labor memorial election",
        "r_every": "every each per twice once times", "r_pod_date": "morning night evening afternoon",
        "r_year_part": "year month", "r_bare_units": "years months weeks days decades hours centuries",
        "r_month_spelled_year": "seventeen eighteen nineteen thousand", "r_week_of": "week",
        "r_decade_word": "twenties thirties forties fifties sixties seventies eighties nineties",
        "r_clock_pod": "morning afternoon evening night", "r_unit_long": "long",
    }
)  # fmt: skip
# what a window must contain for a rule to match in it (checked before running the regex): a digit
# ("0") or any of the (lowercase) words
NEEDS_OF = MappingProxyType(
    {
        "r_full_date": "0", "r_range": "0", "r_dmy_short": "0", "r_month_year": "0", "r_month_day": "0",
        "r_month_rel_year": "year", "r_month_of_that_year": "year", "r_year_quarter": "0", "r_quarter_code": "0", "r_iso": "0",
        "r_slash": "0", "r_clock": "0", "r_clock_day": "0 noon midnight", "r_rel_unit": "this last next past coming previous current",
        "r_anaphor": "next following previous preceding same that", "r_unit_end": "year month",
    }
)  # fmt: skip
# how far (characters before, after its trigger token) a rule's matches may reach, where it is
# much less than its trigger class allows (tagger.PADS): the regexes then scan less text
PADS_OF = MappingProxyType(
    {
        "r_adj_duration": (20, 15), "r_rel_unit": (35, 8), "r_anaphor": (35, 8), "r_month_day": (30, 12),
        "r_full_date": (30, 14), "r_month_year": (30, 14), "r_month": (35, 6), "r_range": (14, 16),
        "r_dmy_short": (6, 10), "r_month_rel_year": (30, 22), "r_month_of_that_year": (6, 32),
        "r_year": (40, 6), "r_pre_post_year": (6, 6), "r_unit_end": (14, 6), "r_soon": (14, 10), "r_bc": (35, 12), "r_decade": (35, 6),
    }
)  # fmt: skip
RULE_PADS: tuple[tuple[int, int] | None, ...] = tuple(PADS_OF.get(r.__name__) for _p, r in RULES)
RULE_NEEDS: tuple[tuple[str, ...], ...] = tuple(
    tuple(NEEDS_OF.get(r.__name__, "").split()) for _p, r in RULES
)
RULE_TRIGGERS: tuple[str, ...] = tuple(TRIGGERS_OF[reader.__name__] for _p, reader in RULES)
RULE_WORDS: tuple[frozenset[str], ...] = tuple(
    frozenset(WORDS_OF.get(reader.__name__, "").split()) for _p, reader in RULES
)
