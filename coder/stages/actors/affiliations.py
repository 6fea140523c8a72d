"""Affiliations: a generic armed agent tied to a named group is that group ("Islamic
State-linked insurgents", "jihadists linked to al-Qaeda", "members of the Gran Grif gang").

The agents a group may stand for are words.csv's "affiliate-agent" ids, the link words its
"affiliation" words, with its "article" words skipped between them. Plain people
("suspect-agent": "men", "people") stand for it only behind a hedge ("suspect-hedge": "men
believed to be al-Shabaab fighters"); "people of the Pokot community" stay people.
"""

from __future__ import annotations

from coder.models import ActorMention, Span
from coder.stages.actors.dictionary import ActorDictionary
from coder.text.tokens import Token


def affiliations(d: ActorDictionary, tokens: list[Token], text: str,
                 mentions: list[ActorMention], spans: list[tuple[int, int]]
                 ) -> list[ActorMention]:
    """A generic agent tied to a named group is that group: "Islamic State-linked insurgents",
    "jihadists linked to al-Qaeda", "members of the Gran Grif gang", "fighters of the SDF"."""
    link_words, skipped = d.words["affiliation"], d.words["article"]
    agents = d.words["affiliate-agent"]
    out: list[ActorMention] = []
    skip = -1
    for k, m in enumerate(mentions):
        if k == skip:
            continue
        if k + 1 < len(mentions):
            nxt = mentions[k + 1]
            a, b = spans[k][1], spans[k + 1][0]
            if _linked(tokens, a, b, link_words, skipped, d.words["determiner"]):
                org_first = m.rule_id.startswith("organisations:") and _agent_id(nxt) in \
                    agents and tokens[a].key == "-"  # "Islamic State-linked insurgents"
                agent = _agent_id(m)
                agent_first = (agent in agents or (agent in d.words["suspect-agent"] and any(
                    tokens[i].key in d.words["suspect-hedge"] for i in range(a, b)))) \
                    and nxt.rule_id.startswith(_GROUP_RULES) and tokens[a].key != "-"
                # "militants linked to al-Qaeda", "armed men from the Meitei community", "men
                # believed to be al-Shabaab fighters" (plain people only with a hedge)
                if org_first or agent_first:
                    group = m if org_first else nxt
                    s, e = m.span.start, nxt.span.end
                    out.append(ActorMention(Span(s, e, text[s:e]), group.actor, group.rule_id))
                    skip = k + 1
                    continue
        out.append(m)
    return out


_GROUP_RULES = ("organisations:", "ethnic:", "identity:")  # rule ids of named groups


def _linked(tokens: list[Token], a: int, b: int, link_words: frozenset[str],
            skipped: frozenset[str], determiners: frozenset[str]) -> bool:
    """tokens[a:b], between two mentions, are one to three link words ("linked to", "members
    of"), not counting articles, hyphens and qualifiers glued to a hyphen ("of the
    Kurdish-led SDF": a qualifier glued to "-led" is part of the link), nor a comma that opens
    a hedge ("militants, believed to be from X")."""
    words = 0
    for i in range(a, b):
        key = tokens[i].key
        if key == "," and i == a and i + 1 < b and tokens[i + 1].key in skipped - determiners:
            continue
        if key == "-" or key in skipped or (i + 2 < b and tokens[i + 1].key == "-"):
            continue
        words += 1
        if words > 3 or key not in link_words:  # perf: most gaps fail on their first word
            return False
    return words > 0


def _agent_id(m: ActorMention) -> str:
    return m.rule_id.split(":")[1] if m.rule_id.startswith("agents:") else ""
