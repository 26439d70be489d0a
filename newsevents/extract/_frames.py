"""CAMEO's conventions for what is said about an action rather than done, as
GDELT and PETRARCH code them: a threat to act is 13x, an offer, promise or
stated intent 03x, a demand 10x, an appeal or call 02x, a refusal 12x. The
frame verb's event takes the sub-code the intended action selects ("threatens
to cut ties": 1313, "offers to mediate": 039, "refused to release": 1243) and
keeps the intended action's own code as ``Event.intended_code``.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from ..lang._lexicon import Trigger
from ._arguments import object_matches, particle_matches
from ._patterns import Found, same_as

__all__ = ["FRAME_ROOTS", "compose", "frame_code"]

#: The roots of the frames.
FRAME_ROOTS = frozenset({"02", "03", "10", "12", "13"})

# The cooperative action an intended code names, as the parallel sub-codes of
# 02, 03, 10 and 12 list them: material cooperation, diplomatic cooperation,
# aid, political reform, yielding, meeting, settling, mediation.
_MATERIAL = "material"
_DIPLOMATIC = "diplomatic"
_AID = "aid"
_REFORM = "reform"
_YIELD = "yield"
_MEET = "meet"
_SETTLE = "settle"
_MEDIATE = "mediate"

# Sub-code of each frame for each kind of action; a trailing digit position is
# filled from the action's own sub-code where the frame has one.
_FRAMES: dict[str, dict[str, str]] = {
    "02": {
        _MATERIAL: "021",
        _DIPLOMATIC: "022",
        _AID: "023",
        _REFORM: "024",
        _YIELD: "025",
        _MEET: "026",
        _SETTLE: "027",
        _MEDIATE: "028",
    },
    "03": {
        _MATERIAL: "031",
        _DIPLOMATIC: "032",
        _AID: "033",
        _REFORM: "034",
        _YIELD: "035",
        _MEET: "036",
        _SETTLE: "037",
        _MEDIATE: "039",
    },
    "10": {
        _MATERIAL: "101",
        _DIPLOMATIC: "102",
        _AID: "103",
        _REFORM: "104",
        _YIELD: "105",
        _MEET: "106",
        _SETTLE: "107",
        _MEDIATE: "108",
    },
    "12": {
        _MATERIAL: "121",
        _DIPLOMATIC: "120",
        _AID: "122",
        _REFORM: "123",
        _YIELD: "124",
        _MEET: "125",
        _SETTLE: "127",
        _MEDIATE: "126",
    },
}

# Fourth digits the frames share with the action: 061 economic cooperation
# is 0211/0311/1011/1211; 071 economic aid 0231/0331/1031/1221; 0831 a
# change of leadership 0241/0341/1041/1231.
_SUBDIGIT = {
    "061": "1",
    "062": "2",
    "063": "3",
    "064": "4",
    "071": "1",
    "072": "2",
    "073": "3",
    "074": "4",
    "081": "1",
    "082": "2",
    "0831": "1",
    "0832": "2",
    "0833": "3",
    "0834": "4",
    "084": "3",
    "0841": "3",
    "0842": "3",
    "085": "4",
    "086": "5",
    "087": "6",
    "0871": "6",
    "0872": "6",
    "0873": "6",
    "0874": "6",
}

# Threats by the action threatened (13x).
_THREATS = {
    "160": "131",
    "161": "1313",
    "162": "1311",
    "163": "1312",
    "164": "134",
    "165": "135",
    "166": "136",
    "171": "137",
    "172": "132",
    "1721": "1321",
    "1722": "1322",
    "1723": "1323",
    "1724": "1324",
    "173": "137",
    "174": "137",
    "175": "137",
    "191": "1381",
    "192": "1382",
}
_THREAT_ROOTS = {"14": "133", "15": "138", "17": "137", "18": "1383", "19": "1384"}
_THREAT_ROOTS["20"] = "1385"
_CONFLICT_ROOTS = frozenset({"15", "16", "17", "18", "19", "20"})


def _kind(code: str) -> str | None:
    """The kind of cooperative action a code names, or None."""
    root = code[:2]
    if root == "04":
        return _MEDIATE if code.startswith("045") else _MEET
    if root == "05":
        return _DIPLOMATIC
    if root == "06":
        return _MATERIAL
    if root == "07":
        return _AID
    if root == "08":
        return _REFORM if code.startswith("083") else _YIELD
    return None


def _threat(code: str) -> str:
    return (
        _THREATS.get(code)
        or _THREATS.get(code[:3])
        or _THREAT_ROOTS.get(code[:2], "130")
    )


def frame_code(frame: str, intended: str) -> str:
    """The code of a frame event (``frame`` its code, e.g. ``"130"``,
    ``"030"``) about an intended action coded ``intended``.

    A stated intent or promise to use force is a threat ("vows to retaliate"
    is 13x). A frame whose own code is already specific ("1312", from "threaten
    sanctions") keeps it.
    """
    root = frame[:2]
    if len(frame) >= 3 and frame[2] != "0":
        return frame
    if root == "03" and intended[:2] in _CONFLICT_ROOTS:
        root = "13"
    if root == "13":
        return _threat(intended)
    if root == "12" and intended[:2] == "01":
        return "011"  # "declined to comment"
    kind = _kind(intended)
    if root not in _FRAMES or kind is None:
        return root + "0"
    code = _FRAMES[root][kind]
    digit = _SUBDIGIT.get(intended) or _SUBDIGIT.get(intended[:3])
    if digit is not None and kind == _REFORM:
        return code + digit  # 0241, 0341, 1041, 1231: a change of leadership
    if digit is not None and kind in (_MATERIAL, _AID, _YIELD) and root != "12":
        return code + digit
    if digit is not None and root == "12" and kind in (_AID, _YIELD):
        return code + digit
    if digit is not None and root == "12" and kind == _MATERIAL and digit in "12":
        return code + digit
    return code


# How an intended action hangs on its frame verb: "threatens to cut",
# "demands that X disarm", "menace de frapper", "exige que X se retire".
# Not an adverbial clause: "vowed an inquiry after seven people were
# murdered" promises no murder.
_COMPLEMENTS = frozenset({"xcomp", "ccomp", "obl:arg"})


def _complement_of(token: Token, frame: Token) -> bool:
    # "a demand for Turkey to recognise Cyprus": a noun's infinitive.
    complements = _COMPLEMENTS | {"acl"} if frame.pos_ == "NOUN" else _COMPLEMENTS
    current = token
    for _ in range(2):
        if current.head.i == current.i:
            return False
        if current.dep_ not in complements and current.dep_ != "conj":
            return False
        current = current.head
        if current.i == frame.i:
            return True
    return False


def _plain_code(token: Token, triggers: list[Trigger]) -> str | None:
    """The code of the first entry of a word that fits it as used, reviewed
    entries first: an entry that needs a given object ("increase presence")
    does not fit "increase the minimum wage", nor one that needs a particle
    ("cut down") "cut taxes"."""
    for trigger in sorted(triggers, key=lambda t: t.status != "reviewed"):
        if not particle_matches(token, trigger):
            continue
        if not trigger.objects or object_matches(token, trigger) is not None:
            return trigger.code
    return None


def compose(
    founds: list[Found], entries: dict[int, list[Trigger]]
) -> list[tuple[Found, str | None]]:
    """The events of a sentence's matches under CAMEO's frame conventions:
    each frame verb with an intended action ("threatened to cut ties") gives
    one event in the frame's root, with the action's code as its intended
    code; the intended action is not an event of its own."""
    frames = [f for f in founds if "frame" in f.trigger.flags]
    absorbed: set[int] = set()
    out: list[tuple[Found, str | None]] = []
    plans: dict[int, tuple[Found, str | None]] = {}
    for frame in frames:
        inner = next(
            (
                f
                for f in founds
                if f is not frame and _complement_of(f.token, frame.token)
            ),
            None,
        )
        intended: str | None = None
        if inner is not None:
            intended = inner.trigger.code
            absorbed.add(inner.token.i)
        else:
            # An intended action whose own actors were not found still
            # says what is threatened or promised.
            for index, triggers in entries.items():
                token = frame.token.doc[index]
                if index != frame.token.i and _complement_of(token, frame.token):
                    intended = _plain_code(token, triggers)
                    if intended is not None:
                        break
        if intended is None:
            if frame.trigger.pos == "ADJ":
                # "prêts à intervenir", with no action the lexicon knows:
                # readiness alone is no event.
                absorbed.add(frame.token.i)
            continue
        targets = frame.targets
        if not targets and inner is not None:
            own = inner.pattern.split("+")[0] in ("active", "passive")
            clause = [r for r in inner.sources if not same_as(r, list(frame.sources))]
            targets = tuple(clause) if own and clause else inner.targets
        code = frame_code(frame.trigger.code, intended)
        plans[frame.token.i] = (
            replace(
                frame,
                trigger=replace(frame.trigger, code=code),
                targets=targets,
                pattern=frame.pattern + "+intended",
                untargeted=frame.untargeted or not targets,
            ),
            intended,
        )
    for found in founds:
        if found.token.i in plans:
            out.append(plans[found.token.i])
        elif found.token.i not in absorbed:
            out.append((found, None))
    return out
