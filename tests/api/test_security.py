"""Binding rules and the token."""

from __future__ import annotations

import pytest

from newsevents.api.security import (
    TOKEN_ENV,
    BindingError,
    check_binding,
    is_loopback,
)


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.0.0.2", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.10", False),
        ("example.org", False),
    ],
)
def test_security_is_loopback(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_security_binding_needs_token(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv(TOKEN_ENV, raising=False)
    assert check_binding("127.0.0.1", None) is None
    with pytest.raises(BindingError, match="--token"):
        check_binding("0.0.0.0", None)
    assert check_binding("0.0.0.0", "t") == "t"
    monkeypatch.setenv(TOKEN_ENV, "from-env")
    assert check_binding("0.0.0.0", None) == "from-env"
    assert check_binding("127.0.0.1", None) == "from-env"
