// A chart's placeholder until charts wake (components/chart_waiting/). Wake as soon as any of the
// placeholder is on screen. (A rootMargin to start earlier would not work here: Streamlit scrolls an
// inner pane, which clips the placeholder before the margin counts.) Text arrives as data and is set
// with textContent, never as HTML.
export default function (component) {
  const { data, parentElement, setTriggerValue } = component;
  const box = parentElement.querySelector('.hb-chart-wait');
  box.style.height = `${data.height}px`;
  box.querySelector('.hb-chart-wait-alt').textContent = data.alt;
  box.querySelector('.hb-chart-wait-note').textContent = data.note;
  if (!('IntersectionObserver' in window)) { setTriggerValue('seen', true); return undefined; }
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) {
      observer.disconnect();
      setTriggerValue('seen', true);
    }
  });
  observer.observe(box);
  return () => observer.disconnect();
}
