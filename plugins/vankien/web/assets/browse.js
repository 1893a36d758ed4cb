/* Văn kiện: filters of the timeline and browse pages.
 * The pages are complete without this script; it only shows the filter form and hides the
 * entries that do not match. The filter state lives in the URL (?loai=&cap=&co-quan=&nam=)
 * so a filtered view can be shared. Works with Material's instant navigation (document$). */
(function () {
  "use strict";

  function apply(form) {
    var values = {};
    Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
      values[select.name] = select.value;
    });
    var root = form.closest("article") || document;
    var shown = 0;
    Array.prototype.forEach.call(root.querySelectorAll(".vk-tl__item"), function (item) {
      var ok =
        (!values["loai"] || item.dataset.type === values["loai"]) &&
        (!values["cap"] || item.dataset.level === values["cap"]) &&
        (!values["co-quan"] || item.dataset.issuer === values["co-quan"]) &&
        (!values["nam"] || item.dataset.year === values["nam"]);
      item.hidden = !ok;
      if (ok) shown += 1;
    });
    // Hide month and year sections left empty by the filters.
    Array.prototype.forEach.call(root.querySelectorAll(".vk-tl__month, .vk-tl__year"), function (section) {
      section.hidden = !section.querySelector(".vk-tl__item:not([hidden])");
    });
    var output = form.querySelector(".vk-filters__count");
    if (output) output.textContent = shown + " văn bản phù hợp";
    var params = new URLSearchParams(window.location.search);
    Object.keys(values).forEach(function (name) {
      if (values[name]) params.set(name, values[name]);
      else params.delete(name);
    });
    var query = params.toString();
    window.history.replaceState(null, "", window.location.pathname + (query ? "?" + query : "") + window.location.hash);
  }

  function setup() {
    Array.prototype.forEach.call(document.querySelectorAll("form.vk-filters"), function (form) {
      if (form.dataset.ready) return;
      form.dataset.ready = "1";
      var params = new URLSearchParams(window.location.search);
      Array.prototype.forEach.call(form.querySelectorAll("select"), function (select) {
        var wanted = params.get(select.name);
        if (wanted && select.querySelector('option[value="' + CSS.escape(wanted) + '"]')) select.value = wanted;
        select.addEventListener("change", function () { apply(form); });
      });
      form.hidden = false;
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      apply(form);
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
