/* The stepper's announcer and focus keeper (components/stepper/__init__.py says what and why). */
export default function (component) {
  const { data } = component;
  let live = document.getElementById('hb-step-live');
  if (!live) {
    live = document.createElement('div');
    live.id = 'hb-step-live';
    live.className = 'hb-visually-hidden';
    live.setAttribute('aria-live', 'polite');
    live.setAttribute('aria-atomic', 'true');
    live.setAttribute('data-testid', 'step-announcer');
    document.body.appendChild(live);
  }
  const seen = (window.__hbSteps = window.__hbSteps || {});
  const before = seen[data.name];
  seen[data.name] = data.index;
  if (before !== undefined && before !== data.index) { live.textContent = data.text; }
  // the stepper control that last had focus (none once focus goes anywhere else)
  if (!window.__hbStepperWatch) {
    window.__hbStepperWatch = true;
    document.addEventListener('focusin', (event) => {
      window.__hbStepperLast = event.target.closest('[class*="st-key-stepper_"]') ? event.target : null;
    }, true);
  }
  const box = document.querySelector(`.st-key-stepper_${data.name}`);
  if (!box) { return undefined; }
  const keep = () => {
    const last = window.__hbStepperLast;
    const active = document.activeElement;
    if (!last || (last.isConnected && !box.contains(last))) { return; }
    const dropped = !active || active === document.body || (active === last && last.disabled);
    if (!dropped || (last.isConnected && !last.disabled)) { return; }
    const control = (k, part) => box.querySelector(`.st-key-${data.name}_${k} ${part}`);
    const forward = last.closest(`.st-key-${data.name}_next`) !== null;
    const target = forward ? control('jump', 'input') : control('next', 'button');
    if (target && target.disabled) { return; }
    if (target) { target.focus(); }
  };
  // once this run's buttons have their new state; and whenever a stepper button loses focus to nothing
  const frame = requestAnimationFrame(() => requestAnimationFrame(keep));
  const onOut = (event) => { if (!event.relatedTarget) { setTimeout(keep, 0); } };
  box.addEventListener('focusout', onOut);
  return () => { cancelAnimationFrame(frame); box.removeEventListener('focusout', onOut); };
}
