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
