// inspectsite search: results as you type, from an index written at build
// time. Without this script the search page offers browse lists instead.
// The reports list's filter: with this script, choosing an Area,
// programme or year narrows the list in place, across every page of it;
// without it, the static lists linked below the list do the same.
(() => {
  'use strict';
  const me = document.currentScript;
  const form = document.getElementById('report-filter');
  const list = document.getElementById('report-list');
  const results = document.getElementById('filter-results');
  const status = document.getElementById('filter-status');
  if (!form || !list || !results || !status) return;
  form.hidden = false;
  let reports = null;
  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const longDate = (iso) => {
    if (!iso) return 'Date not stated';
    const [y, m, d] = iso.split('-');
    return Number(d) + ' ' + MONTHS[Number(m) - 1] + ' ' + y;
  };
  async function narrow() {
    const area = form.elements.area.value;
    const programme = form.elements.programme.value;
    const year = form.elements.year.value;
    if (!area && !programme && !year) {
      results.hidden = true;
      list.hidden = false;
      status.textContent = 'Showing every report';
      return;
    }
    if (!reports) reports = (await (await fetch(me.dataset.index)).json()).r;
    const found = reports.filter((r) => (!area || r[2] === area) && (!programme || r[4] === programme) && (!year || r[3].startsWith(year)));
    results.replaceChildren(...found.map((r) => {
      const li = document.createElement('li');
      const a = document.createElement('a');
      a.href = me.dataset.base + r[0].slice(1);
      a.textContent = r[1];
      const meta = document.createElement('p');
      meta.className = 'meta';
      meta.textContent = (r[2] ? 'CPS ' + r[2] : 'National or thematic') + ' · ' + r[4] + ' · ' + longDate(r[3]);
      li.append(a, meta);
      return li;
    }));
    list.hidden = true;
    results.hidden = false;
    status.textContent = (found.length === 1 ? '1 report' : found.length + ' reports') + ' shown';
  }
  form.addEventListener('change', narrow);
  form.addEventListener('submit', (e) => { e.preventDefault(); narrow(); });
})();

