// Lighthouse audit of AV Gym's pages (docs/dashboard.md, "Speed and accessibility"): audits the
// login page, signs in once in the same Chromium, then audits the dashboard, the members list and
// one member's page (Lighthouse's storage reset keeps cookies, so the session stays). Prints one
// JSON line per page and writes each page's JSON and HTML report into outdir.
// Run from a folder where `npm install lighthouse@12.2.3` was done (it brings puppeteer-core):
//   node audit.mjs http://127.0.0.1:8282/ admin <password> <outdir> <member id>
import fs from 'node:fs';
import puppeteer from 'puppeteer-core';
import lighthouse from 'lighthouse';

const [base, user, password, outdir, memberId] = process.argv.slice(2);
fs.mkdirSync(outdir, {recursive: true});
const browser = await puppeteer.launch({
  executablePath: '/usr/bin/chromium',
  headless: 'new',
  args: ['--no-sandbox', '--disable-dev-shm-usage', '--remote-debugging-port=9333'],
});
const port = 9333;

async function audit(name, url) {
  const result = await lighthouse(url, {
    port,
    output: ['json', 'html'],
    logLevel: 'error',
    onlyCategories: ['performance', 'accessibility', 'best-practices'],
  });
  const lhr = result.lhr;
  fs.writeFileSync(`${outdir}/${name}.json`, result.report[0]);
  fs.writeFileSync(`${outdir}/${name}.html`, result.report[1]);
  const score = (c) => Math.round(lhr.categories[c].score * 100);
  const failing = Object.values(lhr.audits)
    .filter((a) => a.score !== null && a.score < 1 && a.scoreDisplayMode !== 'informative'
      && a.scoreDisplayMode !== 'manual' && a.scoreDisplayMode !== 'notApplicable')
    .filter((a) => ['accessibility', 'best-practices'].some((c) =>
      lhr.categories[c].auditRefs.some((r) => r.id === a.id && r.weight > 0)))
    .map((a) => a.id);
  const bytes = lhr.audits['total-byte-weight'].numericValue;
  console.log(JSON.stringify({
    page: name, finalUrl: lhr.finalDisplayedUrl,
    accessibility: score('accessibility'), bestPractices: score('best-practices'),
    performance: score('performance'),
    fcp: lhr.audits['first-contentful-paint'].displayValue,
    transferKiB: Math.round(bytes / 1024), failing,
  }));
}

await audit('login', base + 'login.xhtml');
const page = await browser.newPage();
await page.goto(base + 'login.xhtml');
await page.type('#login\\:username', user);
await page.type('#login\\:password', password);
await Promise.all([page.waitForNavigation(), page.click('#login\\:submit')]);
await page.close();
await audit('dashboard', base + 'index.xhtml');
await audit('members', base + 'members.xhtml');
await audit('member', base + 'member.xhtml?id=' + memberId);
await browser.close();
