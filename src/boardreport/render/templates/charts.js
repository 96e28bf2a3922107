(function () {
  "use strict";
  var specs = document.querySelectorAll('script[type="application/json"][data-chart]');
  var views = Array.prototype.map.call(specs, function (node) {
    var target = document.getElementById(node.getAttribute("data-chart"));
    return vegaEmbed(target, JSON.parse(node.textContent), { actions: false, renderer: "svg" });
  });
  window.reportReady = Promise.all(views).then(function (results) {
    return results.length;
  });
})();
