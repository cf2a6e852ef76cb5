"""The shared chart component's pure parts: the text alternative's table."""

from components.visual import markdown_table


def test_markdown_table_has_headers_rows_and_escapes_pipes():
    table = markdown_table([{"Phase": "Tension | build-up", "Share": 0.4}, {"Phase": "Calm\nphase", "Share": 0.1}])
    lines = table.splitlines()
    assert lines[0] == "| Phase | Share |"
    assert lines[1] == "| --- | --- |"
    assert lines[2] == "| Tension \\| build-up | 0.4 |"
    assert lines[3] == "| Calm phase | 0.1 |"  # a newline inside a cell would break the table


def test_markdown_table_keeps_first_row_column_order():
    table = markdown_table([{"b": 1, "a": 2}, {"a": 3, "b": 4}])
    assert table.splitlines()[0] == "| b | a |"
    assert table.splitlines()[3] == "| 4 | 3 |"
