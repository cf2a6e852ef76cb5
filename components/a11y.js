// What a screen reader hears that Streamlit gives no parameter for (components/a11y.py says what and why).
export default function (component) {
  const { data, parentElement } = component;
  const box = data.container && parentElement.closest(data.container);
  if (box) {
    box.setAttribute('role', data.role);
    box.setAttribute('aria-label', data.label);
  }
  const skip = document.querySelector('[data-testid="stSkipToContent"]');
  if (skip && data.skip) { skip.textContent = data.skip; }
  if (data.focus && window.__hbHeadingFor !== data.focus) {
    window.__hbHeadingFor = data.focus;
    let frames = 0;
    const toHeading = () => {  // the page's heading, once the content note has gone and it is drawn
      const heading = document.querySelector('[data-testid="stMain"] h1');
      if (!heading || document.querySelector('.st-key-content_note')) {
        if (frames++ < 900) { requestAnimationFrame(toHeading); }
        return;
      }
      heading.setAttribute('tabindex', '-1');
      heading.focus();
    };
    toHeading();
  }
  if (window.__hbQuiet) { return undefined; }
  window.__hbQuiet = true;
  const quiet = () => {
    document.querySelectorAll('.js-plotly-plot .svg-container:not([aria-hidden])')
      .forEach((svg) => svg.setAttribute('aria-hidden', 'true'));
    document.querySelectorAll('[data-testid="stSlider"] input[aria-label][aria-labelledby]').forEach((input) => {
      if (input.getAttribute('aria-labelledby') !== input.id) { input.setAttribute('aria-labelledby', input.id); }
    });
    document.querySelectorAll('[data-testid="stAlertContainer"][role="status"]').forEach((alert) => {
      if (alert.querySelector('[data-testid="stAlertContentInfo"], [data-testid="stAlertContentSuccess"]')) {
        alert.removeAttribute('role');
      }
    });
    const main = document.querySelector('[data-testid="stMain"]');
    if (main && main.getAttribute('tabindex') === '0') { main.setAttribute('tabindex', '-1'); }
  };
  // the skip link: to the first control past the side menu and the safety line (or the page's
  // heading, where the page has no control); Streamlit's own handler would focus the main area
  const firstControl = () => {
    const main = document.querySelector('[data-testid="stMain"]');
    if (!main) { return null; }
    const all = main.querySelectorAll('a[href], button, input, select, textarea, summary, [tabindex]');
    const found = [...all].find((el) => el !== main && !el.disabled && el.tabIndex >= 0
      && el.getClientRects().length > 0 && !el.closest('.st-key-safety_bar, .st-key-presenter_bar, [aria-hidden="true"]'));
    return found || main.querySelector('h1');
  };
  document.addEventListener('click', (event) => {
    if (!event.target.closest || !event.target.closest('[data-testid="stSkipToContent"]')) { return; }
    const target = firstControl();
    if (!target) { return; }
    event.preventDefault();
    event.stopPropagation();
    if (target.tabIndex < 0) { target.setAttribute('tabindex', '-1'); }
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }, true);
  let queued = false;
  new MutationObserver(() => {
    if (queued) { return; }
    queued = true;
    requestAnimationFrame(() => { queued = false; quiet(); });
  }).observe(document.body, { childList: true, subtree: true, attributes: true,
                              attributeFilter: ['aria-labelledby', 'role', 'tabindex'] });
  quiet();
  return undefined;
}
