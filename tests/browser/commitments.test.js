// The commitments page and the commitment lists under responses, as a
// reader meets them: axe-core, keyboard, 320 px reflow, and what they say.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { build, serve, launch, runAxe } from './harness.js';

let site, browser;

before(async () => {
  site = await serve(build());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

const PAGES = ['/commitments/', '/reports/mersey-cheshire-2018-04-05/', '/areas/mersey-cheshire/', '/themes/training/'];

async function open(path, options = {}) {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  const page = await context.newPage();
  await page.goto(site.base + path);
  return { page, context };
}

test('axe-core finds no violations where commitments are shown, in light and dark', async () => {
  for (const colorScheme of ['light', 'dark']) {
    for (const path of PAGES) {
      const { page, context } = await open(path, { colorScheme });
      const violations = await runAxe(page);
      await context.close();
      assert.deepEqual(violations, [], `${path} (${colorScheme}): ${JSON.stringify(violations, null, 2)}`);
    }
  }
});

test('the commitments page counts per Area and passed timeframes by the newest document', async () => {
  const { page, context } = await open('/commitments/');
  const rows = await page.$$eval('#by-area-table-caption ~ tbody tr', (trs) => trs.map((tr) => [...tr.children].map((c) => c.textContent.trim())));
  const lead = await page.$eval('.lead', (p) => p.textContent);
  const asOf = await page.$eval('.lead time', (t) => t.getAttribute('datetime'));
  const dated = await page.$$eval('#by-timeframe ~ div table tbody tr', (trs) => trs.length);
  const reports = await (await page.request.get(site.base + '/data/reports.json')).json();
  await context.close();
  // "Passed" is judged at the newest document's date, never the build's clock.
  const newest = reports.reports.map((r) => r.date).filter(Boolean).sort().pop();
  assert.equal(asOf, newest, 'the lead dates the count by the newest document');
  const mersey = rows.find((r) => r[0] === 'Mersey-Cheshire');
  assert.ok(mersey, JSON.stringify(rows));
  assert.equal(mersey[1], '25', 'Mersey-Cheshire commitments, its combined response to 1 & 3 counted once');
  if (newest >= '2019-04-01') {
    // The panel meeting "in June" (2018) and the plan "for 2018/19" are not
    // stated as done; the plan "developed ... in April 2018" is.
    assert.equal(mersey[5], '2', 'Mersey-Cheshire: timeframes passed');
  }
  assert.match(lead, /\d+ commitments? not stated as done had a timeframe that passed by/);
  assert.ok(dated >= 5, `${dated} commitments with a timeframe listed`);
});

test('every scrollable table of the commitments page is reached by Tab, and focus stays visible', async () => {
  const { page, context } = await open('/commitments/');
  const regions = await page.$$eval('main [role="region"]', (els) => els.length);
  const seen = new Set();
  for (let i = 0; i < 200; i++) {
    await page.keyboard.press('Tab');
    const where = await page.evaluate(() => {
      const el = document.activeElement;
      return { inMain: !!el.closest('main'), region: el.getAttribute('role') === 'region' ? el.getAttribute('aria-labelledby') : '', visible: el.getBoundingClientRect().width > 0 };
    });
    if (where.region) seen.add(where.region);
    if (where.inMain) assert.ok(where.visible, 'focus on an invisible element');
  }
  await context.close();
  assert.equal(seen.size, regions, `Tab reached ${seen.size} of ${regions} scrollable tables`);
});

test('commitment pages reflow at 320 px: nothing scrolls sideways but the tables in their regions', async () => {
  for (const path of PAGES) {
    const { page, context } = await open(path, { viewport: { width: 320, height: 640 } });
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    await context.close();
    assert.ok(scroll <= width, `${path}: page is ${scroll}px wide in a ${width}px window`);
  }
});

test('each response lists its commitments with owner, timeframe, status and a source line link', async () => {
  const { page, context } = await open('/reports/mersey-cheshire-2018-04-05/');
  const items = await page.$$eval('.commitment-list li', (lis) => lis.map((li) => ({
    text: li.textContent.replace(/\s+/g, ' ').trim(),
    source: [...li.querySelectorAll('a')].map((a) => a.getAttribute('href')).pop(),
  })));
  await context.close();
  const plan = items.find((it) => /learning and development plan for 2018\/19/.test(it.text));
  assert.ok(plan, JSON.stringify(items.map((it) => it.text)));
  assert.match(plan.text, /Deputy Chief Crown Prosecutor, Area Business Manager/);
  assert.match(plan.text, /“for 2018\/19” \(April 2018 to March 2019\)/);
  assert.match(plan.text, /promised/);
  assert.match(plan.source, /source\/#L30$/);
  assert.equal(items.length, 25, 'the combined response to 1 & 3 is listed once');
});
