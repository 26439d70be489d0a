from __future__ import annotations

import newsevents


def test_exported_members() -> None:
    exported = set(newsevents.__all__)
    public = {name for name in dir(newsevents) if not name.startswith("_")}
    for name in exported:
        assert hasattr(newsevents, name), name
    # Every public class or function of the package root is exported.
    members = {
        name
        for name in public
        if callable(getattr(newsevents, name))
        and getattr(getattr(newsevents, name), "__module__", "").startswith(
            "newsevents"
        )
    }
    assert members <= exported, members - exported
    assert {"code", "CodedArticle", "Event", "UnsupportedLanguage"} <= exported
