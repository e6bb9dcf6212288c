// Shared set-up for the browser tests: build the site with the real binary,
// serve it as a static host would (also under a sub-path), drive Debian's
// Chromium through playwright-core.
import { execFileSync } from 'node:child_process';
import { createServer } from 'node:http';
import { mkdtempSync, readFileSync, statSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, extname, resolve, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

export const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

// Every page type, with documents that exercise the empty cases.
export const PAGES = [
  '/', '/reports/', '/reports/mersey-cheshire-2018-04-05/', '/reports/002-846e74a289f4ef76/',
  '/reports/east-of-england-2017-10-25/', '/reports/london-south-2018-10-25/', '/areas/', '/areas/mersey-cheshire/',
  '/areas/wessex/', '/themes/', '/themes/disclosure/', '/compare/', '/glossary/', '/accessibility/',
  '/search/', '/data/', '/reports/mersey-cheshire-2018-04-05/source/', '/areas/london-south/', '/commitments/', '/no-such-page/',
  '/compare/all/', '/ratings/', '/reports/programme/aap/', '/reports/year/2018/', '/areas/london-north/',
];

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.css': 'text/css; charset=utf-8', '.js': 'text/javascript; charset=utf-8',
  '.json': 'application/json', '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml', '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
};

// build runs `inspectsite build` into a fresh folder and returns it.
export function build(extraArgs = []) {
  const bin = process.env.INSPECTSITE_BIN || join(mkdtempSync(join(tmpdir(), 'inspectsite-bin-')), 'inspectsite');
  if (!process.env.INSPECTSITE_BIN) {
    execFileSync('go', ['build', '-o', bin, './cmd/inspectsite'], { cwd: repo, stdio: 'inherit' });
    process.env.INSPECTSITE_BIN = bin;
  }
  const dest = join(mkdtempSync(join(tmpdir(), 'inspectsite-site-')), 'public');
  execFileSync(bin, ['build', '-source', repo, '-dest', dest, ...extraArgs], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dest;
}

// serve serves dir under prefix ("/" or "/sub/") on a loopback port, with
// 404.html (status 404) for anything missing, and no directory listings.
export function serve(dir, prefix = '/') {
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    let p = decodeURIComponent(url.pathname);
    if (!p.startsWith(prefix)) return notFound(res);
    p = '/' + p.slice(prefix.length);
    if (p.endsWith('/')) p += 'index.html';
    const file = join(dir, p);
    if (!file.startsWith(dir) || !existsSync(file) || !statSync(file).isFile()) return notFound(res);
    res.writeHead(200, { 'content-type': TYPES[extname(file)] || 'application/octet-stream' });
    res.end(readFileSync(file));
  });
  function notFound(res) {
    res.writeHead(404, { 'content-type': TYPES['.html'] });
    res.end(readFileSync(join(dir, '404.html')));
  }
  return new Promise((ok) => server.listen(0, '127.0.0.1', () => ok({
    server, base: `http://127.0.0.1:${server.address().port}${prefix.replace(/\/$/, '')}`,
  })));
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

export const axeSource = readFileSync(join(repo, 'tests/browser/node_modules/axe-core/axe.min.js'), 'utf8');

// runAxe injects axe-core (the test context bypasses CSP for this; the
// site's own policy stays strict) and returns its violations.
export async function runAxe(page) {
  await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const tagged = await window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'] },
    });
    // td-has-header is experimental, so no tag selects it: run it by name.
    const named = await window.axe.run(document, { runOnly: { type: 'rule', values: ['td-has-header'] } });
    return [...tagged.violations, ...named.violations].map((v) => ({
      id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.slice(0, 3).map((n) => n.target.join(' ') + ' :: ' + n.failureSummary),
    }));
  });
}
