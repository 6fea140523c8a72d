"""Clusters filed by country and date, so that a report is compared only with the clusters it
could join, not with every cluster of a large batch."""

from __future__ import annotations

from coder.document import DocEvent
from coder.models import ResolvedDate
from coder.records.cluster import PRECISION_DAYS, Cluster

# a weekday named in a report can be matched to an explicitly dated report of the same event up
# to this many days before the report's anchor (a page date weeks after the event)
WEEKDAY_REACH_DAYS = 35
# clusters are filed by date in bins of this many days; a cluster can take a report at most
# `REACH_MAX_DAYS` days from its date (see `near_in_time`)
BIN_DAYS = 32
REACH_MAX_DAYS = WEEKDAY_REACH_DAYS + 7 + max(PRECISION_DAYS.values())
# a block of at most this many clusters is scanned whole, faster than it is looked up
SCAN_ALL = 100


def near_in_time(c: Cluster, d: ResolvedDate | None) -> bool:
    """The report's date is within reach of the cluster's (or either is undated)."""
    if c.date is None or d is None:
        return True
    reach = WEEKDAY_REACH_DAYS + 7 + PRECISION_DAYS.get(c.date.precision, 31)
    return abs((c.date.date - d.date).days) <= reach


class ClusterFiling:
    """The clusters of one block, filed by country and date.

    A report can join a cluster only when their countries agree (for violence, demonstrations
    and developments: `by_country`) and their dates are near (`near_in_time`). `candidates`
    returns every cluster that passes those two tests, and maybe more, in creation order: the
    first that fits is the same cluster as in a scan of the whole block."""

    def __init__(self, by_country: bool) -> None:
        self.clusters: list[Cluster] = []
        self.by_country = by_country
        # country ("" for none) -> date bin (None for undated) -> positions in `clusters`
        self._files: dict[str, dict[int | None, set[int]]] = {}
        self._where: dict[int, tuple[str, int | None]] = {}  # position -> its file
        self._positions: dict[int, int] = {}  # id(cluster) -> position

    def _key(self, c: Cluster) -> tuple[str, int | None]:
        # a cluster's reports agree on their country (or name none): see matching.same_place
        country = next((m.country for m, _ in c.reps if m.country), "") if self.by_country else ""
        return country, (c.date.date.toordinal() // BIN_DAYS if c.date is not None else None)

    def place(self, c: Cluster) -> None:
        """File a cluster that was just created or grew (its date or country may have moved)."""
        if len(self.clusters) <= SCAN_ALL:
            return  # perf: short blocks are scanned whole, not filed
        if not self._where:  # the block just grew long: file every cluster
            for pos, cluster in enumerate(self.clusters):
                self._positions[id(cluster)] = pos
                self._file(pos, cluster)
            return
        # a new cluster was just appended; the clusters live as long as the block, so their
        # ids stay unique
        self._file(self._positions.setdefault(id(c), len(self.clusters) - 1), c)

    def _file(self, pos: int, c: Cluster) -> None:
        key = self._key(c)
        old = self._where.get(pos)
        if old == key:
            return
        if old is not None:
            self._files[old[0]][old[1]].discard(pos)
        self._where[pos] = key
        self._files.setdefault(key[0], {}).setdefault(key[1], set()).add(pos)

    def candidates(self, ev: DocEvent, d: ResolvedDate | None) -> list[Cluster]:
        """Every cluster the report could join (and maybe more), in creation order."""
        if len(self.clusters) <= SCAN_ALL:
            return self.clusters  # perf: a short block is scanned faster than looked up
        country = ev.country if self.by_country else ""
        files = ([self._files.get(country, {}), self._files.get("", {})] if country
                 else list(self._files.values()))
        positions: set[int] = set()
        for by_bin in files:
            if d is None:
                for found in by_bin.values():
                    positions |= found
                continue
            day = d.date.toordinal()
            bins: list[int | None] = [None]
            bins += range((day - REACH_MAX_DAYS) // BIN_DAYS,
                          (day + REACH_MAX_DAYS) // BIN_DAYS + 1)
            for b in bins:
                positions |= by_bin.get(b, set())
        return [self.clusters[p] for p in sorted(positions)]
