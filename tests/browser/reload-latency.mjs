// Measures `inspectsite serve` as an editor feels it: from writing a
// document to the open page in Chromium showing the new text, quiet
// period included. Usage:
//   node tests/browser/reload-latency.mjs            (the seeds in content/)
//   node tests/browser/reload-latency.mjs 1000       (a generated corpus)
import { spawn, execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, launch, repo } from './harness.js';

const n = Number(process.argv[2] || 0);
const runs = Number(process.argv[3] || 15);
build(); // builds the binary into INSPECTSITE_BIN
const dir = mkdtempSync(join(tmpdir(), 'inspectsite-latency-'));
let file, page;
if (n) {
  execFileSync('go', ['run', './cmd/gencorpus', '-n', String(n), '-out', dir], { cwd: repo, stdio: 'ignore' });
  const name = readdirSync(join(dir, 'content/000')).find((f) => f.endsWith('.txt') && readFileSync(join(dir, 'content/000', f), 'utf8').includes('Issues to Address'));
  file = join(dir, 'content/000', name);
} else {
  cpSync(join(repo, 'content'), join(dir, 'content'), { recursive: true });
  file = join(dir, 'content/000_d4d0eb5e2a460308.txt');
}
const port = await new Promise((ok) => { const s = createServer().listen(0, '127.0.0.1', () => { const p = s.address().port; s.close(() => ok(p)); }); });
const proc = spawn(process.env.INSPECTSITE_BIN, ['serve', '-source', dir, '-addr', `127.0.0.1:${port}`], { stdio: ['ignore', 'pipe', 'ignore'] });
await new Promise((ok) => { let log = ''; proc.stdout.on('data', (d) => { log += d; if (log.includes('serving on')) ok(); }); });
// Find the edited document's page through the open data.
const reports = JSON.parse(await (await fetch(`http://127.0.0.1:${port}/data/reports.json`)).text()).reports;
const rel = file.slice(dir.length + 1);
page = reports.find((r) => r.source === rel).url;
const browser = await launch();
const context = await browser.newContext();
const tab = await context.newPage();
await tab.goto(`http://127.0.0.1:${port}${page}`);
await tab.waitForTimeout(500);
const original = readFileSync(file, 'utf8');
const times = [];
for (let i = 0; i < runs; i++) {
  const marker = `Latency marker ${i} ${Date.now()}`;
  const t0 = Date.now();
  writeFileSync(file, original.replace(/(\n(?:- )?1\. )/, `$1${marker}. `));
  await tab.waitForFunction((m) => document.body.textContent.includes(m), marker, { timeout: 10000, polling: 'raf' });
  times.push(Date.now() - t0);
  await tab.waitForTimeout(300);
}
times.sort((a, b) => a - b);
const q = (p) => times[Math.min(times.length - 1, Math.floor(p * times.length))];
console.log(`${n || 'seed'} documents, ${runs} edits: write to visible text median ${q(0.5)} ms, p90 ${q(0.9)} ms, min ${times[0]} ms, max ${times[times.length - 1]} ms (100 ms quiet period included)`);
writeFileSync(file, original);
await browser.close();
proc.kill('SIGINT');
