/* Healthy Bonds quick exit, modelled on GOV.UK Frontend's "Exit this page".
 *
 * Served inline in the <head> of the first HTML response (components/web.py), so it runs before
 * Streamlit's JavaScript and before any of the app can be read. Its settings come from the
 * data-* attributes of its own <script> tag; its text is never built from content here (the
 * button's words are in the HTML, escaped by the server). The same file is the fallback the
 * shell mounts if a page ever arrives without the early exit (components/quick_exit/fallback.js): it
 * installs its listeners once per page, whoever loads it first.
 */
(function () {
  'use strict';
  if (window.hbQuickExit) return;

  var PRESS_GAP_MS = 5000;  // GOV.UK: up to 5 s between Shift presses, the timer restarts on each
  var config = null;
  var presses = 0;
  var lastKeyWasModified = false;
  var pressTimer = null;
  var expiredTimer = null;

  function byId(id) { return document.getElementById(id); }

  function announce(text) {
    var status = byId('hb-exit-status');
    if (status) status.textContent = text || '';
  }

  function showPresses() {
    var lights = byId('hb-exit-lights');
    if (!lights) return;
    lights.hidden = presses === 0;
    for (var i = 0; i < lights.children.length; i++) {
      lights.children[i].classList.toggle('hb-on', i < presses);
    }
  }

  function leave() {
    announce('');
    // Blank first, so nothing stays readable (or reachable by Tab or a screen reader) while the
    // next site loads, then replace this page in the tab's history.
    document.documentElement.classList.add('hb-exiting');
    var overlay = document.createElement('div');
    overlay.className = 'hb-exit-overlay';
    overlay.setAttribute('role', 'alert');
    (document.body || document.documentElement).appendChild(overlay);
    overlay.textContent = config.leaving || '';  // set after insertion: screen readers pick it up
    document.title = '';
    window.location.replace(config.url);
  }

  function resetPresses(announceExpiry) {
    if (pressTimer) { window.clearTimeout(pressTimer); pressTimer = null; }
    presses = 0;
    showPresses();
    if (announceExpiry) {
      announce(config.timedOut);
      expiredTimer = window.setTimeout(function () { announce(''); }, PRESS_GAP_MS);
    }
  }

  function onKeyUp(event) {
    // Shift alone counts; Shift used as a modifier (Shift+A) fires a keyup for A with shiftKey
    // set and then one for Shift, which is skipped.
    if (event.key === 'Shift' && !lastKeyWasModified) {
      presses += 1;
      showPresses();
      if (expiredTimer) { window.clearTimeout(expiredTimer); expiredTimer = null; }
      if (presses >= 3) {
        resetPresses(false);
        leave();
      } else {
        announce(presses === 1 ? config.pressTwoMore : config.pressOneMore);
        if (pressTimer) window.clearTimeout(pressTimer);
        pressTimer = window.setTimeout(function () { resetPresses(true); }, PRESS_GAP_MS);
      }
    } else if (pressTimer) {
      resetPresses(true);
    }
    lastKeyWasModified = event.shiftKey;
  }

  function isExitButton(target) {
    return target && target.closest && target.closest('#hb-exit-button');
  }

  function followInPlace(event) {
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey
        || event.altKey) return;
    var link = event.target && event.target.closest && event.target.closest('a[href]');
    if (!link || isExitButton(link) || link.hasAttribute('download')) return;
    if (link.target && link.target !== '_self') return;
    if (link.origin !== window.location.origin || !/^https?:$/.test(link.protocol)) return;
    event.preventDefault();
    window.location.replace(link.href);
  }

  function install(settings) {
    if (config) return;  // one set of listeners per page
    config = {
      url: settings.url,
      history: settings.history,
      pressTwoMore: settings.pressTwoMore,
      pressOneMore: settings.pressOneMore,
      timedOut: settings.timedOut,
      leaving: settings.leaving
    };
    if (config.history === 'single') {
      // The app keeps one entry in the tab's history: a step, a filter or a page change rewrites
      // the address instead of adding an entry, so after an exit Back never returns to the app.
      // Streamlit calls window.history.pushState at the moment it changes the URL.
      var replace = window.history.replaceState.bind(window.history);
      window.history.pushState = function (state, title, url) { return replace(state, title, url); };
      // Plain links within the site (the app's "Text-only version", the text edition's own links
      // and its skip link) would add an entry too: follow them by replacing this one instead.
      // Links the app handles itself (Streamlit's page links) have already been handled by now.
      document.addEventListener('click', followInPlace);
    }
    document.addEventListener('click', function (event) {
      if (isExitButton(event.target)) { event.preventDefault(); leave(); }
    }, true);
    // The button is a link with role="button" (it works as a plain link without JavaScript):
    // Space must activate it, as it would a button.
    document.addEventListener('keydown', function (event) {
      if (event.key === ' ' && isExitButton(event.target)) { event.preventDefault(); leave(); }
    }, true);
    document.addEventListener('keyup', onKeyUp, true);
    // If a browser ever restores this page from its back-forward cache, show it as it was.
    window.addEventListener('pageshow', function (event) {
      if (!event.persisted) return;
      document.documentElement.classList.remove('hb-exiting');
      var overlay = document.querySelector('.hb-exit-overlay');
      if (overlay) overlay.remove();
      resetPresses(false);
      announce('');
    });
  }

  window.hbQuickExit = { install: install };
  var me = document.currentScript;
  if (me && me.dataset.url) install(me.dataset);
})();
