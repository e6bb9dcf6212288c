// Search, the open data schema and charts, as readers and re-users meet them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync, mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { build, serve, launch, runAxe, repo } from './harness.js';

let dir, site, browser;

before(async () => {
  dir = build();
  site = await serve(dir);
  browser = await launch();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

test('reports.json validates against the published JSON Schema', () => {
  const schema = JSON.parse(readFileSync(join(dir, 'data/reports.schema.json'), 'utf8'));
  const data = JSON.parse(readFileSync(join(dir, 'data/reports.json'), 'utf8'));
  const validate = new Ajv2020({ allErrors: true, strict: true }).compile(schema);
  assert.ok(validate(data), JSON.stringify(validate.errors, null, 2));
  assert.equal(data.reports.length, readdirSync(join(repo, 'content')).filter((f) => f.endsWith('.txt')).length);
  // And the schema is not a formality: a broken report fails it.
  data.reports[0].date = '5 April 2018';
  delete data.reports[1].issues;
  assert.equal(validate(data), false);
});

test('search by keyboard alone: type, hear the count, Tab to a result, follow it', async () => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto(site.base + '/search/');
  // Tab from the top of the page to the search field.
  let onInput = false;
  for (let i = 0; i < 15 && !onInput; i++) {
    await page.keyboard.press('Tab');
    onInput = await page.evaluate(() => document.activeElement?.id === 'search-input');
  }
  assert.ok(onInput, 'the search field is reachable by Tab');
  await page.keyboard.type('disclosure');
  await page.waitForSelector('.search-results li', { timeout: 5000 });
  const status = await page.textContent('#search-status');
  assert.match(status, /^(\d+ pages? and )?\d+ issues? match(es)? “disclosure”$/);
  assert.equal(await page.getAttribute('#search-status', 'role'), 'status');
  assert.ok(await page.$('.search-results mark'), 'matched words are marked');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'search-input', 'focus stays in the field while typing');
  const violations = await runAxe(page);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  // Tab: the Search button, then the first result.
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  // The theme page comes first, then reports and issues.
  const href = await page.evaluate(() => document.activeElement.getAttribute('href'));
  assert.equal(href, '/themes/disclosure/');
  await page.keyboard.press('Enter');
  await page.waitForURL((u) => u.pathname === '/themes/disclosure/');
  await page.goBack();
  await page.waitForSelector('.search-results li');
  const issue = await page.$eval('.search-results a[href*="#issue-"]', (a) => a.getAttribute('href'));
  assert.match(issue, /^\/reports\/[a-z0-9-]+\/#issue-\d+$/);
  await page.goto(site.base + issue);
  const id = new URL(page.url()).hash.slice(1);
  assert.ok(await page.$(`[id="${id}"]`), `the result's anchor ${id} exists`);
  await context.close();
});

test('a search from the address (?q=) runs on load; no match says so', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.base + '/search/?q=zzzyxq');
  await page.waitForSelector('#results-heading');
  assert.match(await page.textContent('#results-heading'), /^0 issues match/);
  // Areas are found by their name and by what they cover.
  for (const [q, want] of [['wessex', '/areas/wessex/'], ['dorset', '/areas/wessex/'], ['merseyside', '/areas/mersey-cheshire/']]) {
    await page.goto(site.base + '/search/?q=' + q);
    await page.waitForSelector('#results-heading');
    assert.ok(await page.$(`.search-results a[href="${want}"]`), `searching ${q} finds ${want}`);
  }
  await context.close();
});

test('without JavaScript the search page offers browse lists', async () => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(site.base + '/search/');
  assert.ok(await page.isVisible('#search-needs-js'));
  assert.ok(await page.isVisible('a[href="/areas/"]'));
  await context.close();
});

test('charts: labelled images beside tables of the same numbers', async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(site.base + '/compare/');
  const charts = await page.$$eval('svg.chart', (svgs) => svgs.map((s) => ({
    role: s.getAttribute('role'),
    label: s.getAttribute('aria-labelledby').split(' ').map((id) => document.getElementById(id)?.textContent || '').join(' | '),
    table: !!s.closest('figure').parentElement.querySelector('table'),
  })));
  assert.ok(charts.length >= 3, `${charts.length} charts`);
  for (const c of charts) {
    assert.equal(c.role, 'img');
    assert.ok(c.label.length > 40, `chart label: ${c.label}`);
    assert.ok(c.table);
  }
  await context.close();
});

test('search speed for 1,000 documents (measured, not asserted)', async () => {
  const src = mkdtempSync(join(tmpdir(), 'inspectsite-search-'));
  execFileSync('go', ['run', './cmd/gencorpus', '-n', '1000', '-out', src], { cwd: repo, stdio: 'ignore' });
  const out = join(src, 'public');
  execFileSync(process.env.INSPECTSITE_BIN, ['build', '-source', src, '-dest', out], { stdio: 'ignore' });
  const big = await serve(out);
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(big.base + '/search/');
  const t = await page.evaluate(async () => {
    const input = document.getElementById('search-input');
    await new Promise((ok) => { const check = () => (document.querySelector('.search-form').dataset.ready ? ok() : setTimeout(check, 2)); check(); });
    const loaded = performance.now(); // from navigation start: fetch and parse
    input.value = 'victims letters';
    const t1 = performance.now();
    document.querySelector('.search-form').requestSubmit();
    await new Promise((ok) => { const check = () => (document.querySelector('.search-results li') ? ok() : setTimeout(check, 1)); check(); });
    return { loaded, first: performance.now() - t1 };
  });
  const html = Number(execFileSync('sh', ['-c', `find ${out} -name '*.html' -printf '%s\\n' | awk '{s+=$1} END {print s}'`]).toString());
  const index = readFileSync(join(out, 'search/index.json')).length;
  console.log(`# 1,000 documents: index ${(index / 1e6).toFixed(2)} MB = ${(100 * index / html).toFixed(1)}% of ${(html / 1e6).toFixed(1)} MB of HTML; index fetched and parsed ${t.loaded.toFixed(0)} ms after the page opened; first results ${t.first.toFixed(1)} ms after submit`);
  assert.ok(index < 0.15 * html, 'index under 15% of the HTML');
  big.server.close();
  await context.close();
});
