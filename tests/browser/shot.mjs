// Screenshot helper: node tests/browser/shot.mjs /compare/ 375 out.png [dark]
import { build, serve, launch } from './harness.js';
const [path, width, out, scheme] = process.argv.slice(2);
const s = await serve(build());
const b = await launch();
const ctx = await b.newContext({ viewport: { width: +width, height: 1400 }, colorScheme: scheme || 'light' });
const p = await ctx.newPage();
await p.goto(s.base + path);
await p.screenshot({ path: out });
await b.close(); s.server.close();
