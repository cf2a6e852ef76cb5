"""The cycle of abuse: the phases step by step (Walker's three or the common four), how the cycle
changes over time, the highs-and-lows sandbox, the seven popular stages next to the research view,
and how it ends. The sections are drawn by components/cycle_ui.py. Steps and settings live in the
URL; the person's guess stays in session state."""

from components import cycle_ui
from components.page_kit import page_start
from components.presenter import is_presenting
from components.routing import page_content
from components.url_state import for_page

content = page_content()
cy = content.cycle
presenting = is_presenting()
url = for_page("cycle", content)

# the takeaway, then the cycle itself on the first screen; the longer opening sits behind "Read more"
# (on a projector the facilitator says it)
page_start(content, "cycle", None if presenting else cy.intro, takeaway=cy.takeaway)
version = cycle_ui.the_cycle(content, url, presenting)
cycle_ui.over_time(content, url, version, presenting)
cycle_ui.sandbox(content, url, presenting)
cycle_ui.stages(content, url, presenting)
cycle_ui.ending(content)
