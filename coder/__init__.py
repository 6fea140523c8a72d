"""coder: a rule-based, explainable conflict event coder (ACLED and CAMEO)."""

__version__ = "0.1.0"
