/* The quick exit's safety net (components/quick_exit/__init__.py `fallback`): a v2 component the
 * shell mounts on every run, after quick_exit.js. It puts the exit's style and markup into the page
 * only when the page lacks the early exit, then installs the listeners (once per page). */
export default function (component) {
  const { data } = component;
  if (!document.getElementById('hb-exit')) {
    if (!document.getElementById('hb-exit-style')) {
      const style = document.createElement('style');
      style.id = 'hb-exit-style';
      style.textContent = data.style;
      document.head.appendChild(style);
    }
    document.body.insertAdjacentHTML('afterbegin', data.markup);
  }
  window.hbQuickExit.install(data.settings);
}
