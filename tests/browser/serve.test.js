// inspectsite serve, as an editor meets it: a real server on loopback, a
// page open in Chromium, files edited on disk.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, launch, repo, runAxe } from './harness.js';

let dir, proc, base, browser;
const seed = 'content/000_d4d0eb5e2a460308.txt';
const page = '/reports/mersey-cheshire-2018-04-05/';

function freePort() {
  return new Promise((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
}

before(async () => {
  build(); // makes INSPECTSITE_BIN
  dir = mkdtempSync(join(tmpdir(), 'inspectsite-serve-'));
  cpSync(join(repo, 'content'), join(dir, 'content'), { recursive: true });
  cpSync(join(repo, 'templates/style.css'), join(dir, 'templates/style.css'));
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  proc = spawn(process.env.INSPECTSITE_BIN, ['serve', '-source', dir, '-addr', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'inherit'] });
  let log = '';
  await new Promise((ok, fail) => {
    proc.stdout.on('data', (d) => { log += d; if (log.includes('serving on')) ok(); });
    proc.on('exit', (code) => fail(new Error(`serve exited ${code}: ${log}`)));
  });
  browser = await launch();
});

after(async () => {
  await browser?.close();
  if (proc?.exitCode === null) proc.kill('SIGKILL');
});

function edit(name, from, to) {
  const p = join(dir, name);
  const text = readFileSync(p, 'utf8');
  assert.ok(text.includes(from), `${name} lacks ${from}`);
  writeFileSync(p, text.replace(from, to));
}

async function openPage(path) {
  const context = await browser.newContext({ bypassCSP: true });
  const p = await context.newPage();
  await p.goto(base + path);
  await p.waitForTimeout(300); // let the reload script open its event stream
  return { p, context };
}

test('an open page updates by itself after a document is edited, keeping its scroll position', async () => {
  const { p, context } = await openPage(page);
  await p.evaluate(() => window.scrollTo(0, 1500));
  const t0 = Date.now();
  edit(seed, 'more meaningful defence engagement', 'browser-visible defence engagement');
  await p.waitForFunction(() => document.body.textContent.includes('browser-visible defence engagement'), null, { timeout: 10000 });
  console.log(`# edit on disk to new text in the open page: ${Date.now() - t0} ms (100 ms quiet period included)`);
  assert.equal(await p.evaluate(() => Math.round(window.scrollY)), 1500, 'the reader stays where they were');
  await context.close();
});

test('a broken site.toml shows an accessible overlay; the fix reloads the page', async () => {
  const { p, context } = await openPage('/');
  writeFileSync(join(dir, 'site.toml'), 'title = "x"\npage_size = "lots"\n');
  const alert = await p.waitForSelector('[role="alert"]', { timeout: 10000 });
  const text = await alert.textContent();
  assert.match(text, /site\.toml:2: error:/);
  assert.ok(await p.evaluate(() => document.querySelector('h1').textContent.includes('CPS inspection responses')), 'the last good page stays');
  const violations = await runAxe(p);
  assert.deepEqual(violations, [], JSON.stringify(violations, null, 2));
  writeFileSync(join(dir, 'site.toml'), 'title = "Repaired site"\n');
  await p.waitForFunction(() => document.querySelector('h1').textContent.includes('Repaired site'), null, { timeout: 10000 });
  assert.equal(await p.$('[role="alert"]'), null, 'the overlay is gone after the fix');
  await context.close();
});

test('a stylesheet change swaps the stylesheet without reloading', async () => {
  const { p, context } = await openPage('/');
  await p.evaluate(() => { window.notReloaded = true; });
  const before = await p.evaluate(() => document.querySelector('link[rel="stylesheet"]').href);
  const css = readFileSync(join(dir, 'templates/style.css'), 'utf8');
  writeFileSync(join(dir, 'templates/style.css'), css + '\nbody { letter-spacing: 0.01em; }\n');
  await p.waitForFunction((old) => document.querySelector('link[rel="stylesheet"]').href !== old, before, { timeout: 10000 });
  // The new href is set at once; the stylesheet it names arrives after it
  // (on a loaded machine, noticeably after).
  const applied = await p.waitForFunction(() => getComputedStyle(document.body).letterSpacing !== 'normal', null, { timeout: 10000 })
    .then(() => true, () => false);
  assert.equal(applied, true, 'new stylesheet applied');
  assert.equal(await p.evaluate(() => window.notReloaded), true, 'the page was reloaded');
  await context.close();
});

test('Ctrl-C stops serve cleanly', async () => {
  const code = await new Promise((ok) => { proc.on('exit', (c) => ok(c)); proc.kill('SIGINT'); });
  assert.equal(code, 0);
});
