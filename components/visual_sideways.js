// A chart's sideways box, reachable by keyboard while it scrolls (components/visual.py says why).
export default function (component) {
  const { data, parentElement } = component;
  const wide = parentElement.closest(data.wide);
  const box = wide && wide.querySelector(data.box);
  if (!box) { return undefined; }
  const update = () => {
    if (box.scrollWidth > box.clientWidth + 1) {
      box.tabIndex = 0;
      box.setAttribute('role', 'region');
      box.setAttribute('aria-label', data.label);
    } else {
      box.removeAttribute('tabindex');
      box.removeAttribute('role');
      box.removeAttribute('aria-label');
    }
  };
  // The box keeps its size when what is in it grows (the chart's width style can arrive after this
  // script), so what is in it is watched too.
  const resized = new ResizeObserver(update);
  const watch = () => { resized.observe(box); [...box.children].forEach((child) => resized.observe(child)); };
  watch();
  const changed = new MutationObserver(() => { watch(); update(); });
  changed.observe(box, { childList: true, subtree: true });
  update();
  return () => { resized.disconnect(); changed.disconnect(); };
}
