"""The `coder explain` report: a text's records, then per event mention the rules that fired
and the words they matched.

    >>> from coder.api import explain_text
    >>> e = explain_text("Police arrested two protesters in Paris.")
    >>> print(format_explanation(e.records, e.mentions))
"""

from __future__ import annotations

from coder.models import EventMention, EventRecord, Span


def format_explanation(records: list[EventRecord], mentions: list[EventMention]) -> str:
    """Records (key columns) then, per event mention, the rules and the spans they matched."""
    lines = [f"records: {len(records)}"]
    for i, r in enumerate(records, start=1):
        kind = " / ".join(x for x in (r.event_type, r.sub_event_type) if x) or "-"
        lines.append(
            f"[{i}] {r.event_id_cnty}  {r.event_date or '(no date)'}  {kind}  "
            f"CAMEO {r.cameo_code or '-'}  {r.actor1 or '-'} ({r.actor1_code or '-'}) -> "
            f"{r.actor2 or '-'} ({r.actor2_code or '-'})  {r.location or '-'}  "
            f"fatalities {_num(r.fatalities)}  injuries {_num(r.injuries)}  realis {r.realis}"
        )
        lines.append(f"    rules: {r.rule_ids or '-'}")
    lines.append(f"mentions: {len(mentions)}")
    for i, m in enumerate(mentions, start=1):
        lines += _mention_lines(i, m)
    return "\n".join(lines)


def _mention_lines(i: int, m: EventMention) -> list[str]:
    k, text = m.kind, m.sentence_text
    kind = " / ".join(x for x in (k.event_type, k.sub_event_type) if x) or "-"
    lines = [
        f"[{i}] sentence {m.sentence_index}: {_span(m.trigger, text)} -> {kind}, "
        f"CAMEO {k.cameo_code or '-'}, realis {m.realis}",
        f"    rules: {'; '.join(m.rule_ids) or '-'}",
    ]
    roles = [("actor1", m.actor1), ("actor2", m.actor2)]
    roles += [("assoc1", am) for am in m.assoc1] + [("assoc2", am) for am in m.assoc2]
    for role, am in roles:
        if am is not None:
            coref = " (coreferent)" if am.coreferent else ""
            lines.append(
                f"    {role}: {_span(am.span, text)} -> {am.actor.name} "
                f"({am.actor.code or '-'}){coref}  [{am.rule_id}]"
            )
    if m.place is not None:
        p = m.place
        near = " (near)" if p.near else ""
        lines.append(
            f"    place: {_span(p.span, text)} -> {p.place.name}, {p.place.country}{near}  "
            f"[{p.rule_id}]"
        )
    if m.date_expression is not None:
        expr = m.date_expression
        lines.append(f"    date expression: {_span(expr.span, text)} ({expr.kind})")
    if m.date is not None:
        d = m.date
        lines.append(f"    date: {d.date.isoformat()} precision {d.precision} ({d.basis})")
    elif m.date_reason:
        lines.append(f"    date: none ({m.date_reason})")
    for c in [*m.fatalities, *m.injuries]:
        high = f"-{c.high}" if c.high is not None else ""
        flags = "".join((" vague" if c.vague else "", " cumulative" if c.cumulative else ""))
        lines.append(
            f"    {c.kind}: {_span(c.span, text)} -> {c.value}{high}{flags}  [{c.rule_id or '-'}]"
        )
    return lines


def _num(value: int | None) -> str:
    return "-" if value is None else str(value)


def _span(span: Span, sentence: str) -> str:
    """The words a rule matched and where; read from the sentence when the span kept none."""
    if span.start < 0:
        return "(not named in the text: ACLED's default actor)"
    words = span.text or sentence[span.start : span.end]
    return f'"{words}" @{span.start}-{span.end}'
