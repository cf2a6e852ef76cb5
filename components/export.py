"""Write an edition of the app as files: `python -m components.export text --out DIR`.

The text edition (components/text_edition) as static HTML, for any static host or CDN: DIR/index.html
and DIR/<page-id>.html, with links between them written as `cycle` (no extension), which GitHub
Pages, Netlify and Cloudflare Pages serve from cycle.html (nginx: `try_files $uri $uri.html`).
`--app-url` is where the interactive app lives, for each page's link to it (none without it).
Content problems are printed as `file:line: problem` and nothing is written (exit 1).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from components.content import ContentError, content_dir, load_content
from components.text_edition import TEXT_PAGES, render_index, render_page

if TYPE_CHECKING:
    from components.content.registry import Content


def export_text(content: Content, out: Path, app_url: str | None) -> list[Path]:
    out.mkdir(parents=True, exist_ok=True)
    written = [out / "index.html"]
    written[0].write_text(render_index(content, app_root=app_url), encoding="utf-8")
    for page_id in TEXT_PAGES:
        path = out / f"{page_id}.html"
        path.write_text(render_page(content, page_id, app_root=app_url), encoding="utf-8")
        written.append(path)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m components.export", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="edition", required=True)
    text = sub.add_parser("text", help="the text edition as static HTML files")
    text.add_argument("--out", required=True, type=Path, help="folder to write (made if missing)")
    text.add_argument("--content", default=None, help="content folder (default: CONTENT_DIR or content/)")
    text.add_argument("--app-url", default=None, help="address of the interactive app, e.g. https://bonds.example.org/")
    args = parser.parse_args(argv)
    try:
        content = load_content(args.content or content_dir())
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        return 1
    written = export_text(content, args.out, args.app_url)
    size = sum(p.stat().st_size for p in written)
    print(f"wrote {len(written)} pages ({size // 1024} KB) to {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
