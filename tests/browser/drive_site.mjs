// Opens the web edition (bin/build-site's output) in Debian's Chromium from file:// URLs, as a
// reader would: the index, a notebook page, an exercise page reached by its link. Called by
// test_site.py with one JSON argument; prints one JSON line per page and a final {"ok": ...} line.
// The site must work with nothing but the files: every request to anything but file:// fails it.
import { chromium } from 'playwright-core';
import path from 'node:path';

const cfg = JSON.parse(process.argv[2]);
const say = (obj) => console.log(JSON.stringify(obj));
let browser;
try {
  browser = await chromium.launch({
    executablePath: cfg.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
  const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
  page.setDefaultTimeout(30_000);
  const offsite = [];
  page.on('request', (r) => { if (!r.url().startsWith('file:') && !r.url().startsWith('data:')) offsite.push(r.url()); });
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));

  const look = async (name) => {
    await page.screenshot({ path: path.join(cfg.screenshots, `${name}.png`), timeout: 10_000 });
    return page.evaluate(() => ({
      title: document.title,
      text: document.body.innerText.slice(0, 20000),
      links: [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      // Charts as the kernel drew them: PNG or SVG, inline in the page; drawn means decoded.
      pictures: [...document.querySelectorAll('img')].filter((i) => /^data:image\/(png|svg\+xml)/.test(i.src)
        && i.complete && i.naturalWidth > 0).length,
    }));
  };

  await page.goto(cfg.index);
  const index = await look('index');
  say({ page: 'index', ...index, text: index.text.slice(0, 400) });

  await page.goto(new URL(cfg.notebook, cfg.index).href);
  // Images below the fold decode only when scrolled to (lazy): scroll through the page first.
  await page.evaluate(async () => {
    for (let y = 0; y < document.body.scrollHeight; y += 800) { window.scrollTo(0, y); await new Promise((r) => setTimeout(r, 50)); }
    window.scrollTo(0, 0);
  });
  await page.waitForFunction(() => [...document.images].every((i) => i.complete), null, { timeout: 15_000 });
  const notebook = await look('notebook');
  say({ page: 'notebook', title: notebook.title, pictures: notebook.pictures, links: notebook.links,
    hasOutput: notebook.text.includes(cfg.notebookText) });

  const exerciseLink = notebook.links.find((l) => l.startsWith('exercises/'));
  await page.click(`a[href="${exerciseLink}"]`);
  await page.waitForLoadState('load');
  const exercise = await look('exercise');
  say({ page: 'exercise', url: page.url(), title: exercise.title, hasTable: exercise.text.includes('What the grader checks') });

  say({ ok: true, offsite, errors });
} catch (e) {
  say({ ok: false, error: String(e && e.stack || e) });
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
}
