"""The text edition, the content, the models, the chart builders and the logic modules import no
Streamlit, not even through another module: they are imported here in a process where importing
streamlit fails. The modules are found by walking components/; only the Streamlit-facing ones
below are left out, and the list is kept exact (a module that no longer needs Streamlit comes off it).
"""

from __future__ import annotations

import json
import subprocess
import sys

from conftest import ROOT

# The modules that draw with Streamlit (st.* calls, session state, Streamlit components). Everything
# else in components/ must import without it.
STREAMLIT_FACING = {
    "components.a11y",
    "components.chart_waiting",
    "components.comparison_ui",
    "components.cycle_ui",
    "components.facilitate.countdown_ui",
    "components.facilitate.notes_device",
    "components.facilitate.opening",
    "components.facilitate.pairing_ui",
    "components.facilitate.projector",
    "components.facilitate.running",
    "components.facilitate.scroll",
    "components.facilitate.segment_view",
    "components.facilitate.session_bar",
    "components.next_step",
    "components.page_kit",
    "components.practice_ui",
    "components.language_ui",
    "components.presenter",
    "components.room_bar",
    "components.room_join",
    "components.room_ui",
    "components.routing",
    "components.shell",
    "components.stepper",
    "components.summary_ui",
    "components.tab_storage",
    "components.text",
    "components.therapies_ui",
    "components.url_state",
    "components.visual",
}

# Run in a fresh interpreter: None in sys.modules makes any import of streamlit (or streamlit.x)
# fail. Prints, for each module, null if it imported, else the components files on the way to streamlit.
_PROBE = r"""
import importlib, json, sys, traceback
sys.modules["streamlit"] = None
out = {}
for name in json.loads(sys.argv[1]):
    try:
        importlib.import_module(name)
        out[name] = None
    except ImportError as e:
        if (e.name or "").split(".")[0] != "streamlit":
            raise
        out[name] = [f.filename for f in traceback.extract_tb(e.__traceback__)]
print(json.dumps(out))
"""


def _modules() -> list[str]:
    names = []
    for path in (ROOT / "components").rglob("*.py"):
        rel = path.relative_to(ROOT).with_suffix("")
        if rel.name != "__main__":  # an entry point: its package is imported instead
            names.append(".".join(rel.parts[:-1] if rel.name == "__init__" else rel.parts))
    return sorted(names)


def _chain(files: list[str]) -> str:
    """'a -> b -> streamlit' from a traceback's files (the components modules on the way)."""
    mods = []
    for f in files:
        if f.startswith(str(ROOT / "components")):
            rel = f[len(str(ROOT)) + 1 :].removesuffix(".py").removesuffix("/__init__").replace("/", ".")
            if not mods or mods[-1] != rel:
                mods.append(rel)
    return " -> ".join([*mods, "streamlit"])


def test_only_the_streamlit_facing_modules_import_streamlit():
    modules = _modules()
    gone = sorted(STREAMLIT_FACING - set(modules))
    assert not gone, f"STREAMLIT_FACING names modules that do not exist: {gone}"
    pure = [m for m in modules if m not in STREAMLIT_FACING]
    assert "components.text_edition" in pure and "components.wording" in pure and len(pure) > 50  # the walk found them
    probe = subprocess.run(
        [sys.executable, "-c", _PROBE, json.dumps(modules)], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert probe.returncode == 0, probe.stderr
    result = json.loads(probe.stdout)
    pulled = [f"{m}: {_chain(result[m])}" for m in pure if result[m] is not None]
    assert not pulled, (
        "these modules pull in streamlit; keep Streamlit in the modules of STREAMLIT_FACING "
        "(move the pure part out, as components/wording.py was) or, if the module draws "
        "with Streamlit, add it to the list:\n" + "\n".join(pulled)
    )
    unneeded = sorted(m for m in STREAMLIT_FACING if result[m] is None)
    assert not unneeded, f"these import without streamlit: take them off STREAMLIT_FACING: {unneeded}"
