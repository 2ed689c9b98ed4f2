// Drives JupyterLab in Debian's Chromium (never a downloaded browser) the way a student does:
// open a notebook, Run > Run All Cells, wait for the kernel, look at what the page shows, then add
// a %grade cell and run it. Called by test_lab.py with one JSON argument; prints one JSON line
// per finding ("step" lines) and a final {"ok": ...} line. Every wait is bounded.
import { chromium } from 'playwright-core';
import path from 'node:path';

const cfg = JSON.parse(process.argv[2]);
const started = Date.now();
const seconds = () => ((Date.now() - started) / 1000).toFixed(1);
const say = (obj) => console.log(JSON.stringify({ t: Number(seconds()), ...obj }));

let browser;
let page;
let shot = 0;

async function screenshot(name) {
  if (!page) return;
  const file = path.join(cfg.screenshots, `${String(++shot).padStart(2, '0')}-${name}.png`);
  try {
    await page.screenshot({ path: file, fullPage: false, timeout: 10_000 });
    say({ screenshot: file });
  } catch (e) {
    say({ screenshot_failed: name, error: String(e) });
  }
}

/** Polls fn (run in the page) until it returns a truthy value; fails after ms with what it last saw. */
async function until(what, fn, arg, ms) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await page.evaluate(fn, arg);
    if (last && last.done) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

// What the notebook model and the kernel say, through the app JupyterLab exposes to the page.
function notebookState() {
  const app = window.jupyterapp;
  const panel = app && app.shell.currentWidget;
  if (!panel || !panel.content || !panel.sessionContext) return { done: false, why: 'no notebook panel yet' };
  const cells = [];
  const model = panel.content.model;
  for (let i = 0; model && i < model.cells.length; i++) {
    const c = model.cells.get(i);
    if (c.type !== 'code') continue;
    const outputs = c.outputs.toJSON();
    cells.push({
      index: i,
      count: c.executionCount,
      errors: outputs.filter((o) => o.output_type === 'error').map((o) => `${o.ename}: ${o.evalue}`),
    });
  }
  const status = panel.sessionContext.kernelDisplayStatus;
  const kernel = panel.sessionContext.kernelDisplayName;
  const allCounted = cells.length > 0 && cells.every((c) => typeof c.count === 'number' && c.count > 0);
  return { done: status === 'idle' && allCounted, status, kernel, cells };
}

try {
  browser = await chromium.launch({
    executablePath: cfg.chromium,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => say({ page_error: String(e) }));

  await page.goto(cfg.url, { timeout: 60_000 });
  // The notebook is open when its cells are on the page and the kernel is connected.
  await page.locator('.jp-NotebookPanel .jp-Cell').first().waitFor({ timeout: 60_000 });
  await until('the kernel to start', () => {
    const p = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const s = p && p.sessionContext;
    return { done: !!(s && s.session && s.session.kernel && s.kernelDisplayStatus === 'idle'),
      status: s && s.kernelDisplayStatus };
  }, null, cfg.kernelStartMs);
  const toolbarKernel = (await page.locator('.jp-NotebookPanel-toolbar .jp-KernelName, .jp-NotebookPanel-toolbar .jp-Toolbar-kernelName')
    .first().innerText({ timeout: 10_000 })).trim();
  say({ step: 'opened', toolbarKernel });
  await screenshot('opened');

  // Run > Run All Cells, from the menu, as a student would.
  await page.locator('.lm-MenuBar-item', { hasText: /^Run$/ }).click();
  await page.locator('.lm-Menu-item:visible', { hasText: 'Run All Cells' }).first().click();
  say({ step: 'run-all clicked' });
  await page.waitForTimeout(1000);
  const ran = await until('every code cell to run and the kernel to be idle', notebookState, null, cfg.runAllMs);
  say({ step: 'ran', kernel: ran.kernel, cells: ran.cells });
  await screenshot('ran-all');

  const images = await page.locator('.jp-OutputArea-output img[src^="data:image/svg+xml"]').count();
  const printed = await page.locator('.jp-OutputArea-output', { hasText: cfg.expectedPrinted }).count();
  say({ step: 'page', images, printed });
  // Scroll to the first chart so that a screenshot shows it.
  if (images > 0) {
    await page.locator('.jp-OutputArea-output img[src^="data:image/svg+xml"]').first().scrollIntoViewIfNeeded();
    await screenshot('chart');
  }

  // A deliberately wrong exercise was put into exercises/ by the test; grade it in a new cell.
  await page.evaluate(() => {
    const panel = window.jupyterapp.shell.currentWidget;
    panel.content.activeCellIndex = panel.content.widgets.length - 1;
    panel.content.mode = 'command';
  });
  await window_command('notebook:insert-cell-below');
  await window_command('notebook:change-cell-to-code');
  const gradeIndex = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.activeCellIndex);
  await window_command('notebook:enter-edit-mode');
  await page.keyboard.type(cfg.gradeCell);
  await page.keyboard.press('Control+Enter');  // run in place: no new empty cell below
  say({ step: 'grade cell run' });
  const verdict = page.locator('.jp-Cell').nth(gradeIndex).locator('.racecourse-grade');
  await verdict.waitFor({ timeout: cfg.gradeMs });
  await verdict.scrollIntoViewIfNeeded();
  const gradeText = await verdict.innerText();
  const progress = await page.locator('.jp-Cell').nth(gradeIndex)
    .locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stdout"]').allInnerTexts();
  const afterGrade = await until('the kernel to be idle after %grade', notebookState, null, 30_000);
  say({ step: 'graded', gradeText, progress: progress.join(''),
    gradeErrors: afterGrade.cells.filter((c) => c.index === gradeIndex).flatMap((c) => c.errors) });
  await screenshot('graded');
  say({ ok: true, seconds: Number(seconds()) });
} catch (e) {
  say({ ok: false, error: String(e && e.stack || e) });
  await screenshot('failure');
  process.exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
}

async function window_command(id) {
  await page.evaluate((c) => window.jupyterapp.commands.execute(c), id);
}
