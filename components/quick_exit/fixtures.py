"""The quick exit's test fixtures, kept with the component as GOV.UK Frontend keeps a component's
fixtures: a local stand-in for the exit's site. tests/conftest.py serves it (`exit_landing`) and
points the browser tests' content at it, so no test ever leaves the machine. The app never imports
this module.
"""

from __future__ import annotations

import http.server
import threading
import time


class ExitLanding:
    """A local stand-in for the quick exit's weather site, so tests never leave the machine.
    `requests` records (path, Referer header or None) of every visit; `delay` (seconds) slows
    its answer, to see what the app shows while the next site loads. `before_url` is an ordinary
    page to open before the app, so a tab's history has something before the app in it."""

    def __init__(self):
        landing = self
        self.requests: list[tuple[str, str | None]] = []
        self.delay = 0.0

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802
                landing.requests.append((self.path, self.headers.get("Referer")))
                if landing.delay:
                    time.sleep(landing.delay)
                title = b"Before" if self.path.startswith("/before") else b"Weather"
                body = b"<!doctype html><html lang=en><title>" + title + b"</title><h1>" + title + b"</h1></html>"
                self.send_response(200)
                self.send_header("Content-Type", "text/html")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/weather"
        self.before_url = f"http://127.0.0.1:{self.server.server_address[1]}/before"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self):
        self.server.shutdown()
