/*
 * office.js for the GOV pages (taskpane.html, taskpane-compat.html): Microsoft's CDN first — the
 * supported copy, current with the host's API — and the copy built into this add-in (dist/office.js)
 * when the CDN cannot be reached (air-gapped government networks). A same-origin file, not an
 * inline script: the pages' Content-Security-Policy forbids inline script.
 *
 * Both scripts are written with document.write while the <head> is parsed, so office.js is loaded
 * before functions.js (which needs the CustomFunctions global) and taskpane.js, exactly as a plain
 * <script> tag would be. office-fallback.js runs after the CDN script has loaded or failed.
 *
 * A network that drops packets to the CDN instead of refusing them makes the CDN <script> wait
 * for the browser's connection timeout (tens of seconds) before the fallback runs. So the fallback
 * remembers that the CDN was unreachable, and the following loads (the task pane, and the shared
 * runtime at each Excel start) go straight to the local copy for a day. Offices that know they are
 * air-gapped build with GOV_OFFICE_JS=local: their pages never name the CDN (README, deployment).
 */
/* global window, document */
(function () {
  "use strict";
  var CDN = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
  var KEY = "GOV.officeJs.cdnUnreachableAt";
  var RETRY_AFTER_MS = 24 * 60 * 60 * 1000;
  var skipCdn = false;
  try {
    var at = Number(window.localStorage.getItem(KEY));
    skipCdn = at > 0 && Date.now() - at < RETRY_AFTER_MS;
  } catch (e) {
    // storage unavailable (blocked third-party storage): always try the CDN
  }
  if (skipCdn) {
    window.GOV_OFFICE_JS_SOURCE = "local";
    document.write('<script src="office.js"></script>');
  } else {
    document.write('<script src="' + CDN + '"></script><script src="office-fallback.js"></script>');
  }
})();
