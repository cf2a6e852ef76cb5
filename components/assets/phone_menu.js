/* On a phone the side panel covers the page: close it once a page is chosen in it, so the chosen
 * page is what the reader sees (Streamlit leaves it open). Inline in every page (components/web.py). */
(function () {
  'use strict';
  document.addEventListener('click', function (event) {
    var link = event.target && event.target.closest && event.target.closest('[data-testid="stSidebar"] a');
    if (!link || !window.matchMedia('(max-width: 640px)').matches) return;
    window.setTimeout(function () {
      var close = document.querySelector('[data-testid="stSidebarCollapseButton"] button');
      if (close) close.click();
    }, 0);
  }, true);
})();
/* Healthy vs toxic, side by side: on a phone one dimension's three levels are a row a finger swipes
 * (app.css). Make that row a Tab stop a keyboard can scroll, named by its dimension's heading. */
(function () {
  'use strict';
  function nameRows() {
    document.querySelectorAll('[class*="st-key-hvt_levels_"] [data-testid="stHorizontalBlock"]:not([tabindex])')
      .forEach(function (row) {
        var key = (row.closest('[class*="st-key-hvt_levels_"]').className.match(/st-key-hvt_levels_(\S+)/) || [])[1];
        row.setAttribute('tabindex', '0');
        row.setAttribute('role', 'group');
        if (key && document.getElementById(key)) row.setAttribute('aria-labelledby', key);
      });
  }
  new MutationObserver(nameRows).observe(document.documentElement, { childList: true, subtree: true });
})();
