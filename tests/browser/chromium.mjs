// What the browser drivers share: Debian's Chromium (never a downloaded browser) started headless,
// bounded polling, screenshots, JupyterLab seen through the app it exposes to the page, and the
// submission service's token login. drive_lab.mjs, drive_service.mjs and drive_submit.mjs use it;
// every wait here is bounded.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
import path from 'node:path';

/** One JSON line on stdout, with the seconds since the driver started. */
const started = Date.now();
export const seconds = () => Number(((Date.now() - started) / 1000).toFixed(1));
export const say = (obj) => console.log(JSON.stringify({ t: seconds(), ...obj }));

export async function launch(executablePath) {
  return chromium.launch({
    executablePath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
      '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    timeout: 30_000,
  });
}

/** Numbered screenshots into dir; a failed screenshot is reported, never thrown. */
export function screenshots(dir) {
  let n = 0;
  return async (page, name) => {
    if (!page) return;
    const file = path.join(dir, `${String(++n).padStart(2, '0')}-${name}.png`);
    try {
      await page.screenshot({ path: file, fullPage: false, timeout: 10_000 });
      say({ screenshot: file });
    } catch (e) {
      say({ screenshot_failed: name, error: String(e) });
    }
  };
}

/** Polls fn (run in the page) until it returns {done: true, ...}; fails after ms with what it last saw. */
export async function until(page, what, fn, arg, ms) {
  const deadline = Date.now() + ms;
  let last;
  while (Date.now() < deadline) {
    last = await page.evaluate(fn, arg);
    if (last && last.done) return last;
    await page.waitForTimeout(250);
  }
  throw new Error(`timed out after ${ms / 1000} s waiting for ${what}; last seen: ${JSON.stringify(last)}`);
}

// ---- JupyterLab ----

/** What the notebook model and the kernel say, through the app JupyterLab exposes to the page. */
export function notebookState() {
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

/** Opens a notebook at url and waits until its cells show and its kernel is idle; returns the toolbar's kernel name. */
export async function openNotebook(page, url, kernelStartMs) {
  await page.goto(url, { timeout: 60_000 });
  await page.locator('.jp-NotebookPanel .jp-Cell').first().waitFor({ timeout: 60_000 });
  await until(page, 'the kernel to start', () => {
    const p = window.jupyterapp && window.jupyterapp.shell.currentWidget;
    const s = p && p.sessionContext;
    return { done: !!(s && s.session && s.session.kernel && s.kernelDisplayStatus === 'idle'),
      status: s && s.kernelDisplayStatus };
  }, null, kernelStartMs);
  return (await page.locator('.jp-NotebookPanel-toolbar .jp-KernelName, .jp-NotebookPanel-toolbar .jp-Toolbar-kernelName')
    .first().innerText({ timeout: 10_000 })).trim();
}

/** Run > Run All Cells, from the menu as a student would; waits until every code cell ran and the kernel is idle. */
export async function runAllCells(page, ms) {
  await page.locator('.lm-MenuBar-item', { hasText: /^Run$/ }).click();
  await page.locator('.lm-Menu-item:visible', { hasText: 'Run All Cells' }).first().click();
  say({ step: 'run-all clicked' });
  await page.waitForTimeout(1000);
  return until(page, 'every code cell to run and the kernel to be idle', notebookState, null, ms);
}

export async function command(page, id) {
  await page.evaluate((c) => window.jupyterapp.commands.execute(c), id);
}

// ---- the submission service ----

/**
 * Logs in to the service at url with a token through its login form, in a context of its own (its
 * own session cookie); returns {context, page}. Page errors are pushed onto errors.
 */
export async function logIn(browser, url, token, errors) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
  const page = await context.newPage();
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.goto(url + '/');
  await page.fill('input[name=token]', token);
  await page.click('button[type=submit]');
  await page.waitForLoadState('load');
  return { context, page };
}

/** The table with this CSS selector as rows of cell texts (header row first). */
export async function tableText(page, selector) {
  return page.locator(selector).evaluate((t) => [...t.rows].map((r) => [...r.cells].map((c) => c.innerText.trim())));
}

/** Clicks the link to href and saves the download into dir; returns {name, text}. */
export async function download(page, href, dir) {
  const [d] = await Promise.all([
    page.waitForEvent('download', { timeout: 30_000 }),
    page.click(`a[href="${href}"]`),
  ]);
  const saved = path.join(dir, d.suggestedFilename());
  await d.saveAs(saved);
  return { name: d.suggestedFilename(), text: fs.readFileSync(saved, 'utf8') };
}
