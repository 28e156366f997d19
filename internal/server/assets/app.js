// briefing 报告工作台: drop a workbook on the form, follow a build.
"use strict";

document.querySelectorAll("[data-drop]").forEach(function (form) {
  var zone = form.querySelector("[data-dropzone]");
  var input = form.querySelector("input[type=file]");
  var chosen = form.querySelector("[data-chosen]");
  var path = form.querySelector("select[name=path]");
  function show() {
    chosen.textContent = input.files.length ? "已选择：" + input.files[0].name : "";
    if (input.files.length && path) path.value = "";
  }
  input.addEventListener("change", show);
  ["dragenter", "dragover"].forEach(function (t) {
    zone.addEventListener(t, function (e) { e.preventDefault(); zone.classList.add("over"); });
  });
  ["dragleave", "drop"].forEach(function (t) {
    zone.addEventListener(t, function () { zone.classList.remove("over"); });
  });
  zone.addEventListener("drop", function (e) {
    e.preventDefault();
    if (!e.dataTransfer.files.length) return;
    input.files = e.dataTransfer.files;
    show();
    form.requestSubmit();
  });
});

// The report page asks every half second whether a build is under way
// (a new workbook, or a template saved in an editor) and reloads when one
// has finished.
(function () {
  var status = document.getElementById("status");
  if (!status) return;
  var gen = status.dataset.gen;
  var running = status.dataset.running === "true";
  function tick() {
    fetch(status.dataset.state, { cache: "no-store" }).then(function (r) { return r.json(); }).then(function (s) {
      if (String(s.gen) !== gen) { location.reload(); return; }
      if (s.running) {
        running = true;
        var stage = status.querySelector("[data-stage]");
        if (!stage) {
          status.innerHTML = "";
          var p = document.createElement("p");
          p.className = "busy";
          p.append("正在生成：");
          stage = document.createElement("span");
          stage.dataset.stage = "";
          p.append(stage, "……");
          status.prepend(p);
        }
        stage.textContent = s.stage;
      }
    }).catch(function () {}).finally(function () { setTimeout(tick, 500); });
  }
  setTimeout(tick, 500);
})();
