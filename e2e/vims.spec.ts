import { expect, test } from '@playwright/test';
import { signIn } from './support';

// The sandbox cloud of this e2e run (playwright.config.ts starts it on E2E_SANDBOX_PORT).
const sandboxPort = Number(process.env.E2E_SANDBOX_PORT || 5200);
const keystoneRoot = `http://127.0.0.1:${sandboxPort}/identity`;

test('register a VIM (sandbox Keystone, admin/admin), watch it become REACHABLE, delete it', async ({ page }) => {
  await signIn(page, 'admin', 'admin');
  await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'VIM Management' }).click();
  await expect(page.getByRole('heading', { name: 'VIM Management' })).toBeVisible();
  const table = page.getByRole('table', { name: 'VIMs' });
  // the sandbox was registered as the admin project's default VIM on first start
  const seeded = table.getByRole('row').filter({ has: page.getByRole('link', { name: 'sandbox', exact: true }) });
  await expect(seeded).toBeVisible({ timeout: 20_000 });
  await expect(seeded.getByRole('img', { name: 'Default VIM' })).toBeVisible();

  await page.getByRole('link', { name: 'Register VIM' }).click();
  await expect(page.getByRole('heading', { name: 'Register VIM' })).toBeVisible();
  await expect(page.getByLabel('Shared with all projects')).toBeVisible(); // admins may share

  // live validation with the API's schema
  const authUrl = page.getByLabel('Auth URL *', { exact: true });
  await authUrl.fill('not a url');
  await authUrl.blur();
  await expect(page.getByText('must be an http:// or https:// URL')).toBeVisible();
  await expect(authUrl).toHaveAttribute('aria-invalid', 'true');

  await page.getByLabel('Name *', { exact: true }).fill('e2e-cloud');
  await page.getByLabel('Description').fill('registered by the e2e journey');
  await authUrl.fill(keystoneRoot); // no /v3: version discovery finds it
  await expect(page.getByText('must be an http:// or https:// URL')).toHaveCount(0);
  await page.getByLabel('User name *', { exact: true }).fill('admin');
  await page.getByLabel('Password *', { exact: true }).fill('admin');
  await page.getByLabel('Project name *', { exact: true }).fill('admin');

  await page.getByRole('button', { name: 'Test connection' }).click();
  const result = page.getByTestId('test-result');
  await expect(result).toContainText('Regions: RegionOne');
  await expect(result).toContainText(`${keystoneRoot}/v3`);

  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page).toHaveURL(/\/vims\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { name: 'e2e-cloud' })).toBeVisible();
  const overview = page.getByTestId('vim-overview');
  await expect(overview).toContainText(`${keystoneRoot}/v3`);
  await expect(overview).toContainText('RegionOne');
  await expect(overview).toContainText('***');
  await expect(overview.locator('[data-status="REACHABLE"]')).toBeVisible({ timeout: 20_000 });

  // edit: a new description (no credentials change, so no re-verification)
  await page.getByRole('button', { name: 'Edit' }).click();
  const edit = page.getByRole('form', { name: 'Edit VIM' });
  await edit.getByLabel('Description').fill('edited by the journey');
  await edit.getByRole('button', { name: 'Save' }).click();
  await expect(edit).toHaveCount(0);
  await expect(overview).toContainText('edited by the journey');

  await page.getByRole('tab', { name: 'Events' }).click();
  const events = page.getByRole('table', { name: 'VIM events' });
  await expect(events.getByRole('cell', { name: 'MONITOR', exact: true })).toBeVisible();
  await expect(events.getByRole('cell', { name: 'CREATE', exact: true })).toBeVisible();
  await expect(events.getByRole('cell', { name: 'UPDATE', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Delete', exact: true }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete VIM' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Delete VIM' }).click();
  await expect(page).toHaveURL(/\/vims$/);
  await expect(table.getByRole('link', { name: 'e2e-cloud' })).toHaveCount(0);
  await expect(table.getByRole('link', { name: 'sandbox', exact: true })).toBeVisible();
});

test('a wrong password is refused with a message naming the credentials', async ({ page }) => {
  await signIn(page, 'demo', 'demo');
  await page.goto('/vims/new');
  await page.getByLabel('Name *', { exact: true }).fill('bad');
  await page.getByLabel('Auth URL *', { exact: true }).fill(`${keystoneRoot}/v3`);
  await page.getByLabel('User name *', { exact: true }).fill('demo');
  await page.getByLabel('Password *', { exact: true }).fill('wrong');
  await page.getByLabel('Project name *', { exact: true }).fill('demo');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'wrong user name, domain or password' }).first()).toBeVisible();
  // the other way to authenticate: an application credential (id + secret)
  await page.getByRole('radio', { name: 'Application credential' }).check();
  await expect(page.getByLabel('User name *', { exact: true })).toHaveCount(0);
  await page.getByLabel('Application credential ID *', { exact: true }).fill('no-such-credential');
  await page.getByLabel('Application credential secret *', { exact: true }).fill('nope');
  await page.getByRole('button', { name: 'Test connection' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'refused application credential no-such-credential' }).first()).toBeVisible();
  // a member sees no "shared" option (admin only)
  await expect(page.getByLabel('Shared with all projects')).toHaveCount(0);
});

test('a shared VIM: other projects see it without credentials and without Edit/Delete', async ({ page, browser }) => {
  await signIn(page, 'admin', 'admin');
  await page.goto('/vims/new');
  await page.getByLabel('Name *', { exact: true }).fill('shared-cloud');
  await page.getByLabel('Auth URL *', { exact: true }).fill(`${keystoneRoot}/v3`);
  await page.getByLabel('User name *', { exact: true }).fill('admin');
  await page.getByLabel('Password *', { exact: true }).fill('admin');
  await page.getByLabel('Project name *', { exact: true }).fill('admin');
  await page.getByLabel('Shared with all projects').check();
  await page.getByRole('button', { name: 'Register', exact: true }).click();
  await expect(page).toHaveURL(/\/vims\/[0-9a-f-]{36}$/);
  const url = page.url();
  // the owner sees the actions
  await expect(page.getByRole('button', { name: 'Edit' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Delete', exact: true })).toBeVisible();

  const demoContext = await browser.newContext();
  try {
    const demo = await demoContext.newPage();
    await signIn(demo, 'demo', 'demo');
    await demo.goto('/vims');
    const row = demo.getByRole('table', { name: 'VIMs' }).getByRole('row').filter({ has: demo.getByRole('link', { name: 'shared-cloud' }) });
    await expect(row).toBeVisible();
    await expect(row).toContainText('hidden');
    // the admin project's own VIM (the seeded sandbox) is not shown to demo
    await expect(demo.getByRole('link', { name: 'sandbox', exact: true })).toHaveCount(0);
    await demo.goto(url);
    await expect(demo.getByRole('heading', { name: 'shared-cloud' })).toBeVisible();
    await expect(demo.getByTestId('vim-overview')).toContainText('hidden (shared VIM of another project)');
    await expect(demo.getByTestId('vim-overview')).not.toContainText('***');
    // give the policy answer time to arrive, then: no actions
    await expect(demo.getByTestId('vim-overview')).toContainText('Shared');
    await demo.waitForLoadState('networkidle');
    await expect(demo.getByRole('button', { name: 'Edit' })).toHaveCount(0);
    await expect(demo.getByRole('button', { name: 'Delete', exact: true })).toHaveCount(0);
  } finally {
    await demoContext.close();
  }
});
