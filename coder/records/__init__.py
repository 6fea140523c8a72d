"""Records: document events clustered into one event per incident, and each cluster built into
an output record."""

from coder.records.build import build_record, coding_timestamp, disorder_type
from coder.records.cluster import Cluster
from coder.records.consolidate import consolidate

__all__ = ["Cluster", "build_record", "coding_timestamp", "consolidate", "disorder_type"]
