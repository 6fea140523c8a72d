"""Coding one document: its sentences through every stage, linked into the events it reports."""

from coder.document.coding import code_document
from coder.document.incidents import about_demonstration
from coder.document.model import CodedDocument, DocEvent, resolve_event_date

__all__ = ["CodedDocument", "DocEvent", "about_demonstration", "code_document",
           "resolve_event_date"]
