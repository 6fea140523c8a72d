"""Casualty figures in a sentence: who was killed or injured, and how many.

`find_casualties(text)` finds trigger phrases (coder/data/casualties/triggers.csv) and attaches
to each the figure written before it ("12 people were killed"), after it ("killing 12"), or a
few words after it ("the death toll rose to 30"). ACLED conventions (codebooks.md 1.5):

- the written figure is kept for hedges ("at least 12" -> 12, "more than 100" -> 100); ranges
  keep both ends ("two to four" -> value 2, high 4);
- vague quantities take their numbers.csv value: dozens 12, hundreds 100, tens 10, scores 20,
  several / a few / some 3, many / numerous 10 (the larger of ACLED's "3 or 10": "many" is used
  for big tolls); figureless plurals ("killed civilians", "they were killed") are vague 3;
- a singular victim ("a protester was killed", "gunmen killed the mayor", "he died") is 1;
- "casualties" alone is NOT deaths (ACLED records 0 fatalities): no mention is made, except for
  its negation ("no casualties") which gives killed 0 and injured 0;
- negated tolls ("no one was killed", "nobody was hurt") give value 0; a named victim who was
  "not hurt" gives no mention (others may still have been hurt); hypothetical or doubtful
  reports ("could have been killed", "whether anyone was killed") give no mention;
- `cumulative` marks running or historical totals (coder/data/casualties/cumulative.csv).

Modules: rules.py (the tables and word classes), phrases.py (victim noun phrases), attach.py
(attaching a figure to a trigger), asides.py (brackets and commas the backward search passes
over), find.py (`find_casualties`).
"""

from coder.stages.casualties.find import find_casualties

__all__ = ["find_casualties"]
