"""A workshop segment's countdown: a frozen value that the projector, the notes device and the
pairing's record in the shared store (components/facilitate/pairing.py) all carry. No imports from the app,
so anything can hold one."""

from __future__ import annotations

from dataclasses import dataclass, replace


@dataclass(frozen=True)
class Timer:
    """A countdown of `minutes` for one segment; `started` is set while it runs (clock seconds)."""

    plan: str
    segment: int
    minutes: int
    started: float | None = None
    elapsed: float = 0.0  # seconds counted before the last start

    @property
    def running(self) -> bool:
        return self.started is not None

    def used(self, now: float) -> float:
        return self.elapsed + (now - self.started if self.started is not None else 0.0)

    def remaining(self, now: float) -> float:
        """Seconds left; negative once the time is up (the overrun)."""
        return self.minutes * 60 - self.used(now)

    def start(self, now: float) -> Timer:
        return self if self.running else replace(self, started=now)

    def pause(self, now: float) -> Timer:
        return replace(self, started=None, elapsed=self.used(now)) if self.running else self

    def reset(self) -> Timer:
        return replace(self, started=None, elapsed=0.0)

    def press(self, button: str, now: float) -> Timer:
        """The countdown after its "start", "pause" or "reset" button is pressed."""
        if button == "start":
            return self.start(now)
        if button == "pause":
            return self.pause(now)
        if button == "reset":
            return self.reset()
        raise ValueError(f"unknown timer button {button!r}")
