// inspectsite serve: live reload. Only the preview server adds this script;
// built sites never carry it. It listens for build events over
// Server-Sent Events: "reload" reloads the page, "css" swaps the
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

  const events = new EventSource(base + '_inspectsite/events?build=' + encodeURIComponent(built));
  events.addEventListener('reload', () => location.reload());
  events.addEventListener('css', (e) => {
    const msg = JSON.parse(e.data);
    built = msg.build;
    swapStylesheet(msg.href);
    if (overlay) { overlay.remove(); overlay = null; }
  });
  events.addEventListener('problem', (e) => show(e.data));
})();
