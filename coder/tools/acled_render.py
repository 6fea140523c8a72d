"""Fixed-width text tables of an ACLED evaluation, for people."""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from coder.tools.acled_eval import AcledEvaluation

_CONFUSION_COLUMNS = 6  # our most frequent sub-event types shown, the rest summed as "other"
_OTHER = "other"


def _share(agreed: int, compared: int) -> str:
    return f"{agreed / compared:6.1%}" if compared else "     -"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    """Rows padded to their widest cell; the first column left-aligned, the rest right."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        rest = [c.rjust(w) for c, w in zip(cells[1:], widths[1:], strict=True)]
        return "  ".join([first, *rest]).rstrip()

    return [line(header), "  ".join("-" * w for w in widths), *(line(r) for r in rows)]


def _fields(ev: AcledEvaluation) -> list[str]:
    rows = [[name, str(s.compared), str(s.agreed), _share(s.agreed, s.compared).strip(),
             str(s.not_stated)] for name, s in ev.fields.items()]
    return _table(["field", "compared", "agreed", "share", "not stated"], rows)


def _confusion(ev: AcledEvaluation) -> list[str]:
    totals: dict[str, int] = {}
    for ours in ev.confusion.values():
        for name, n in ours.items():
            totals[name] = totals.get(name, 0) + n
    shown = sorted(totals, key=lambda k: -totals[k])[:_CONFUSION_COLUMNS]
    keys = {name: f"[{i + 1}]" for i, name in enumerate(shown)}
    rows = []
    for acled in sorted(ev.confusion, key=lambda k: -sum(ev.confusion[k].values())):
        ours = ev.confusion[acled]
        cells = [str(ours.get(name, 0)) for name in shown]
        other = sum(n for name, n in ours.items() if name not in keys)
        rows.append([acled, str(sum(ours.values())), *cells, str(other)])
    legend = [f"  {keys[name]} {name}" for name in shown]
    label = "ACLED event type" if ev.old_schema else "ACLED sub-event type"
    return [*_table([label, "notes", *keys.values(), _OTHER], rows), "ours:", *legend]


def _countries(ev: AcledEvaluation) -> list[str]:
    rows = []
    for name, s in sorted(ev.per_country.items(), key=lambda kv: -kv[1].notes):
        rows.append([name, str(s.notes), _share(s.detected, s.notes).strip(),
                     _share(s.type_agreed, s.detected).strip(),
                     _share(s.actors_both, s.detected).strip()])
    kind = "event type" if ev.old_schema else "sub-event"
    return _table(["country", "notes", "detected", kind, "actors both"], rows)


def _misses(ev: AcledEvaluation, n: int) -> list[str]:
    lines = []
    for name, found in ev.misses(n).items():
        lines.append(f"{name}:")
        lines += [f"  {m.note_id}: ACLED {m.acled or '-'!s} | ours {m.ours or '-'!s}"
                  for m in found]
    return lines


def render_evaluation(ev: AcledEvaluation, misses: int = 0) -> str:
    """The evaluation as text: a summary line, the field table, the sub-event confusion, the
    per-country table and, when `misses` > 0, up to that many disagreements per field (note ids
    and both codings, never note text). Shares of fields are over the notes the coder detected
    that state the field."""
    schema = "pre-2019 schema" if ev.old_schema else "current schema"
    context = ", country given as context" if ev.with_country else ""
    out = [f"ACLED export {ev.path} ({schema}{context}): {ev.n_notes} notes, "
           f"{ev.n_records} ACLED-layer records, extra records per detected note "
           f"{ev.extra_records:.2f}", "", *_fields(ev), "", *_confusion(ev), "",
           *_countries(ev)]
    if misses > 0:
        out += ["", f"misses (up to {misses} per field):", *_misses(ev, misses)]
    return "\n".join(out) + "\n"
