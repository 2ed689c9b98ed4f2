// Uses the submission service's pages in Debian's Chromium as a student and an instructor would:
// the student logs in with a token, submits SafeCounter.java with the form, waits on the
// submission's page until it is graded; the instructor logs in, reads the class grid and downloads
// the gradebook. Called by test_service.py with one JSON argument; prints one JSON line per step
// and a final {"ok": ...} line. Every wait is bounded.
import { chromium } from 'playwright-core';
import fs from 'node:fs';
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
  const errors = [];
  const logIn = async (token, shot) => {
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1200, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(30_000);
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(cfg.url + '/');
    await page.fill('input[name=token]', token);
    await page.click('button[type=submit]');
    await page.waitForLoadState('load');
    await page.screenshot({ path: path.join(cfg.screenshots, `${shot}.png`) });
    return { context, page };
  };

  const student = await logIn(cfg.studentToken, 'student-list');
  say({ step: 'student-logged-in', url: student.page.url() });
  await student.page.setInputFiles('input[name=files]', cfg.file);
  await student.page.click('form[action="/submit"] button[type=submit]');
  await student.page.waitForURL('**/submissions/**');
  let state = '';
  const deadline = Date.now() + cfg.gradeSeconds * 1000;
  while (Date.now() < deadline) {
    state = (await student.page.textContent('#state')).trim();
    if (state === 'graded' || state === 'failed') break;
    await student.page.waitForTimeout(1000);
    await student.page.reload();
  }
  await student.page.screenshot({ path: path.join(cfg.screenshots, 'student-feedback.png'), fullPage: true });
  const feedback = await student.page.evaluate(() => ({
    text: document.body.innerText.slice(0, 20000),
    passes: document.querySelectorAll('td.pass').length,
    fails: document.querySelectorAll('td.fail').length,
  }));
  say({ step: 'student-feedback', url: student.page.url(), state, ...feedback });
  await student.page.goto(cfg.url + '/me');
  say({ step: 'student-list', listed: (await student.page.textContent('#submissions')).includes('graded') });
  const classForStudent = await student.page.goto(cfg.url + '/class');
  say({ step: 'student-class', status: classForStudent.status() });

  const teacher = await logIn(cfg.instructorToken, 'instructor-grid');
  const grid = await teacher.page.textContent('#grid');
  say({ step: 'instructor-grid', url: teacher.page.url(), grid });
  const [download] = await Promise.all([
    teacher.page.waitForEvent('download', { timeout: 30_000 }),
    teacher.page.click('a[href="/class/gradebook.csv"]'),
  ]);
  const saved = path.join(cfg.screenshots, 'gradebook.csv');
  await download.saveAs(saved);
  say({ step: 'gradebook', name: download.suggestedFilename(), text: fs.readFileSync(saved, 'utf8') });
  say({ ok: true, errors });
} catch (e) {
  say({ ok: false, error: String(e && e.stack || e) });
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
}
