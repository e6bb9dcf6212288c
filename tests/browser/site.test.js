import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readdirSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PAGES, build, serve, launch, runAxe, repo } from './harness.js';

let root, sub, browser;

before(async () => {
  root = await serve(build());
  sub = await serve(build(['-base-url', 'https://example.org/sub/']), '/sub/');
  browser = await launch();
});

after(async () => {
  await browser?.close();
  root?.server.close();
  sub?.server.close();
});

async function open(base, path, options = {}) {
  const context = await browser.newContext({ bypassCSP: true, ...options });
  const page = await context.newPage();
  const failed = [];
  // The not-found page is itself a 404: that one response is expected.
  const expected404 = (url) => url.includes('no-such-page');
  page.on('response', (r) => { if (r.status() >= 400 && !expected404(r.url())) failed.push(`${r.status()} ${r.url()}`); });
  page.on('console', (m) => { if (m.type() === 'error' && !expected404(path)) failed.push('console: ' + m.text()); });
  await page.goto(base + path);
  return { page, context, failed };
}

for (const path of PAGES) {
  test(`axe-core finds no violations on ${path}`, async () => {
    const { page, context, failed } = await open(root.base, path);
    const violations = await runAxe(page);
    await context.close();
    assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
    assert.deepEqual(failed, []);
  });
}

test('axe-core colour contrast holds in the dark colour scheme', async () => {
  for (const path of ['/', '/reports/mersey-cheshire-2018-04-05/', '/compare/']) {
    const { page, context } = await open(root.base, path, { colorScheme: 'dark' });
    const violations = await runAxe(page);
    await context.close();
    assert.deepEqual(violations, [], `${path}: ${JSON.stringify(violations, null, 2)}`);
  }
});

test('the first Tab reaches the skip link, which moves focus into main', async () => {
  for (const path of PAGES) {
    const { page, context } = await open(root.base, path);
    await page.keyboard.press('Tab');
    const first = await page.evaluate(() => ({ cls: document.activeElement.className, text: document.activeElement.textContent }));
    assert.equal(first.cls, 'skip-link', `${path}: first Tab focused ${JSON.stringify(first)}`);
    await page.keyboard.press('Enter');
    const inMain = await page.evaluate(() => document.activeElement.closest('main') !== null);
    assert.ok(inMain, `${path}: the skip link did not move focus into main`);
    await context.close();
  }
});

test('no page scrolls sideways at 320 px', async () => {
  for (const path of PAGES) {
    const { page, context } = await open(root.base, path, { viewport: { width: 320, height: 640 } });
    const { scroll, width } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, width: window.innerWidth }));
    await context.close();
    assert.ok(scroll <= width, `${path}: page is ${scroll}px wide in a ${width}px window`);
  }
});

test('every page works under a sub-path: no failed request, stylesheet applied', async () => {
  for (const path of PAGES) {
    const { page, context, failed } = await open(sub.base, path);
    const styled = await page.evaluate(() => getComputedStyle(document.querySelector('.skip-link')).position === 'absolute');
    const links = await page.evaluate(() => [...document.querySelectorAll('a[href^="/"], link[href^="/"]')]
      .map((a) => a.getAttribute('href')).filter((h) => !h.startsWith('/sub/')));
    await context.close();
    assert.deepEqual(failed, [], `${path}`);
    assert.ok(styled, `${path}: stylesheet not applied under /sub/`);
    assert.deepEqual(links, [], `${path}: links that escape the sub-path`);
  }
});

test('the Nu HTML Checker finds no errors on any page', () => {
  const dir = build();
  const files = [];
  const walk = (d) => readdirSync(d, { withFileTypes: true }).forEach((e) => {
    const p = join(d, e.name);
    if (e.isDirectory()) walk(p); else if (e.name.endsWith('.html')) files.push(p);
  });
  walk(dir);
  let out = '';
  try {
    execFileSync('java', ['-jar', join(repo, 'tests/browser/node_modules/vnu-jar/build/dist/vnu.jar'), '--errors-only', ...files],
      { stdio: ['ignore', 'pipe', 'pipe'] });
  } catch (e) {
    out = String(e.stderr) + String(e.stdout);
  }
  assert.equal(out, '', out);
  assert.ok(files.length >= 40, `only ${files.length} pages checked`);
});

test('screenshots at 375 and 1280 px', async () => {
  const dir = join(repo, 'tests/browser/screenshots');
  mkdirSync(dir, { recursive: true });
  for (const path of ['/', '/reports/mersey-cheshire-2018-04-05/', '/themes/victim-communication/', '/compare/']) {
    for (const width of [375, 1280]) {
      const { page, context } = await open(root.base, path, { viewport: { width, height: 900 } });
      const name = (path.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home') + `-${width}.png`;
      await page.screenshot({ path: join(dir, name), fullPage: true });
      await context.close();
    }
  }
});
