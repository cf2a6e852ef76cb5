"""The one way a widget is bound to a URL parameter (in the spirit of owid/etl's `url_persist`).

A page's parameters are declared once, on its PageSpec (components/navigation.py), as
components/url_params.Param values. A page then asks for them by name:

    url = url_state.for_page("cycle", content)
    week = url.widget(st.slider, "week", label, 1, weeks, key="cycle_week_slider")

`widget` seeds the widget from the URL on every run (a shared link or a reload shows the same
view; an unreadable value reads as its nearest valid one), writes the widget's value back when it
changes, and leaves the parameter out of the URL at its default. `get` reads a value, `set` writes
one (buttons that move a view), `raw` gives the whole query for logic that infers from it.

Why not Streamlit 1.67's own `bind="query-params"`: it names the parameter after the widget key
(our keys and parameter names differ, and tests and links use both), writes lists as repeated
parameters (our links use `a,b`), and a bound parameter cannot be written through st.query_params,
which buttons (Previous / Next, a card's Open) and page links need.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Any

import streamlit as st

from components.navigation import page_spec
from components.url_params import Param, by_name

if TYPE_CHECKING:
    from components.content.registry import Content

_UNSET = object()


def read(param: Param, content: Content | None) -> Any:
    """The parameter's value in the current URL (validated; the default when absent or unreadable)."""
    return param.parse(st.query_params.get(param.name), content)


def write(param: Param, value, content: Content | None) -> None:
    """Put `value` in the URL, or take the parameter out where it is the default (or None)."""
    text = param.url_value(value, content)
    if text is None:
        st.query_params.pop(param.name, None)
    elif st.query_params.get(param.name) != text:
        st.query_params[param.name] = text


def raw() -> dict[str, str]:
    """The current query, as plain strings."""
    return {k: st.query_params[k] for k in st.query_params}


def bind(
    fn: Callable,
    param: Param,
    content: Content,
    *args,
    key: str,
    value=_UNSET,
    on_change=None,
    args_for_change: tuple = (),
    **kwargs,
):
    """Render `fn(*args, key=key, **kwargs)` (a Streamlit widget) bound to `param`; return its value.

    `value` overrides what the URL says (a value inferred from other parameters)."""
    current = read(param, content) if value is _UNSET else value
    st.session_state[key] = list(current) if isinstance(current, (list, tuple)) else current
    if param.pinned:
        write(param, current, content)

    def changed() -> None:
        write(param, st.session_state.get(key), content)
        if on_change is not None:
            on_change(*args_for_change)

    return fn(*args, key=key, on_change=changed, **kwargs)


class PageUrl:
    """One page's declared URL parameters, read and written by name."""

    def __init__(self, params, content: Content) -> None:
        self.params: dict[str, Param] = by_name(params)
        self.content = content

    def get(self, name: str):
        return read(self.params[name], self.content)

    def set(self, name: str, value) -> None:
        write(self.params[name], value, self.content)

    def raw(self) -> dict[str, str]:
        return {k: v for k, v in raw().items() if k in self.params}

    def widget(self, fn: Callable, name: str, *args, key: str, **kwargs):
        return bind(fn, self.params[name], self.content, *args, key=key, **kwargs)


def for_page(page_id: str, content: Content) -> PageUrl:
    return PageUrl(page_spec(page_id).params, content)
