"""Where the tests' data lives, for test modules at any depth of `tests/`."""

from pathlib import Path

TESTS = Path(__file__).resolve().parent
ROOT = TESTS.parent
GOLD = TESTS / "gold"
FIXTURES = TESTS / "fixtures"
