"""Worried about someone: for a friend, a family member, the parent of a teenager, a classmate or a
colleague. (Being written: this skeleton only registers the page so other pages can link to it.)"""

from components.page_kit import page_start
from components.routing import page_content

content = page_content()
page_start(content, "worried-about-someone", content.ui.pages["worried-about-someone"].description)
