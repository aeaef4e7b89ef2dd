// factsheet: search with Pagefind. The index lives in the site's pagefind/ folder, split in small
// pieces that the browser fetches as a query needs them; nothing is fetched from another host.
// People, organisations and places are listed first, then articles with the facts that matched,
// each linking to the sentence it comes from. Needs a served site: browsers do not let a page
// opened from the disk (file://) load the index.
(function () {
  "use strict";
  var ENTITY_KINDS = ["Person", "Organisation", "Place"];
  var SHOWN = 10;
  var LOADED = 30;  // results whose details are fetched, then split into entities and articles

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) { node.className = className; }
    if (text) { node.textContent = text; }
    return node;
  }

  // Pagefind's excerpt is HTML with <mark> around the matched words. Keep only the text and the
  // marks: the words come from articles, which are untrusted.
  function excerpt(html) {
    var template = document.createElement("template");
    template.innerHTML = html || "";
    var out = element("p", "fs-search-excerpt");
    template.content.childNodes.forEach(function (node) {
      if (node.nodeType === 1 && node.tagName === "MARK") {
        out.appendChild(element("mark", "", node.textContent));
      } else {
        out.appendChild(document.createTextNode(node.textContent || ""));
      }
    });
    return out;
  }

  function link(url, text) {
    var a = element("a", "", text);
    a.href = url;
    return a;
  }

  function start(form) {
    var input = form.querySelector("input[type=search]");
    var status = document.getElementById("fs-search-status");
    var results = document.getElementById("fs-search-results");
    if (!input || !status || !results) { return; }
    if (window.location.protocol === "file:") {
      input.disabled = true;
      status.textContent = "Search needs the site to be served: run `make serve`, or any static file " +
        "server in the site folder (for example `python3 -m http.server`), and open this page from it. " +
        "Browsers do not let a page opened from the disk load the search index.";
      return;
    }
    var bundle = new URL(form.getAttribute("data-pagefind"), window.location.href);
    var root = new URL("../", bundle);
    var loading = import(bundle.href).then(function (pagefind) {
      // Start the search engine and fetch the index's entry file now, not at the first keystroke.
      return pagefind.options({ baseUrl: root.pathname })
        .then(function () { return pagefind.init(); })
        .then(function () { return pagefind; });
    });
    var latest = 0;

    function show(query, entities, articles) {
      results.replaceChildren();
      if (!entities.length && !articles.length) {
        status.textContent = "Nothing found for “" + query + "”.";
        return;
      }
      status.textContent = "";
      [["People, organisations and places", entities], ["Articles and their facts", articles]].forEach(function (group) {
        if (!group[1].length) { return; }
        results.appendChild(element("h2", "", group[0]));
        var list = element("ol", "fs-search-results");
        group[1].forEach(function (data) {
          var item = element("li", "fs-search-result");
          var head = element("p", "fs-search-title");
          head.appendChild(element("span", "fs-search-kind", data.meta.kind || ""));
          head.appendChild(document.createTextNode(" "));
          head.appendChild(link(data.url, data.meta.title || data.url));
          if (data.meta.detail) { head.appendChild(element("span", "fs-search-detail", " · " + data.meta.detail)); }
          item.appendChild(head);
          var facts = (data.sub_results || []).filter(function (sub) { return sub.url.indexOf("#") > 0; });
          if (facts.length) {
            var sub = element("ul", "fs-search-facts");
            facts.slice(0, 3).forEach(function (fact) {
              var row = element("li");
              row.appendChild(link(fact.url, fact.title));
              row.appendChild(excerpt(fact.excerpt));
              sub.appendChild(row);
            });
            item.appendChild(sub);
          } else if (data.excerpt) {
            item.appendChild(excerpt(data.excerpt));
          }
          list.appendChild(item);
        });
        results.appendChild(list);
      });
    }

    function run(query) {
      var ticket = ++latest;
      query = query.trim();
      if (!query) { results.replaceChildren(); status.textContent = ""; return; }
      status.textContent = "Searching…";
      loading.then(function (pagefind) {
        return pagefind.search(query).then(function (search) {
          return Promise.all(search.results.slice(0, LOADED).map(function (r) { return r.data(); }));
        }).then(function (data) {
          if (ticket !== latest) { return; }
          // Of the entities that match, the one in most articles first: "Kirby" is John Kirby's page
          // before that of a stray "Joining Kirby" the extractor found once.
          var entities = data.filter(function (d) { return ENTITY_KINDS.indexOf(d.meta.kind) >= 0; })
            .map(function (d, rank) { return { d: d, rank: rank, n: parseInt(d.meta.articles || "0", 10) }; })
            .sort(function (a, b) { return (b.n - a.n) || (a.rank - b.rank); })
            .map(function (x) { return x.d; });
          var articles = data.filter(function (d) { return ENTITY_KINDS.indexOf(d.meta.kind) < 0; });
          show(query, entities.slice(0, SHOWN), articles.slice(0, SHOWN));
        });
      }).catch(function () {
        if (ticket === latest) { status.textContent = "The search index could not be loaded."; }
      });
    }

    var timer = null;
    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      // Fetch the index chunks for what is typed so far while the typing pause runs out.
      var typed = input.value.trim();
      if (typed) { loading.then(function (pagefind) { return pagefind.preload(typed); }).catch(function () {}); }
      timer = window.setTimeout(function () { run(input.value); }, 150);
    });
    form.addEventListener("submit", function (event) {
      event.preventDefault();
      run(input.value);
    });
    var asked = new URLSearchParams(window.location.search).get("q");
    if (asked) { input.value = asked; run(asked); }
  }

  function init() {
    var form = document.getElementById("fs-search");
    if (form) { start(form); }
  }
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
