/*
 * Runs right after the CDN office.js <script> written by office-loader.js: when the CDN could not
 * be reached, window.Office is undefined and the add-in's own copy (dist/office.js, same folder as
 * the page) is written in its place, before functions.js and taskpane.js run. See office-loader.js.
 */
/* global window, document */
(function () {
  "use strict";
  if (typeof window.Office !== "undefined") {
    window.GOV_OFFICE_JS_SOURCE = "cdn";
    return;
  }
  try {
    window.localStorage.setItem("GOV.officeJs.cdnUnreachableAt", String(Date.now()));
  } catch (e) {
    // storage unavailable: the next load tries the CDN again
  }
  window.GOV_OFFICE_JS_SOURCE = "local";
  document.write('<script src="office.js"></script>');
})();
