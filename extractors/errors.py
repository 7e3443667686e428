"""One exception tree for the whole pipeline.

    BriefingError                 every error the pipeline raises on purpose
    ├── ConfigError               a bad config or topic file, a bad parameter (names the key)
    ├── SourceError               one source could not be read (carries ``source`` and ``cause``)
    │   ├── FetchError            network or disk: DNS, refused, timeout, HTTP status, too large
    │   ├── ParseError            bytes arrived but are not a feed / not decodable
    │   └── ExtractError          a page had no article text worth keeping
    └── DeliveryError             the digest could not be delivered (SMTP), names server and cause

A failing source never sinks a run: flows turn a ``SourceError`` into a
``Failure`` that the digest's source-health footer lists.
"""

from __future__ import annotations


class BriefingError(Exception):
    """Base of every error the pipeline raises on purpose."""


class ConfigError(BriefingError):
    """A configuration, topic file or parameter is invalid; the message names the key."""


class SourceError(BriefingError):
    """One source (a URL or a path) could not be turned into articles."""

    def __init__(self, source: str, cause: str, *, transient: bool = False) -> None:
        super().__init__(f"{source}: {cause}")
        self.source = source
        self.cause = cause
        self.transient = transient


class FetchError(SourceError):
    """The bytes could not be had: network error, timeout, HTTP status, size cap, missing file."""


class ParseError(SourceError):
    """The bytes are not what they should be (a broken feed, an undecodable file)."""


class ExtractError(SourceError):
    """A page was fetched but holds no article text."""


class DeliveryError(BriefingError):
    """Sending the digest failed (SMTP); the digest stays on disk."""