(() => {
  'use strict';
  const me = document.currentScript;
  const indexURL = me.dataset.index;
  const base = me.dataset.base;
  const form = document.querySelector('.search-form');
  const input = document.getElementById('search-input');
  const results = document.getElementById('search-results');
  const status = document.getElementById('search-status');
  const fallback = document.getElementById('search-needs-js');
  if (!form || !input || !results || !status) return;
  if (fallback) fallback.hidden = true;

  const PAGE = 30;
  let index = null;
  let loading = null;
  let shown = 0;
  let matches = [];
  let terms = [];
  let timer = 0;

  function load() {
    if (!loading) {
      loading = fetch(indexURL).then((r) => r.json()).then((data) => {
        const page = (kind, x, hay) => ({ kind, title: x[0], url: x[1], text: x[2], hay: hay.toLowerCase() });
        index = {
          reports: data.r,
          issues: data.i.map((x) => ({ report: x[0], number: x[1], anchor: x[2], text: x[3], response: x[4],
            hay: (x[3] + '\n' + x[4] + '\n' + data.r[x[0]][1] + '\n' + data.r[x[0]][2]).toLowerCase() })),
          // Areas, themes and reports themselves, found by name, what they
          // cover and, for reports, their own text.
          pages: [
            ...(data.a || []).map((x) => page('Area', x, x[0] + '\n' + x[2])),
            ...(data.t || []).map((x) => page('Theme', x, x[0] + '\n' + x[2])),
            ...data.r.map((x) => page('Report', [x[1], x[0], x[5] || ''], x[1] + '\n' + x[2] + '\n' + (x[4] || '') + '\n' + (x[5] || ''))),
          ],
        };
        form.dataset.ready = 'true';
        return index;
      });
    }
    return loading;
  }

  function words(q) {
    return [...new Set(q.toLowerCase().split(/[^\p{L}\p{N}']+/u).filter((w) => w.length > 1))];
  }

  function search(q) {
    terms = words(q);
    if (!terms.length) return [];
    const out = [];
    for (const is of index.issues) {
      let score = 0;
      let all = true;
      for (const t of terms) {
        const at = is.hay.indexOf(t);
        if (at < 0) { all = false; break; }
        score += at < is.text.length ? 3 : 1;
      }
      if (all) out.push({ is, score, date: index.reports[is.report][3] });
    }
    // Best matches first, then newest; ISO dates compare as plain strings.
    out.sort((a, b) => b.score - a.score || (b.date > a.date ? 1 : b.date < a.date ? -1 : 0));
    // Areas, themes and reports that match come first, in that order.
    const pages = index.pages.filter((p) => terms.every((t) => p.hay.includes(t))).map((p) => ({ page: p }));
    return [...pages, ...out];
  }

  // marked appends text to parent, wrapping every search term in <mark>.
  function marked(parent, text) {
    const lower = text.toLowerCase();
    let i = 0;
    while (i < text.length) {
      let next = -1;
      let len = 0;
      for (const t of terms) {
        const at = lower.indexOf(t, i);
        if (at >= 0 && (next < 0 || at < next)) { next = at; len = t.length; }
      }
      if (next < 0) { parent.append(text.slice(i)); break; }
      parent.append(text.slice(i, next));
      const m = document.createElement('mark');
      m.textContent = text.slice(next, next + len);
      parent.append(m);
      i = next + len;
    }
  }

  function excerpt(text) {
    const lower = text.toLowerCase();
    let at = -1;
    for (const t of terms) { const x = lower.indexOf(t); if (x >= 0 && (at < 0 || x < at)) at = x; }
    if (at < 0) return text.length > 200 ? text.slice(0, 200) + '…' : text;
    const start = Math.max(0, at - 80);
    return (start > 0 ? '…' : '') + text.slice(start, start + 220) + (start + 220 < text.length ? '…' : '');
  }

  const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

  // longDate writes 2018-04-05 as "5 April 2018", as the pages do.
  function longDate(iso) {
    if (!iso) return 'Date not stated';
    const [y, m, d] = iso.split('-');
    return Number(d) + ' ' + MONTHS[Number(m) - 1] + ' ' + y;
  }

  function item(m) {
    if (m.page) return pageItem(m.page);
    const r = index.reports[m.is.report];
    const li = document.createElement('li');
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = base + r[0].slice(1) + '#' + m.is.anchor;
    marked(a, 'Issue ' + m.is.number + ': ' + (m.is.text.length > 120 ? m.is.text.slice(0, 120) + '…' : m.is.text));
    h.append(a);
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = (r[2] ? 'CPS ' + r[2] : 'National or thematic') + ' · ' + longDate(r[3]) + ' · ' + r[1];
    li.append(h, meta);
    if (m.is.response) {
      const p = document.createElement('p');
      p.append('Response: ');
      marked(p, excerpt(m.is.response));
      li.append(p);
    }
    return li;
  }

  function pageItem(p) {
    const li = document.createElement('li');
    const h = document.createElement('h3');
    const a = document.createElement('a');
    a.href = base + p.url.slice(1);
    marked(a, p.title);
    h.append(a);
    const meta = document.createElement('p');
    meta.className = 'meta';
    meta.textContent = p.kind;
    li.append(h, meta);
    if (p.text) {
      const d = document.createElement('p');
      marked(d, excerpt(p.text));
      li.append(d);
    }
    return li;
  }

  function render(q) {
    results.replaceChildren();
    shown = 0;
    if (!terms.length) { status.textContent = ''; return; }
    const pages = matches.filter((m) => m.page).length;
    const issues = matches.length - pages;
    const summary = (pages ? (pages === 1 ? '1 page and ' : pages + ' pages and ') : '') +
      (issues === 1 ? '1 issue match' + (pages ? '' : 'es') : issues + ' issues match');
    status.textContent = summary + ' “' + q + '”';
    const h = document.createElement('h2');
    h.id = 'results-heading';
    h.textContent = summary + ' “' + q + '”';
    results.append(h);
    if (!matches.length) {
      const p = document.createElement('p');
      p.textContent = 'Try fewer or shorter words, or browse the lists below.';
      results.append(p);
      return;
    }
    const ol = document.createElement('ol');
    ol.className = 'search-results';
    results.append(ol);
    more(ol);
  }

  function more(ol) {
    const next = matches.slice(shown, shown + PAGE);
    for (const m of next) ol.append(item(m));
    shown += next.length;
    results.querySelector('.show-more')?.remove();
    if (shown < matches.length) {
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'show-more';
      b.textContent = 'Show ' + Math.min(PAGE, matches.length - shown) + ' more results';
      b.addEventListener('click', () => {
        const first = shown;
        more(ol);
        ol.children[first]?.querySelector('a')?.focus();
      });
      results.append(b);
    }
  }

  async function run() {
    const q = input.value.trim();
    await load();
    matches = search(q);
    render(q);
    const url = new URL(location.href);
    if (q) url.searchParams.set('q', q); else url.searchParams.delete('q');
    history.replaceState(null, '', url);
  }

  input.addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(run, 120); });
  // Fetch and prepare the index as soon as the page is open, so the first
  // search does not wait for it.
  load();
  form.addEventListener('submit', (e) => { e.preventDefault(); clearTimeout(timer); run(); });
  const q = new URL(location.href).searchParams.get('q');
  if (q) { input.value = q; run(); }
})();
