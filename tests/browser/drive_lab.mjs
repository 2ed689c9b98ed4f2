// Drives JupyterLab in Debian's Chromium (never a downloaded browser) the way a student does:
// open a notebook, Run > Run All Cells, wait for the kernel, look at what the page shows, then add
// a %grade cell and run it. Called by test_lab.py with one JSON argument; prints one JSON line
// per finding ("step" lines) and a final {"ok": ...} line. Every wait is bounded.
import { command, launch, notebookState, openNotebook, runAllCells, say, screenshots, seconds, until } from './chromium.mjs';

const cfg = JSON.parse(process.argv[2]);
const screenshot = screenshots(cfg.screenshots);

let browser;
let page;

try {
  browser = await launch(cfg.chromium);
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => say({ page_error: String(e) }));

  // The notebook is open when its cells are on the page and the kernel is connected.
  const toolbarKernel = await openNotebook(page, cfg.url, cfg.kernelStartMs);
  say({ step: 'opened', toolbarKernel });
  await screenshot(page, 'opened');

  const ran = await runAllCells(page, cfg.runAllMs);
  say({ step: 'ran', kernel: ran.kernel, cells: ran.cells });
  await screenshot(page, 'ran-all');

  const images = await page.locator('.jp-OutputArea-output img[src^="data:image/svg+xml"]').count();
  const printed = await page.locator('.jp-OutputArea-output', { hasText: cfg.expectedPrinted }).count();
  say({ step: 'page', images, printed });
  // Scroll to the first chart so that a screenshot shows it.
  if (images > 0) {
    await page.locator('.jp-OutputArea-output img[src^="data:image/svg+xml"]').first().scrollIntoViewIfNeeded();
    await screenshot(page, 'chart');
  }

  // A deliberately wrong exercise was put into exercises/ by the test; grade it in a new cell.
  await page.evaluate(() => {
    const panel = window.jupyterapp.shell.currentWidget;
    panel.content.activeCellIndex = panel.content.widgets.length - 1;
    panel.content.mode = 'command';
  });
  await command(page, 'notebook:insert-cell-below');
  await command(page, 'notebook:change-cell-to-code');
  const gradeIndex = await page.evaluate(() => window.jupyterapp.shell.currentWidget.content.activeCellIndex);
  await command(page, 'notebook:enter-edit-mode');
  await page.keyboard.type(cfg.gradeCell);
  await page.keyboard.press('Control+Enter');  // run in place: no new empty cell below
  say({ step: 'grade cell run' });
  const verdict = page.locator('.jp-Cell').nth(gradeIndex).locator('.racecourse-grade');
  await verdict.waitFor({ timeout: cfg.gradeMs });
  await verdict.scrollIntoViewIfNeeded();
  const gradeText = await verdict.innerText();
  const progress = await page.locator('.jp-Cell').nth(gradeIndex)
    .locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stdout"]').allInnerTexts();
  const afterGrade = await until(page, 'the kernel to be idle after %grade', notebookState, null, 30_000);
  say({ step: 'graded', gradeText, progress: progress.join(''),
    gradeErrors: afterGrade.cells.filter((c) => c.index === gradeIndex).flatMap((c) => c.errors) });
  await screenshot(page, 'graded');
  say({ ok: true, seconds: seconds() });
} catch (e) {
  say({ ok: false, error: String(e && e.stack || e) });
  await screenshot(page, 'failure');
  process.exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
}
