"""The app's own address, as the browser used it (st.context.url): the address a handout prints,
and whether it is a local one (this computer only) that no phone in the room can open. Pure: the
live room's join address and Run a session's handouts both ask `is_local`, one check for both."""

from __future__ import annotations

import ipaddress
from urllib.parse import urlsplit


def app_address(page_url: str | None) -> str | None:
    """The app's address for a handout, from the address of the page the facilitator is on
    (st.context.url): scheme, host and the path the app is served under, without the page name
    and query ("http://192.168.1.20:8501/run-session?plan=x" -> "http://192.168.1.20:8501/")."""
    if not page_url:
        return None
    parts = urlsplit(page_url)
    if not parts.scheme or not parts.netloc:
        return None
    base = parts.path.rsplit("/", 1)[0] + "/"
    return f"{parts.scheme}://{parts.netloc}{base}"


def is_local(address: str | None) -> bool:
    """Whether an address only works on the computer that opened it: localhost (and its
    subdomains), a loopback address (127.0.0.1, ::1) or the unspecified 0.0.0.0. Another device
    on the network opens the app by its network name or IP address (192.168.1.20, say) instead."""
    try:
        host = (urlsplit(address or "").hostname or "").rstrip(".").lower()
    except ValueError:  # a malformed address (e.g. an unclosed [) is no address to share either
        return False
    if not host:
        return False
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return False
    return ip.is_loopback or ip.is_unspecified
