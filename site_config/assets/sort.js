// factsheet: click a table header to sort by that column (numbers by value, dates and text as text).
// The tables are complete without this script; it only reorders rows already on the page.
(function () {
  "use strict";
  function key(cell) {
    var text = (cell.textContent || "").trim();
    if (/^[0-9]{4}-[0-9]{2}-[0-9]{2}/.test(text)) { return { n: null, t: text }; }
    // "60", "1,200", "more than 60": a number, perhaps after a short qualifier
    var number = text.replace(/,/g, "").match(/^(?:[A-Za-z ]{0,12})?(-?[0-9]+(?:\.[0-9]+)?)/);
    return number ? { n: parseFloat(number[1]), t: text } : { n: null, t: text.toLowerCase() };
  }
  function compare(a, b) {
    if (a.n !== null && b.n !== null) { return a.n - b.n; }
    if (a.n !== null) { return -1; }
    if (b.n !== null) { return 1; }
    return a.t < b.t ? -1 : a.t > b.t ? 1 : 0;
  }
  function makeSortable(table) {
    var head = table.tHead;
    var body = table.tBodies[0];
    if (!head || !body || body.rows.length < 2) { return; }
    Array.prototype.forEach.call(head.rows[0].cells, function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "fs-sort";
      button.textContent = th.textContent;
      button.setAttribute("aria-label", "Sort by " + th.textContent);
      th.textContent = "";
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        Array.prototype.forEach.call(head.rows[0].cells, function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows).map(function (row, index) {
          return { row: row, key: key(row.cells[column] || row), index: index };
        });
        rows.sort(function (a, b) { return (ascending ? 1 : -1) * compare(a.key, b.key) || a.index - b.index; });
        rows.forEach(function (entry) { body.appendChild(entry.row); });
      });
    });
  }
  function init() {
    Array.prototype.forEach.call(document.querySelectorAll(".md-typeset table"), makeSortable);
  }
  if (document.readyState === "loading") { document.addEventListener("DOMContentLoaded", init); } else { init(); }
})();
