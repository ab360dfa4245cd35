// Drag a card to another column of the pipeline board: asks for the reason, then posts the move with HTMX.
// The select and button on each card do the same without a mouse.
(function () {
  "use strict";
  var dragged = null;

  function column(event) {
    return event.target.closest ? event.target.closest(".board-column") : null;
  }

  document.addEventListener("dragstart", function (event) {
    var card = event.target.closest ? event.target.closest(".board-card[draggable=true]") : null;
    if (!card) return;
    dragged = card;
    event.dataTransfer.effectAllowed = "move";
    event.dataTransfer.setData("text/plain", card.dataset.moveUrl);
    card.classList.add("dragging");
  });
  document.addEventListener("dragend", function () {
    if (dragged) dragged.classList.remove("dragging");
    dragged = null;
    document.querySelectorAll(".board-column.drop-target").forEach(function (c) { c.classList.remove("drop-target"); });
  });
  document.addEventListener("dragover", function (event) {
    var target = column(event);
    if (!target || !dragged) return;
    event.preventDefault();
    target.classList.add("drop-target");
  });
  document.addEventListener("dragleave", function (event) {
    var target = column(event);
    if (target && !target.contains(event.relatedTarget)) target.classList.remove("drop-target");
  });
  document.addEventListener("drop", function (event) {
    var target = column(event);
    if (!target || !dragged) return;
    event.preventDefault();
    target.classList.remove("drop-target");
    var card = dragged;
    if (card.closest(".board-column") === target) return;
    var board = document.getElementById("board");
    var reason = window.prompt(board.dataset.prompt);
    if (reason === null) return;
    var values = {};
    var filters = document.getElementById("board-filters");
    if (filters) new FormData(filters).forEach(function (value, name) { values[name] = value; });
    values.stage = target.dataset.stage;
    values.reason = reason;
    htmx.ajax("POST", card.dataset.moveUrl, { source: target, target: "#board", swap: "outerHTML", values: values });
  });
})();
