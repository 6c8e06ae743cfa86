/* factcheck: place each fact note next to its figure, and open the note a link points to.
 * The notes are HTML popovers: the browser already opens them (click, Enter, Space) and closes
 * them (Escape, a click elsewhere); without this script they open centred on the screen. */
(function () {
  "use strict";
  var GAP = 6; // px between the figure and its note

  function place(note) {
    var figure = document.querySelector('[popovertarget="' + note.id + '"]');
    if (!figure) return;
    var box = figure.getBoundingClientRect();
    var width = note.offsetWidth;
    var left = Math.min(box.left, document.documentElement.clientWidth - width - 8);
    var top = box.bottom + GAP;
    // Not enough room below: open above the figure.
    if (top + note.offsetHeight > window.innerHeight && box.top - GAP - note.offsetHeight > 0) {
      top = box.top - GAP - note.offsetHeight;
    }
    // Absolute in the page, so the note scrolls with its figure.
    note.style.position = "absolute";
    note.style.inset = "auto";
    note.style.left = Math.max(8, left) + window.scrollX + "px";
    note.style.top = top + window.scrollY + "px";
  }

  function openTarget() {
    var id = decodeURIComponent(window.location.hash.slice(1));
    if (!id) return;
    var target = document.getElementById(id);
    if (!target || !target.classList.contains("fact")) return;
    var note = document.getElementById(id + "-note");
    if (note && note.showPopover && !note.matches(":popover-open")) {
      note.showPopover();
    }
  }

  function init() {
    // A browser without popovers shows each note in the text, after its figure.
    if (!HTMLElement.prototype.hasOwnProperty("showPopover")) return;
    document.querySelectorAll(".fact-note[popover]").forEach(function (note) {
      note.addEventListener("toggle", function (event) {
        if (event.newState === "open") place(note);
      });
    });
    window.addEventListener("resize", function () {
      document.querySelectorAll(".fact-note:popover-open").forEach(place);
    });
    window.addEventListener("hashchange", openTarget);
    openTarget();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
