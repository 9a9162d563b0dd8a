// The not-found page with `redirects: not-found` in tier0.yaml: a short
// link or an alias has no page of its own, so this looks the missing path
// up in kb/redirects-<n>.json (n: the FNV-1a hash of the path's UTF-8
// bytes times data-files, divided by 2^32, as tier0 computes it) and
// sends the browser on to the article, keeping the #fragment.
(function () {
  "use strict";
  var script = document.currentScript;
  if (!script || !window.fetch || !window.TextEncoder) return;
  var root = script.dataset.root;
  var files = Number(script.dataset.files);
  var path;
  try {
    path = decodeURI(location.pathname);
  } catch (e) {
    return;
  }
  if (!root || !files || path.indexOf(root) !== 0) return;
  var key = path.slice(root.length).replace(/(^|\/)index\.html$/, "$1");
  if (key === "") return;
  // A page's old address as a file (`guide/setup.html`, from mdBook or
  // Sphinx) is looked up as it is; any other path as a folder.
  if (key.charAt(key.length - 1) !== "/" && !/\.html$/.test(key)) key += "/";
  var bytes = new TextEncoder().encode(key);
  var hash = 0x811c9dc5;
  for (var i = 0; i < bytes.length; i++) hash = Math.imul(hash ^ bytes[i], 0x01000193) >>> 0;
  fetch(root + "kb/redirects-" + Math.floor((hash / 4294967296) * files) + ".json")
    .then(function (r) { return r.ok ? r.json() : null; })
    .then(function (map) {
      var to = map && Object.prototype.hasOwnProperty.call(map, key) ? map[key] : null;
      if (typeof to === "string") location.replace(root + to + location.hash);
    })
    .catch(function () {});
})();
