// Full-page screenshots of pages at several widths and colour modes:
//   node tests/browser/shots.mjs OUT-DIR /compare/ /areas/wessex/ ...
// writes OUT-DIR/<page>-<width>[-dark|-forced].png for 375 and 1280 px.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { build, serve, launch } from './harness.js';

const [out, ...paths] = process.argv.slice(2);
mkdirSync(out, { recursive: true });
const s = await serve(build());
const b = await launch();
const modes = (process.env.MODES || 'light').split(',');
for (const path of paths) {
  for (const width of [375, 1280]) {
    for (const mode of modes) {
      const ctx = await b.newContext({
        viewport: { width, height: 900 }, colorScheme: mode === 'dark' ? 'dark' : 'light',
        forcedColors: mode === 'forced' ? 'active' : 'none',
      });
      const p = await ctx.newPage();
      await p.goto(s.base + path);
      const name = (path.replace(/\//g, '_').replace(/^_|_$/g, '') || 'home') + `-${width}${mode === 'light' ? '' : '-' + mode}.png`;
      // Long pages in parts of at most 2,000 px, so each can be looked at.
      const height = await p.evaluate(() => document.documentElement.scrollHeight);
      const part = 2000;
      for (let y = 0, n = 1; y < height; y += part, n++) {
        const file = height > part ? name.replace(/\.png$/, `-${n}.png`) : name;
        await p.screenshot({ path: join(out, file), fullPage: true, clip: { x: 0, y, width, height: Math.min(part, height - y) } });
      }
      await ctx.close();
    }
  }
}
await b.close();
s.server.close();
