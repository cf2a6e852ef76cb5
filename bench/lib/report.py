"""Reporting: the machine and its load, ratios and units, Markdown tables, results saved under
bench/results/."""

from __future__ import annotations

import json
import platform
import subprocess
import time

from .servers import RESULTS


def machine() -> dict:
    def sh(cmd: str) -> str:
        try:
            return subprocess.run(cmd, shell=True, capture_output=True, text=True, timeout=10).stdout.strip()
        except Exception:  # noqa: BLE001
            return "?"

    cpu = sh("grep -m1 'model name' /proc/cpuinfo | cut -d: -f2").strip()
    import streamlit

    return {
        "nproc": sh("nproc"),
        "cpu": cpu,
        "free_h": sh("free -h"),
        "loadavg": sh("cat /proc/loadavg"),
        "python": platform.python_version(),
        "streamlit": streamlit.__version__,
        "when": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def ratio(a: float, b: float) -> str:
    return f"{a / b:.2f}x" if b and b == b and a == a else "n/a"


def ms(x: float) -> str:
    return f"{x * 1000:.0f} ms" if x == x else "n/a"


def mib(kib: int) -> str:
    return f"{kib / 1024:.0f} MiB"


def table(rows: list[list[str]], head: list[str]) -> str:
    out = ["| " + " | ".join(head) + " |", "|" + "|".join(" --- " for _ in head) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    return "\n".join(out)


def save(name: str, data: dict, text: str) -> None:
    RESULTS.mkdir(parents=True, exist_ok=True)
    stamp = time.strftime("%Y%m%d-%H%M%S", time.gmtime())
    (RESULTS / f"{name}-{stamp}.json").write_text(json.dumps(data, indent=2, default=str))
    (RESULTS / f"{name}-latest.md").write_text(text + "\n")
    print(f"\n(saved bench/results/{name}-latest.md and {name}-{stamp}.json)")


def machine_text(m: dict, m_end: dict | None = None) -> str:
    mem = next((ln for ln in m["free_h"].splitlines() if ln.startswith("Mem:")), "").split()
    lines = [
        f"Machine: {m['nproc']} cores ({m['cpu']}), memory {mem[1] if len(mem) > 1 else '?'} total; "
        f"Python {m['python']}, Streamlit {m['streamlit']}; {m['when']}.",
        f"Load average at start: {m['loadavg']}" + (f"; at end: {m_end['loadavg']}" if m_end else "") + ".",
    ]
    return "\n".join(lines)
