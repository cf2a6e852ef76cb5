// Scroll a keyed container into view and focus its heading (components/page_kit.py `bring_into_view`).
export default function (component) {
  const target = document.querySelector(`.st-key-${CSS.escape(component.data.key)}`);
  if (!target) { return undefined; }
  // Clear of Streamlit's fixed top bar (and the exit button in it), so the heading is seen.
  target.style.scrollMarginTop = '5rem';
  target.scrollIntoView({ block: 'start' });
  // Focus its heading (a card) or, in a box without one (a list item), its first button.
  const heading = target.querySelector('h1, h2, h3, h4');
  if (heading) {
    heading.setAttribute('tabindex', '-1');
    heading.focus({ preventScroll: true });
  } else {
    [...target.querySelectorAll('button')].find((b) => b.offsetParent !== null)?.focus({ preventScroll: true });
  }
  return undefined;
}
