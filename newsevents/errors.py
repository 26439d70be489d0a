"""Errors raised by newsevents.

NewsEventsError
├── InputError                 input that cannot be read or coded
│   ├── EmptyInput             empty or whitespace-only text
│   ├── BinaryInput            binary data, not text
│   ├── UndecodableInput       bytes in no encoding we can read
│   ├── UnsupportedLanguage    a language we have no resources for
│   ├── MalformedInput         a feed, page or table that does not parse
│   ├── DateOutOfRange         a date the calendar cannot hold (year 1, 9999)
│   ├── CodingError            the coder failed on this one article (422)
│   ├── BadParameter           a request parameter we cannot use (400)
│   └── FetchError             a URL that could not be fetched (its reason)
│       └── ForbiddenURL       a URL we refuse to fetch (address, scheme, robots.txt)
├── DataError                  a bad entry in a data file (file and line)
├── StoreError                 the event database cannot be used as asked
│   ├── NotFound               no stored row has the id asked for (404)
│   └── BadQuery               a query value the store cannot use (400)
├── OutputError                an output file we must not or cannot write
└── BindingError               the service would listen openly without a token

Every class carries the HTTP ``status`` the API answers it with.
"""

from __future__ import annotations


class NewsEventsError(Exception):
    """Base class of every error newsevents raises on purpose."""

    status: int = 500


class InputError(NewsEventsError):
    """An input that cannot be read or coded."""

    status = 400


class EmptyInput(InputError):
    """The input holds no text."""


class BinaryInput(InputError):
    """The input is binary data, not text."""


class UndecodableInput(InputError):
    """The input's bytes decode in none of the encodings we try."""


class UnsupportedLanguage(InputError):
    """The text's language has no resources in newsevents."""


class MalformedInput(InputError):
    """A feed, page or table whose structure does not parse."""


class DateOutOfRange(InputError):
    """A date of the article, or one computed from it, is out of range."""


class CodingError(InputError):
    """The coder failed on this one article; the others are unaffected."""

    status = 422


class BadParameter(InputError):
    """A query parameter has a value we cannot use."""

    status = 400


class FetchError(InputError):
    """A URL that could not be fetched: ``reason`` is a short slug
    (``timeout``, ``http_500``, ``too_large``...), ``retry_after`` the
    seconds a server asked us to wait, when it did."""

    status = 502

    def __init__(
        self, url: str, reason: str, message: str, retry_after: float | None = None
    ) -> None:
        self.url = url
        self.reason = reason
        self.retry_after = retry_after
        super().__init__(f"{url}: {message}")


class ForbiddenURL(FetchError):
    """A URL we refuse to fetch: a private address, a scheme other than
    http(s), or a path robots.txt disallows."""

    status = 403


class DataError(NewsEventsError):
    """A data file has a bad entry; the message names the file and line."""

    def __init__(self, path: object, line: int, message: str) -> None:
        self.path = str(path)
        self.line = line
        super().__init__(f"{path}:{line}: {message}")


class StoreError(NewsEventsError):
    """The event database cannot be opened, migrated or queried as asked."""


class NotFound(StoreError):
    """No row has the id asked for."""

    status = 404


class BadQuery(StoreError):
    """A query parameter has a value the store cannot use."""

    status = 400


class OutputError(NewsEventsError):
    """An output path that is a folder, in no folder, the database itself or
    an existing file not to be overwritten."""

    status = 400


class BindingError(NewsEventsError):
    """The service would listen beyond this machine without a token."""

    status = 400
