"""Running a workshop session: the projector, the paired notes device and the handouts.

Pure (no streamlit import, unit-tested): `workshop` (the plan's segments, where each one opens,
agendas), `countdown` (the segment's Timer), `tab` (what this browser tab keeps while it runs a
session), `sync` (following the paired notes device), `pairing` (the pairing in the shared
store), `pairing_record` (its record), `pairing_moves` (moving the session from either device),
`pairing_room` (its room requests), `pairing_guard` (who may control it), `handouts`,
`handout_lines` and `handout_fonts` (the PDF handouts, in any edition; fonts/ holds their font).

On screen (Streamlit): `running` (the running session: active, set_active, open_segment),
`scroll` (+ scroll.js: a segment's page opens at its step), `countdown_ui`, `session_bar` (the
presenter bar while a session runs), `opening` (the session's opening screen), `pairing_ui` (the
pairing box and the notes device's code form), `notes_device` (the notes view), `projector` (the
projector view of pages/run-session.py) and `segment_view` (what a segment asks of the group).
"""
