"""A 5 MB text is coded paragraph by paragraph in bounded memory.

The real models parse about 3,000 words/s here, so a 5 MB article would take
minutes; this test swaps in a blank French pipeline (tokenizer and sentencizer) to check the streaming path itself: peak memory must stay
far below what holding every parsed paragraph would need.
"""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

SCRIPT = r"""
import json, resource, sys
import spacy
import newsevents.service as service

def blank(lang):
    nlp = spacy.blank(lang)
    nlp.add_pipe("sentencizer")
    return nlp

service.load_pipeline = blank
paragraph = ("Vladimir Poutine a rencontré mercredi le dirigeant nord-coréen. "
             + "les discussions ont porté sur la coopération et les échanges. " * 8)
text = "\n".join([paragraph] * (5_000_000 // (len(paragraph) + 1)))
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
coded = service.code(text, language="fr")
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"chars": len(text), "mentions": len(coded.mentions),
                  "grew_mb": (after - before) / 1024}))
"""


@pytest.mark.slow
def test_large_input_bounded_memory() -> None:
    out = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, timeout=600
    )
    assert out.returncode == 0, out.stderr
    result = json.loads(out.stdout.strip().splitlines()[-1])
    assert result["chars"] >= 4_900_000
    assert result["mentions"] > 5_000
    # Holding every parsed Doc of ~2,900 paragraphs would take gigabytes;
    # the result itself (mentions, dates, places) takes some hundreds of MB.
    assert result["grew_mb"] < 400, result
