// Scrolls a segment's page to its step once, when the segment opens (to the top when the segment
// names no step: Streamlit keeps the previous page's scroll position): waits for the target's
// container to appear (behind a content note it may take a while), puts its top just under the
// fixed header and the exit, and keeps it there while the page above it settles (charts drawing,
// Streamlit's own scroll on a page change), until the person scrolls themselves or it has held
// still. `window.hbSegmentScrolled` remembers the last open it served, so a rerun (a step, the
// countdown) never scrolls again. Loaded by components/facilitate/scroll.py.
export default function (component) {
  const { data } = component;
  if (!data || window.hbSegmentScrolled === data.n) { return undefined; }
  window.hbSegmentScrolled = data.n;
  let stopped = false;
  const stop = () => { stopped = true; };
  const keys = new Set(['PageUp', 'PageDown', 'ArrowUp', 'ArrowDown', 'Home', 'End', ' ']);
  const onKey = (e) => { if (keys.has(e.key)) { stop(); } };
  window.addEventListener('wheel', stop, { capture: true, passive: true });
  window.addEventListener('touchmove', stop, { capture: true, passive: true });
  window.addEventListener('keydown', onKey, true);
  const done = () => {
    window.removeEventListener('wheel', stop, true);
    window.removeEventListener('touchmove', stop, true);
    window.removeEventListener('keydown', onKey, true);
  };
  const below = () => {
    let y = 0;
    for (const sel of ['[data-testid="stHeader"]', '#hb-exit']) {
      const el = document.querySelector(sel);
      if (el) { y = Math.max(y, el.getBoundingClientRect().bottom); }
    }
    return Math.round(y) + 12;
  };
  const scroller = (el) => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      if (p.scrollHeight > p.clientHeight + 1 && /(auto|scroll)/.test(getComputedStyle(p).overflowY)) { return p; }
    }
    return null;
  };
  let still = 0;
  let waited = 0;
  const tick = () => {
    if (stopped || window.hbSegmentScrolled !== data.n) { done(); return; }
    const el = document.querySelector(data.target ? `.st-key-${data.target}` : '[data-testid="stMainBlockContainer"]');
    if (!el) {
      waited += 1;
      if (waited < 2400) { setTimeout(tick, 250); } else { done(); }  // about 10 minutes
      return;
    }
    if (!data.target) {
      const pane = scroller(el);
      if (pane && pane.scrollTop > 0) { pane.scrollTop = 0; still = 0; } else { still += 1; }
    } else {
      const offset = below();
      if (Math.abs(el.getBoundingClientRect().top - offset) > 4) {
        el.style.scrollMarginTop = `${offset}px`;
        el.scrollIntoView({ block: 'start' });
        still = 0;
      } else {
        still += 1;
      }
    }
    if (still < 12) { setTimeout(tick, 150); } else { done(); }
  };
  tick();
  return undefined;
}
