// inspectsite serve: live reload. Only the preview server adds this script;
// built sites never carry it. It listens for build events over
// Server-Sent Events: "reload" brings in the page's new content, "css" swaps the
// stylesheet in place, "problem" shows the build's errors in an overlay
// (role="alert") until the next good build reloads the page.
(() => {
  const me = document.currentScript;
  const base = me.dataset.base;
  let built = me.dataset.build;
  let overlay = null;

  function addStyles() {
    if (document.getElementById('inspectsite-overlay-css')) return;
    const link = document.createElement('link');
    link.id = 'inspectsite-overlay-css';
    link.rel = 'stylesheet';
    link.href = base + '_inspectsite/overlay.css';
    document.head.appendChild(link);
  }

  function show(text) {
    addStyles();
    if (!overlay) {
      overlay = document.createElement('div');
      overlay.className = 'inspectsite-overlay';
      overlay.setAttribute('role', 'alert');
      const h = document.createElement('h2');
      h.textContent = 'The site did not build';
      const p = document.createElement('p');
      p.textContent = 'You are seeing the last good build. Fix the problem below and save: this page reloads by itself.';
      const pre = document.createElement('pre');
      overlay.append(h, p, pre);
      document.body.prepend(overlay);
    }
    overlay.querySelector('pre').textContent = text;
  }

  function swapStylesheet(href) {
    for (const link of document.querySelectorAll('link[rel="stylesheet"]')) {
      if (link.id !== 'inspectsite-overlay-css') link.href = href;
    }
  }

  // refresh fetches the page again and swaps in its new body and title,
  // keeping the reader's scroll position. A page with scripts of its own
  // (search) is reloaded whole, so they run again.
  async function refresh(build) {
    const own = [...document.scripts].some((s) => s !== me && s.src && !s.src.includes('_inspectsite/'));
    if (own) { location.reload(); return; }
    try {
      const res = await fetch(location.href, { cache: 'no-store' });
      const doc = new DOMParser().parseFromString(await res.text(), 'text/html');
      const x = window.scrollX;
      const y = window.scrollY;
      document.title = doc.title;
      for (const link of doc.querySelectorAll('link[rel="stylesheet"]')) {
        const mine = document.querySelector('link[rel="stylesheet"]:not(#inspectsite-overlay-css)');
        if (mine && mine.getAttribute('href') !== link.getAttribute('href')) mine.href = link.href;
      }
      document.body.replaceWith(document.adoptNode(doc.body));
      overlay = null;
      built = build;
      window.scrollTo(x, y);
    } catch (e) {
      location.reload();
    }
  }

  const events = new EventSource(base + '_inspectsite/events?build=' + encodeURIComponent(built));
  events.addEventListener('reload', (e) => refresh(e.data));
  events.addEventListener('css', (e) => {
    const msg = JSON.parse(e.data);
    built = msg.build;
    swapStylesheet(msg.href);
    if (overlay) { overlay.remove(); overlay = null; }
  });
  events.addEventListener('problem', (e) => show(e.data));
})();
