"""Pure helpers of the "Does this sound familiar?" step (components/next_step.py in the app,
components/text_edition/next_step.py on the text pages): which emergency number and lines it names
for a reader's region, each as Markdown a phone calls or texts when tapped, and, where the region
has no line of a kind (or is unknown), the Get help section that lists what there is. Never a
blank. No streamlit import, so all of it is unit-tested."""

from __future__ import annotations

from dataclasses import dataclass

from components.help import call_links, channel_value, first_line, numbers_first

# The lines the step names after the emergency number: (helpline kind, its lead-in in help.yaml's
# next_step, the label naming Get help's section of that kind, that section's anchor on Get help).
KINDS = (
    ("domestic-abuse", "domestic_abuse", "help_kind_domestic-abuse", None),
    ("crisis", "crisis", "help_kind_crisis", "crisis"),
    ("youth", "youth", "help_kind_youth", "under-18"),
)


@dataclass(frozen=True)
class Row:
    """One line of the step: a bold lead-in and Markdown after it. Where the region has no line of
    its own, the lead-in is the name of Get help's section (`section`, a ui label key; `anchor`, its
    id there) and the body sends the reader to it."""

    kind: str  # emergency | domestic-abuse | crisis | youth
    lead: str
    body: str
    section: str | None = None
    anchor: str | None = None

    @property
    def text(self) -> str:
        return f"**{self.lead}** {self.body}"


def line_contact(line, labels: dict[str, str]) -> str:
    """A helpline's name and the ways to reach it that a tap starts (call, text); a line with neither
    gives its first channel (a website), so it is never blank."""
    quick = [c for c in line.channels if c.kind in ("phone", "text")]
    ways = ", ".join(
        f"{labels['next_step_' + ('call' if c.kind == 'phone' else 'text')]} {channel_value(c)}" for c in quick
    )
    return f"{line.name}: {ways or channel_value(line.channels[0])}"


def emergency_brief(help_file) -> str:
    """Every emergency number in one line, each a tel: link ("United States [911](tel:911) · ...")."""
    return " · ".join(f"{n.region} {call_links(n.number)}" for n in help_file.immediate_danger.numbers)


def emergency_text(help_file, region: str) -> str:
    """The region's own emergency number (the first of its own), or every number for an unknown one."""
    first, _ = numbers_first(help_file, region)
    return f"{call_links(first[0].number)} ({first[0].region})" if first else emergency_brief(help_file)


def rows(help_file, region: str, labels: dict[str, str]) -> list[Row]:
    """The step's lines for readers in `region` ('all' when unknown): the emergency number, then the
    region's first domestic-abuse, crisis and youth line, or, for each it lacks, the name of the Get
    help section that lists them."""
    words = help_file.next_step
    out = [Row("emergency", words.emergency, emergency_text(help_file, region))]
    for kind, lead, section, anchor in KINDS:
        line = first_line(help_file, region, kind)
        if line is not None:
            out.append(Row(kind, getattr(words, lead), line_contact(line, labels)))
        else:
            out.append(Row(kind, f"{labels[section]}:", words.on_get_help, section, anchor))
    return out


def first_steps(help_file, region: str, labels: dict[str, str]) -> str:
    """Markdown for the top of Get help, right under the title: the same rows as the step, one tap
    each; for a reader whose region is unknown, how to get them (choose where you are) and the
    crisis step instead of every country's numbers (those follow at once, in the numbers list)."""
    if not numbers_first(help_file, region)[0]:
        return f"{labels['help_first_choose']}\n\n{help_file.crisis_step}"
    return "\n".join(f"- {row.text}" for row in rows(help_file, region, labels))


def steps_text(help_file) -> str:
    """What a reader can do next, as one Markdown list ("- **Talk to a helpline.** ...")."""
    return "\n".join(f"- **{s.title}.** {s.body}" for s in help_file.next_step.steps)


def region_name(help_file, region: str) -> str | None:
    """The region's name, or None for 'all' (or an id no region has)."""
    return next((r.name for r in help_file.regions if r.id == region), None)
