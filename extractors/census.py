"""Given names and surnames of the 1990 US census, as the ``names`` package (MIT) ships them
(``dist.male.first``, ``dist.female.first``: 5,494 given names; ``dist.all.last``: 88,799
surnames), read once per process.

``entities`` takes a two-word name the model reads as a person, with a census given name
first and a census surname last ("Leslie Sloane", "Cameron Heyward"), as a person's; the
project's own lists (``entities._GIVEN_NAMES``) stay the names that prove a person
anywhere. Without the package both sets are empty and the rule is off.
"""

from __future__ import annotations

from functools import cache
from importlib import resources

PACKAGE = "names"
"""The installed package holding the census lists."""


def _read(name: str) -> frozenset[str]:
    try:
        text = resources.files(PACKAGE).joinpath(name).read_text(encoding="ascii")
    except (ModuleNotFoundError, FileNotFoundError):
        return frozenset()
    return frozenset(line.split()[0].title() for line in text.splitlines() if line.strip())


@cache
def given_names() -> frozenset[str]:
    """The census given names, title-cased ("Leslie", "Cameron")."""
    return _read("dist.male.first") | _read("dist.female.first")


@cache
def surnames() -> frozenset[str]:
    """The census surnames, title-cased ("Sloane", "Heyward")."""
    return _read("dist.all.last")
