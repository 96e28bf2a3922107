(function () {
  "use strict";
  function cellKey(cell) {
    var raw = cell ? cell.getAttribute("data-sort") : null;
    var text = raw !== null ? raw : (cell ? cell.textContent.trim() : "");
    var number = raw !== null && raw !== "" ? Number(raw) : NaN;
    return { text: text.toLowerCase(), number: number };
  }
  function compare(a, b) {
    var aNum = !isNaN(a.number), bNum = !isNaN(b.number);
    if (aNum && bNum) return a.number - b.number;
    if (aNum !== bNum) return aNum ? -1 : 1;
    return a.text < b.text ? -1 : (a.text > b.text ? 1 : 0);
  }
  function sortable(table) {
    var headers = table.querySelectorAll("thead th[scope=col]");
    var body = table.tBodies[0];
    headers.forEach(function (th, column) {
      var button = document.createElement("button");
      button.type = "button";
      while (th.firstChild) button.appendChild(th.firstChild);
      th.appendChild(button);
      button.addEventListener("click", function () {
        var ascending = th.getAttribute("aria-sort") !== "ascending";
        headers.forEach(function (other) { other.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (r1, r2) {
          var result = compare(cellKey(r1.cells[column]), cellKey(r2.cells[column]));
          return ascending ? result : -result;
        });
        rows.forEach(function (row) { body.appendChild(row); });
        var status = document.getElementById(table.id + "-status");
        if (status) status.textContent = "Sorted by " + button.textContent.trim() + ", " + (ascending ? "ascending" : "descending") + ".";
      });
    });
  }
  function filterable(table) {
    var box = document.getElementById(table.id + "-filter");
    if (!box) return;
    box.hidden = false;
    var input = box.querySelector("input");
    var status = document.getElementById(table.id + "-status");
    input.addEventListener("input", function () {
      var wanted = input.value.trim().toLowerCase();
      var shown = 0, rows = table.tBodies[0].rows;
      for (var i = 0; i < rows.length; i++) {
        var match = !wanted || rows[i].textContent.toLowerCase().indexOf(wanted) !== -1;
        rows[i].hidden = !match;
        if (match) shown++;
      }
      if (status) status.textContent = shown + " of " + rows.length + " reports shown.";
    });
  }
  document.querySelectorAll("table.sortable").forEach(function (table) {
    sortable(table);
    filterable(table);
  });
})();
