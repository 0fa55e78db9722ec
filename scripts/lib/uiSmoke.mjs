// UI smoke check in the same browser the extension tests ran in: the Docker Learning view and a
// Dockerfile hover really render. Screenshots go to out/screenshots/ to be looked at.
import fs from 'node:fs';
import path from 'node:path';
import Dockerode from 'dockerode';
import { SCREENSHOTS } from './codeServer.mjs';

const LABEL = 'docker-learning.test';

let page;
async function check(name, fn) {
  try { await fn(); console.log(`  ✓ ui: ${name}`); return true; } catch (e) {
    console.log(`  ✗ ui: ${name}: ${e.message}`);
    await page.screenshot({ path: path.join(SCREENSHOTS, `failed-${name.replace(/\W+/g, '-')}.png`) }).catch(() => {});
    return false;
  }
}

export async function uiSmoke(thePage) {
  page = thePage;
  fs.mkdirSync(SCREENSHOTS, { recursive: true });
  const docker = new Dockerode({ socketPath: '/var/run/docker.sock' });
  const made = [];
  let passed = 0; let failed = 0;
  const tally = (ok) => { if (ok) { passed++; } else { failed++; } };
  try {
    // One running and one exited container, so the picture shows both states.
    for (const [name, cmd] of [['dl-ui-web', ['sleep', '600']], ['dl-ui-done', ['sh', '-c', 'exit 3']]]) {
      await docker.getContainer(name).remove({ force: true }).catch(() => {});
      const c = await docker.createContainer({ Image: 'docker-learning-test/busybox:1', name, Cmd: cmd, Labels: { [LABEL]: 'true' } });
      await c.start();
      made.push(c);
    }
    await made[1].wait();

    tally(await check('activity bar view lists containers', async () => {
      // The activity bar item toggles: a suite may have opened the view already.
      // (With a single view in the container VS Code shows no pane header, only the sidebar title.)
      const title = page.locator('.part.sidebar .composite.title:has-text("Docker Learning")');
      if (!(await title.first().isVisible())) { await page.locator('.activitybar [aria-label^="Docker Learning"]').first().click(); }
      await title.first().waitFor({ timeout: 30_000 });
      await page.locator('[aria-label="Refresh"]').first().click().catch(() => {});
      await page.locator('.monaco-list-row:has-text("dl-ui-web")').first().waitFor({ timeout: 30_000 });
      await page.locator('.monaco-list-row:has-text("dl-ui-done")').first().waitFor({ timeout: 30_000 });
      await page.screenshot({ path: path.join(SCREENSHOTS, 'sidebar-containers.png') });
    }));

    tally(await check('hover on FROM renders our text', async () => {
      await page.keyboard.press('Control+P');
      await page.keyboard.type('Dockerfile');
      await page.waitForTimeout(500);
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-line:has-text("FROM gcc")').first().waitFor({ timeout: 30_000 });
      const from = page.locator('.monaco-editor .view-line span:text-is("FROM")').first();
      await from.hover();
      const hover = page.locator('.monaco-hover-content:has-text("Dockerfile reference")');
      await hover.first().waitFor({ timeout: 30_000 });
      await page.waitForTimeout(800); // the hover fades in; a picture taken mid-fade is unreadable
      await page.screenshot({ path: path.join(SCREENSHOTS, 'hover-from.png') });
    }));
  } catch (e) {
    console.log(`  ✗ ui: setup failed: ${e.message}`);
    failed++;
  } finally {
    for (const c of made) { await c.remove({ force: true }).catch(() => {}); }
  }
  return [{ layer: 'ui-smoke', passed, failed, note: `screenshots in ${path.relative(process.cwd(), SCREENSHOTS)}` }];
}
