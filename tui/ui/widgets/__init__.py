"""Textual widgets of the explorer: each in its own module, styled by a .tcss file beside it."""
