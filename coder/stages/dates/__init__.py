"""Date expressions in news text, and their resolution against a publication date.

`find_date_expressions` finds explicit dates ("7 November 2021", "Nov. 7", "2021-11-07"),
weekdays ("late on Sunday", "Friday's attack"), relative days ("yesterday", "last night",
"two days ago"), weeks, months ("early October"), years ("in 2019") and ranges ("between 3 and
5 May"), with a grammar compiled from the word lists in coder/data/dates/ (grammar.py,
expressions.py). `resolve_date` turns one into a day and an ACLED time precision (codebooks.md
1.4; resolve.py). `parse_date_text` reads a whole metadata value or date line; dateparser is its
cached fallback, imported only when needed (parse.py).

Conventions: a weekday is the latest such day on or before the anchor ("last Friday": strictly
before; "next Monday": strictly after); "last night" and "overnight" are the day before the
anchor (ACLED practice for overnight events reported next day); "last week" is the Wednesday of
the previous week (precision 2); a month is its 15th, or its first/last day for "early"/"late"
(precision 3); "the first week of May" is the middle of that week (precision 2); "at the end of
last month" is that month's last day; a year is its 1 July (precision 3, kind "year": callers
usually reject it), and "earlier this year" the 15th of the month halfway between 1 January and
the anchor; an explicit date without a year takes the latest year that puts it on or before
the anchor (FUTURE_TOLERANCE: events are reported after they happen); a numeric date
that reads either way ("07/11/2021") is day-first, as ACLED and most of the world write it (only
in running text: `parse_date_text` rejects it); a range ("between 3 and 5 May", "30 October to 2
November") is its middle day (precision 2 up to a week, else 3), and "the week of 16 July" the
middle of that week (week_leads.csv, precision 2).
"""

from coder.stages.dates.expressions import find_date_expressions
from coder.stages.dates.parse import parse_date_text
from coder.stages.dates.resolve import FUTURE_TOLERANCE, resolve_date

__all__ = ["FUTURE_TOLERANCE", "find_date_expressions", "parse_date_text", "resolve_date"]
