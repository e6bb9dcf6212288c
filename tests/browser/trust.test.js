// Pages readers can trust (issue 13): every page type passes axe-core in
// light, dark and forced-colours modes; phones get no table wider than
// the screen without a cue and a labelled, focusable scroll region; chart
// text is at least 12 CSS px at 375 px; the reports list narrows in
// place; the report, Area, compare and ratings pages say what they count.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { PAGES, build, serve, launch, runAxe } from './harness.js';

let site, browser;

before(async () => {
  site = await serve(build());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

async function open(path, options = {}) {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  const page = await context.newPage();
  await page.goto(site.base + path);
  return { page, context };
}

for (const mode of ['light', 'dark', 'forced']) {
  test(`axe-core finds no violations on any page type in ${mode} mode`, async () => {
    const found = {};
    for (const path of PAGES) {
      const { page, context } = await open(path, {
        colorScheme: mode === 'dark' ? 'dark' : 'light', forcedColors: mode === 'forced' ? 'active' : 'none',
      });
      const violations = await runAxe(page);
      await context.close();
      if (violations.length) found[path] = violations;
    }
    assert.deepEqual(found, {}, JSON.stringify(found, null, 2));
  });
}

test('at 375 px every wide table scrolls in a labelled, focusable region with a visible cue, or stacks', async () => {
  const problems = [];
  for (const path of PAGES) {
    const { page, context } = await open(path, { viewport: { width: 375, height: 800 } });
    problems.push(...await page.evaluate((path) => [...document.querySelectorAll('table')].flatMap((t) => {
      const wrap = t.closest('.table-wrap');
      if (t.getBoundingClientRect().width <= document.documentElement.clientWidth) return [];
      if (!wrap) return [`${path}: a table wider than the screen, not in a scroll region`];
      const out = [];
      if (wrap.getAttribute('role') !== 'region' || !wrap.getAttribute('aria-labelledby')) out.push(`${path}: a scroll region without a label`);
      if (wrap.tabIndex !== 0) out.push(`${path}: a scroll region that cannot be focused`);
      const cue = wrap.previousElementSibling;
      if (!cue || !cue.classList.contains('scroll-cue') || getComputedStyle(cue).display === 'none') {
        out.push(`${path}: "${t.caption?.textContent.slice(0, 60)}" is wider than the screen with no visible cue`);
      }
      return out;
    }), path));
    await context.close();
  }
  assert.deepEqual(problems, []);
});

test('at 375 px the home and compare ratings tables stack into rows', async () => {
  for (const path of ['/', '/compare/']) {
    const { page, context } = await open(path, { viewport: { width: 375, height: 800 } });
    const stacked = await page.$$eval('table.table--stack', (ts) => ts.map((t) => ({
      fits: t.getBoundingClientRect().width <= document.documentElement.clientWidth,
      label: getComputedStyle(t.querySelector('td[data-label]'), '::before').content,
    })));
    await context.close();
    assert.ok(stacked.length > 0, `${path}: no stacked table`);
    for (const s of stacked) {
      assert.ok(s.fits, `${path}: a stacked table is wider than the screen`);
      assert.match(s.label, /:/, `${path}: stacked cells are not labelled`);
    }
  }
});

test('chart text is at least 12 CSS px at 375 px, in every mode', async () => {
  for (const mode of ['light', 'forced']) {
    const { page, context } = await open('/compare/', { viewport: { width: 375, height: 800 }, forcedColors: mode === 'forced' ? 'active' : 'none' });
    const sizes = await page.$$eval('svg.chart text', (ts) => ts.map((t) => {
      const svg = t.ownerSVGElement;
      const scale = svg.getBoundingClientRect().width / svg.viewBox.baseVal.width;
      return { text: t.textContent, px: parseFloat(getComputedStyle(t).fontSize) * scale };
    }));
    // In forced colours the patterns stay: each rating's fill differs.
    const fills = await page.$$eval('svg.chart pattern rect.pat-bg, svg.chart pattern .pat-fg, svg.chart pattern .pat-line', (els) => els.length);
    await context.close();
    assert.ok(sizes.length > 10, 'charts have text');
    for (const s of sizes) assert.ok(s.px >= 12, `"${s.text}" is ${s.px.toFixed(1)} px at 375 px (${mode})`);
    assert.ok(fills >= 8, 'fill patterns are drawn');
  }
});

test('chart segments use the rating tags\u2019 colours', async () => {
  const { page, context } = await open('/compare/');
  const colours = await page.evaluate(() => {
    const tag = (cls) => { const s = document.createElement('strong'); s.className = 'tag tag--' + cls; document.body.append(s); const c = getComputedStyle(s).backgroundColor; s.remove(); return c; };
    const seg = (n) => getComputedStyle(document.querySelector(`pattern[id$="-fill-${n}"] .pat-bg`)).fill;
    return ['excellent', 'good', 'fair', 'poor'].map((w, i) => [tag(w), seg(i + 1)]);
  });
  await context.close();
  for (const [tagColour, segColour] of colours) assert.equal(segColour, tagColour);
});

test('the compare page counts within each programme, with a latest and an all view', async () => {
  const { page, context } = await open('/compare/');
  const text = await page.textContent('main');
  assert.match(text, /\d+ of the \d+ Areas have a report in this programme/);
  assert.match(text, /Latest inspection of each Area/);
  assert.ok(await page.$('a[href="/compare/all/"]'), 'links the all-inspections view');
  assert.ok(await page.$('h2#aap') && await page.$('h2#aip-baseline'), 'one section per programme');
  assert.match(text, /no numbered issues/);
  for (const h of await page.$$eval('.headline', (ps) => ps.map((p) => p.textContent))) {
    assert.ok(/^Tied: /.test(h) !== / was raised (again )?in the most Areas/.test(h) || /^No theme/.test(h), `headline "${h}"`);
  }
  await context.close();
});

test('a report page: original publication by host, issue headings, one combined response, the order explained', async () => {
  const { page, context } = await open('/reports/mersey-cheshire-2018-04-05/');
  const headings = await page.$$eval('h3[id^="issue-"]', (hs) => hs.map((h) => h.textContent));
  assert.deepEqual(headings.slice(0, 3), ['Issue 1', 'Issue 3', 'Issue 2']);
  assert.equal(await page.locator('text=In developing the Area').count(), 1, 'the combined response is shown once');
  assert.ok(await page.$('text=CPS response to issues 1 and 3'));
  assert.match(await page.textContent('main'), /in the order the document gives them: 1, 3, 2/);
  await context.close();
  const eoe = await open('/reports/east-of-england-2017-10-25/');
  const original = await eoe.page.$('.original a');
  assert.match(await original.textContent(), /Read the original publication.* on www\.justiceinspectorates\.gov\.uk/);
  assert.match(await eoe.page.textContent('main'), /No numbered issues in this document/);
  await eoe.context.close();
});

test('joint responses link both ways, and Area pages say what the Area covers', async () => {
  const south = await open('/reports/london-south-2018-10-25/');
  assert.ok(await south.page.$('.issue ~ .response a[href="/areas/london-north/"], .response a[href="/areas/london-north/"]'));
  await south.context.close();
  const north = await open('/areas/london-north/');
  const text = await north.page.textContent('main');
  assert.match(text, /Responses shared with CPS London South/);
  assert.ok(await north.page.$('a[href="/reports/london-south-2018-10-25/#issue-3"]'));
  await north.context.close();
  const wessex = await open('/areas/wessex/');
  assert.match(await wessex.page.textContent('main'), /Dorset Police/);
  assert.ok(await wessex.page.$('a[href^="https://www.cps.gov.uk/"]'), 'links the Area on the CPS website');
  await wessex.context.close();
});

test('the reports list narrows in place with scripts, and by static lists without', async () => {
  const { page, context } = await open('/reports/');
  await page.selectOption('#filter-programme', 'Area Inspection Programme baseline');
  await page.waitForSelector('#filter-results li');
  assert.equal(await page.locator('#filter-results li').count(), 1);
  assert.match(await page.textContent('#filter-status'), /^1 report shown$/);
  assert.ok(await page.isHidden('#report-list'));
  await page.selectOption('#filter-programme', '');
  assert.ok(await page.isVisible('#report-list'));
  await context.close();
  const off = await open('/reports/', { javaScriptEnabled: false });
  assert.ok(await off.page.isHidden('#report-filter'));
  assert.ok(await off.page.isVisible('a[href="/reports/programme/aap/"]'));
  assert.ok(await off.page.isVisible('a[href="/reports/year/2018/"]'));
  await off.context.close();
});

test('ratings are explained, and public pages use plain language', async () => {
  const { page, context } = await open('/ratings/');
  const text = await page.textContent('main');
  for (const w of ['Excellent', 'Good', 'Fair', 'Poor', 'Casework quality', 'Success of CPS people']) assert.ok(text.includes(w), w);
  await context.close();
  for (const path of PAGES) {
    const p = await open(path);
    const body = await p.page.textContent('body');
    await p.context.close();
    for (const bad of ['site.toml', 'content/0', 'inspectsite']) assert.ok(!body.includes(bad), `${path} shows "${bad}"`);
  }
  const footer = await open('/');
  assert.match(await footer.page.textContent('footer'), /Published by .+Open Government Licence v3\.0/s);
  await footer.context.close();
});
