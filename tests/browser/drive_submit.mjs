// Submitting from a notebook, end to end in Debian's Chromium: a student opens a notebook in
// JupyterLab whose kernel knows the course's server and their token, runs it from the Run menu
// (%%javac cells and %submit cells), and reads each receipt and the public verdicts in the cell;
// then logs in to the service's web pages with the same token and reads the same submissions
// there; then the instructor reads the class grid and downloads the gradebook. Called by
// test_lab_submit.py with one JSON argument; prints one JSON line per step and a final
// {"ok": ...} line. What was seen is reported, the test compares. Every wait is bounded.
import { download, launch, logIn, openNotebook, runAllCells, say, screenshots, seconds, tableText } from './chromium.mjs';

const cfg = JSON.parse(process.argv[2]);
const screenshot = screenshots(cfg.screenshots);
let browser;
let page;

try {
  browser = await launch(cfg.chromium);
  const errors = [];
  page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
  page.setDefaultTimeout(30_000);
  page.on('pageerror', (e) => errors.push(String(e)));

  // The notebook: run it all, then read what each %submit cell shows.
  const toolbarKernel = await openNotebook(page, cfg.labUrl, cfg.kernelStartMs);
  say({ step: 'opened', toolbarKernel });
  const ran = await runAllCells(page, cfg.runAllMs);
  say({ step: 'ran', kernel: ran.kernel, cells: ran.cells });
  for (const index of cfg.submitCells) {
    const cell = page.locator('.jp-Notebook .jp-Cell').nth(index);
    await cell.scrollIntoViewIfNeeded();
    const stdout = (await cell.locator('.jp-OutputArea-output[data-mime-type="application/vnd.jupyter.stdout"]')
      .allInnerTexts()).join('');
    const grade = cell.locator('.racecourse-grade');
    const shown = await grade.count() > 0;
    say({
      step: 'submitted', index, stdout,
      score: shown ? (await grade.locator('p').first().innerText()).trim() : null,
      tests: shown ? await grade.locator('tbody tr').evaluateAll((rows) => rows.map((r) => ({
        result: r.cells[0].innerText.trim(), name: r.cells[1].innerText.trim(), verdict: r.cells[2].innerText.trim(),
      }))) : [],
    });
    await screenshot(page, `submit-cell-${index}`);
  }

  // The student's web pages, logged in with the token the kernel used.
  const student = await logIn(browser, cfg.serviceUrl, cfg.studentToken, errors);
  await screenshot(student.page, 'student-list');
  const listed = await student.page.locator('#submissions tbody tr').evaluateAll((rows) => rows.map((r) => ({
    received: r.cells[0].innerText.trim(), exercises: r.cells[1].innerText.trim(), late: r.cells[2].innerText.trim(),
    state: r.cells[3].innerText.trim(), score: r.cells[4].innerText.trim(),
    href: r.querySelector('a') && r.querySelector('a').getAttribute('href'),
  })));
  say({ step: 'student-list', url: student.page.url(), rows: listed });
  for (const row of listed) {
    await student.page.goto(cfg.serviceUrl + row.href);
    await screenshot(student.page, 'student-feedback');
    say({
      step: 'student-feedback', href: row.href, state: (await student.page.textContent('#state')).trim(),
      intro: (await student.page.locator('p').first().innerText()).trim(),
      score: (await student.page.locator('h2').allInnerTexts()).join(' | '),
      tests: await student.page.locator('table.tests tbody tr').evaluateAll((rows) => rows.map((r) => ({
        result: r.cells[0].innerText.trim(), name: r.cells[1].innerText.trim(), verdict: r.cells[2].innerText.trim(),
      }))),
    });
  }

  // The instructor: the grid, and the gradebook downloaded from its link.
  const teacher = await logIn(browser, cfg.serviceUrl, cfg.instructorToken, errors);
  await screenshot(teacher.page, 'instructor-grid');
  say({ step: 'instructor-grid', url: teacher.page.url(), grid: await tableText(teacher.page, '#grid') });
  say({ step: 'gradebook', ...(await download(teacher.page, '/class/gradebook.csv', cfg.screenshots)) });
  say({ ok: true, errors, seconds: seconds() });
} catch (e) {
  say({ ok: false, error: String(e && e.stack || e) });
  await screenshot(page, 'failure');
  process.exitCode = 1;
} finally {
  if (browser) await browser.close().catch(() => {});
}
