"""CAMEO frame codes: threats, intents, demands, appeals and refusals
(``newsevents.extract._frames``)."""

from __future__ import annotations

import pytest

from newsevents.extract._frames import frame_code


@pytest.mark.parametrize(
    ("frame", "intended", "expected"),
    [
        ("130", "161", "1313"),  # threatens to cut ties
        ("130", "190", "1384"),  # threatens to attack
        ("130", "163", "1312"),  # threatens sanctions
        ("130", "173", "137"),  # threatens arrests: repression
        ("130", "120", "130"),  # nothing more specific
        ("1312", "161", "1312"),  # a specific entry keeps its code
        ("030", "045", "039"),  # offers to mediate
        ("030", "073", "0333"),  # vows to provide humanitarian aid
        ("030", "042", "036"),  # plans a visit: intent to meet
        ("030", "190", "1384"),  # vows to attack: a threat
        ("100", "0841", "1053"),  # demands the release of prisoners
        ("100", "046", "106"),  # demands negotiations
        ("020", "087", "0256"),  # calls for de-escalation
        ("020", "057", "022"),  # urges signing the agreement
        ("120", "057", "120"),  # refused to sign: 127 is for plans to settle
        ("120", "046", "125"),  # refused to negotiate
        ("120", "010", "011"),  # declined to comment
        ("120", "0841", "1243"),  # refused to release
    ],
)
def test_frames_code(frame: str, intended: str, expected: str) -> None:
    assert frame_code(frame, intended) == expected
