"""The few styles every renderer shares, by role rather than by look: what is de-emphasised (an
id, a kind, a role), a label, a name, the matched part of a search hit."""

DIM = "dim"
LABEL_STYLE = "bold"
NAME_STYLE = "bold"
MATCH_STYLE = "bold reverse"
"""The matched part of a search snippet: reverse reads in every theme and without colour."""
