"""Get help: immediate danger, helplines by region (each with the date it was checked and any
flag the research raised), finding a therapist, and what the Exit button does."""

import streamlit as st

from components.help import helplines_in, status_flag
from components.shell import page_content
from components.text import callout, caption, md, sources_line

CHANNEL_ICONS = {"phone": "📞", "text": "💬", "chat": "💬", "web": "🌐", "email": "✉️", "tty": "⌨️", "whatsapp": "💬"}

content = page_content()
ui, help_ = content.ui, content.help
labels = ui.labels
checked = help_.checked_on.isoformat()

st.title(ui.pages["get-help"].title)

st.header(labels["help_immediate_heading"])
md(help_.immediate_danger.intro)
for n in help_.immediate_danger.numbers:
    note = f" — {n.note}" if n.note else ""
    md(f"- **{n.region}: {n.number}**{note}{status_flag(n, labels)}")

st.header(labels["help_lines_heading"])
md(help_.check_local_note)
caption(f"{labels['help_checked']}: {checked}. {help_.checked_how}")
regions = {"all": labels["help_all_regions"], **{r.id: r.name for r in help_.regions}}
region = st.selectbox(labels["help_region"], list(regions), format_func=regions.get, key="help_region")
for line in helplines_in(help_, region):
    with st.container(border=True, key=f"line_{line.id}"):
        st.subheader(line.name)
        caption(line.organisation)
        md("\n".join(f"- {CHANNEL_ICONS[c.kind]} **{labels['channel_' + c.kind]}:** {c.value}"
                      + (f" ({c.note})" if c.note else "") for c in line.channels))
        md(f"**{labels['help_hours']}:** {line.hours}")
        if line.languages:
            md(f"**{labels['help_languages']}:** {line.languages}")
        md(f"**{labels['help_who']}:** {line.who}")
        if line.status != "seen" or line.status_note:
            callout("warning", f"**{labels['help_flag']}** ({labels['status_' + line.status]}). {line.status_note or ''}")
        caption(f"{labels['help_checked']}: {checked}. {line.seen_in}")
        if line.url:
            md(f"{labels['help_website']}: {line.url}")

st.header(labels["help_therapist_heading"])
md(help_.finding_a_therapist.intro)
for step in help_.finding_a_therapist.steps:
    md(f"**{step.title}**")
    md(step.body)
    sources_line(content, step.sources)
st.subheader(labels["help_questions_heading"])
md("\n".join(f"- {q}" for q in help_.finding_a_therapist.questions_to_ask))

st.header(labels["help_exit_heading"])
md(help_.after_exit_note)
