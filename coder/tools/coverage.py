"""Which dictionary rules fire on a corpus, and which never do.

A rule "fires" when it contributes to an event the coder keeps: a trigger phrase, a weapon word
or a demonstration cue in the event's `rule_ids`, an actor dictionary entry that names one of its
actors. Rules that never fire on a large, relevant corpus are candidates for fixing or pruning.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from coder.dictionaries.rules import load_rules
from coder.document.coding import code_document
from coder.io.corpus import read_documents
from coder.models import Document
from coder.stages.actors import ActorDictionary


@dataclass(slots=True)
class CoverageReport:
    n_documents: int = 0
    n_events: int = 0
    fired: Counter[str] = field(default_factory=Counter)
    tables: dict[str, list[str]] = field(default_factory=dict)  # table -> every rule id

    def never_fired(self) -> dict[str, list[str]]:
        return {t: [r for r in ids if r not in self.fired] for t, ids in self.tables.items()}

    def to_text(self) -> str:
        lines = [f"documents {self.n_documents}  events {self.n_events}"]
        for table, never in self.never_fired().items():
            total = len(self.tables[table])
            lines.append(f"{table}: {total - len(never)} of {total} rules fired; never fired:")
            lines += [f"  {rule}" for rule in never] or ["  (none)"]
        lines.append("most used: " + ", ".join(f"{r} {n}" for r, n in self.fired.most_common(10)))
        return "\n".join(lines)


def rule_tables() -> dict[str, list[str]]:
    """Every rule id, by the dictionary file it comes from."""
    rules = load_rules()
    actors = ActorDictionary.load()
    return {
        "events/triggers.jsonl": sorted(rules.triggers),
        "events/weapons.csv": sorted({f"weapons:{w.weapon}" for _, w in rules.weapons.items()}),
        "events/cues.csv": [f"cues:{k}" for k in ("intervention", "lethal", "violent")],
        "actors/agents.csv": sorted(f"agents:{a}" for a in actors.agents),
        "actors/organisations.csv": sorted(f"organisations:{o}" for o in actors.organisations),
        "actors/people.csv": sorted(f"people:{p}" for p in actors.people),
    }


def rule_coverage(inputs: list[str]) -> CoverageReport:
    """Code the inputs and count, for every rule, the events it contributed to."""
    report = CoverageReport(tables=rule_tables())
    for doc in read_documents(inputs):
        if not isinstance(doc, Document):
            continue
        report.n_documents += 1
        for ev in code_document(doc).events:
            report.n_events += 1
            m = ev.mention
            report.fired.update(m.rule_ids)
            for actor in (m.actor1, m.actor2):
                if actor is not None:
                    # "agents:gunmen:default" counts for the agent entry it came from
                    report.fired[":".join(actor.rule_id.split(":")[:2])] += 1
    return report
