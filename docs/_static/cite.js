/* "Cite this page": the reader's access date, and copy buttons that work by keyboard too.
 * The box (docs/_ext/citation.py) gives BibTeX, RIS and CSL-JSON an access date of the page's own
 * date; here it becomes today's. A copy button copies its citation (formatted text and plain
 * text where the browser allows) and says so in a live region. */
(function () {
  "use strict";

  function pad(n) {
    return (n < 10 ? "0" : "") + n;
  }

  function setAccessDates(box) {
    var now = new Date();
    var y = now.getFullYear(), m = now.getMonth() + 1, d = now.getDate();
    var text = {
      iso: y + "-" + pad(m) + "-" + pad(d),
      ris: y + "/" + pad(m) + "/" + pad(d) + "/",
      csl: y + ", " + m + ", " + d,
    };
    box.querySelectorAll(".cite-accessed").forEach(function (span) {
      if (text[span.dataset.format]) span.textContent = text[span.dataset.format];
    });
  }

  function fallbackCopy(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.style.position = "fixed";
    area.style.opacity = "0";
    document.body.appendChild(area);
    area.select();
    var ok = false;
    try {
      ok = document.execCommand("copy");
    } catch (e) {
      ok = false;
    }
    document.body.removeChild(area);
    return ok ? Promise.resolve() : Promise.reject(new Error("copy refused"));
  }

  function copy(element) {
    var text = element.textContent.trim();
    if (navigator.clipboard && window.isSecureContext) {
      if (element.classList.contains("cite-text") && window.ClipboardItem) {
        var item = new ClipboardItem({
          "text/plain": new Blob([text], { type: "text/plain" }),
          "text/html": new Blob([element.innerHTML], { type: "text/html" }),
        });
        return navigator.clipboard.write([item]).catch(function () {
          return navigator.clipboard.writeText(text);
        });
      }
      return navigator.clipboard.writeText(text).catch(function () {
        return fallbackCopy(text);
      });
    }
    return fallbackCopy(text);
  }

  function init() {
    document.querySelectorAll(".cite-this-page").forEach(function (box) {
      setAccessDates(box);
      var status = box.querySelector(".cite-status");
      box.addEventListener("click", function (event) {
        var button = event.target.closest("button.cite-copy");
        if (!button) return;
        var source = document.getElementById(button.dataset.copy);
        if (!source) return;
        var what = button.textContent.replace(/^Copy\s*/, "") || "Citation";
        copy(source).then(
          function () {
            status.textContent = what + " copied to the clipboard.";
          },
          function () {
            status.textContent = "Copying is blocked here: select the text and copy it by hand.";
          }
        );
      });
    });
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
