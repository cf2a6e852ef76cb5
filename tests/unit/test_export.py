"""`python -m components.export text --out DIR`: the text edition as static files."""

from __future__ import annotations

import re
import shutil

from components.export import main
from components.navigation import PAGES
from tests.conftest import CONTENT


def test_export_writes_every_text_page_with_links_that_work_on_a_static_host(tmp_path, capsys):
    out = tmp_path / "site"
    assert main(["text", "--out", str(out), "--app-url", "https://bonds.example.org/"]) == 0
    assert sorted(p.name for p in out.iterdir()) == sorted(["index.html", *(f"{p.id}.html" for p in PAGES if p.text)])
    cycle = (out / "cycle.html").read_text(encoding="utf-8")
    assert 'href="https://bonds.example.org/cycle"' in cycle  # back to the interactive page
    assert 'href="./"' in cycle and 'href="get-help"' in cycle  # relative: any folder, any host
    # Every relative link names a page that was written (or an anchor on one).
    for page in out.iterdir():
        for href in re.findall(r'href="([^"#:]+)(?:#[^"]*)?"', page.read_text(encoding="utf-8")):
            if href != "./":
                assert (out / f"{href}.html").exists(), (page.name, href)
    assert "wrote" in capsys.readouterr().out


def test_export_without_an_app_address_has_no_link_to_it(tmp_path):
    assert main(["text", "--out", str(tmp_path)]) == 0
    page = (tmp_path / "cycle.html").read_text(encoding="utf-8")
    assert "Open the interactive version of this page" not in page and 'href="/' not in page


def test_broken_content_is_reported_by_file_and_line_and_nothing_is_written(tmp_path, capsys):
    content = tmp_path / "content"
    shutil.copytree(CONTENT, content)
    (content / "glossary.yaml").write_text("terms:\n  - id: x\n", encoding="utf-8")
    out = tmp_path / "site"
    assert main(["text", "--out", str(out), "--content", str(content)]) == 1
    assert re.search(r"glossary\.yaml:\d+", capsys.readouterr().err)
    assert not out.exists()
