/* Văn kiện: the "In văn bản" button of a document's page.
 * The button is rendered hidden, since it needs this script; this shows it and makes it print the
 * page, which print.css lays out as the document's paper form. No inline handler: the pages'
 * Content-Security-Policy allows none. Works with Material's instant navigation (document$). */
(function () {
  "use strict";

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("button.vk-print-button"), function (button) {
      if (button.dataset.vkReady) return;
      button.dataset.vkReady = "1";
      button.addEventListener("click", function () {
        window.print();
      });
      button.hidden = false;
    });
  }

  if (window.document$ && typeof window.document$.subscribe === "function") {
    window.document$.subscribe(setup);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", setup);
  } else {
    setup();
  }
})();
