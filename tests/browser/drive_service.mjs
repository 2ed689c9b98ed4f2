// Uses the submission service's pages in Debian's Chromium as a student and an instructor would:
// the student logs in with a token, submits SafeCounter.java with the form, waits on the
// submission's page until it is graded; the instructor logs in, reads the class grid and downloads
// the gradebook. Called by test_service.py with one JSON argument; prints one JSON line per step
// and a final {"ok": ...} line. Every wait is bounded.
import path from 'node:path';
import { download, launch, logIn, say } from './chromium.mjs';

const cfg = JSON.parse(process.argv[2]);
let browser;
try {
  browser = await launch(cfg.chromium);
  const errors = [];
  const student = await logIn(browser, cfg.url, cfg.studentToken, errors);
  await student.page.screenshot({ path: path.join(cfg.screenshots, 'student-list.png') });
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

  const teacher = await logIn(browser, cfg.url, cfg.instructorToken, errors);
  await teacher.page.screenshot({ path: path.join(cfg.screenshots, 'instructor-grid.png') });
  const grid = await teacher.page.textContent('#grid');
  say({ step: 'instructor-grid', url: teacher.page.url(), grid });
  const gradebook = await download(teacher.page, '/class/gradebook.csv', cfg.screenshots);
  say({ step: 'gradebook', ...gradebook });
  say({ ok: true, errors });
} catch (e) {
  say({ ok: false, error: String(e && e.stack || e) });
  process.exitCode = 1;
} finally {
  if (browser) await browser.close();
}
