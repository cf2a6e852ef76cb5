"""Who may control a notes-device pairing (components/facilitate/pairing.py): the hashes of the laptop's key
and of a device's token, compared in constant time; the states a device can be in; a device's
kind from its user agent (nothing else of it is kept). No streamlit import."""

from __future__ import annotations

import enum
import hashlib
import hmac

ENDED_KEEP = 8  # how many refused or unpaired devices a pairing remembers, to tell them so


class Claim(enum.Enum):
    PENDING = "pending"  # asked; the laptop will allow it or not
    UNKNOWN = "unknown"  # no live pairing has this code (mistyped, changed, or ended)
    IN_USE = "in_use"  # another device asked first, or one is paired: this code admits one


class DeviceState(enum.Enum):
    PENDING = "pending"
    CONFIRMED = "confirmed"
    REFUSED = "refused"
    UNPAIRED = "unpaired"
    STALE = "stale"  # the pairing ended or expired, or this device was never part of it


def secret_hash(secret: str | None) -> str:
    return hashlib.sha256((secret or "").encode("utf-8")).hexdigest() if secret else ""


def matches(secret: str | None, digest: str) -> bool:
    """Constant-time: `secret` hashes to `digest` (never for an empty one)."""
    return bool(secret) and bool(digest) and hmac.compare_digest(secret_hash(secret), digest)


def is_laptop(p, who: str | None) -> bool:
    return matches(who, p.laptop)


def may_control(p, who: str | None) -> bool:
    """The laptop's key or the confirmed device's token."""
    return matches(who, p.laptop) or matches(who, p.device)


def device_kind(user_agent: str | None) -> str:
    """The class of a device from its browser's user agent: phone, tablet or computer. Nothing
    else of the user agent is kept."""
    ua = (user_agent or "").lower()
    if "ipad" in ua or "tablet" in ua or ("android" in ua and "mobile" not in ua):
        return "tablet"
    if "mobile" in ua or "iphone" in ua or "android" in ua:
        return "phone"
    return "computer"


class Forbidden(Exception):
    """A control action without the laptop's key or the confirmed device's token."""


def remember(ended: dict, digest: str, state: str) -> dict:
    """The last few refused or unpaired devices (so each is told what happened to it)."""
    if not digest:
        return ended
    kept = [(k, v) for k, v in ended.items() if k != digest][-(ENDED_KEEP - 1) :]
    return dict([*kept, (digest, state)])
