import { expect, test } from '@playwright/test';
import { submitSignIn } from './support';

test('a wrong password shows an error and stays on the sign-in page', async ({ page }) => {
  await submitSignIn(page, 'demo', 'not-the-password');
  await expect(page.getByRole('alert').filter({ hasText: 'Invalid credentials' })).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test('pages need a session: the dashboard sends an anonymous visitor to sign in', async ({ page }) => {
  await page.goto('/events');
  await expect(page).toHaveURL(/\/login/);
});

test('sign in, see the empty dashboard, switch project, sign out', async ({ page }) => {
  await submitSignIn(page, 'admin', 'admin');
  await expect(page.getByRole('heading', { name: 'Overview' })).toBeVisible();
  await expect(page.getByTestId('current-user')).toHaveText('admin');
  await expect(page.getByTestId('current-project')).toHaveText('Project: admin');
  await expect(page.getByTestId('empty-dashboard')).toBeVisible();
  await expect(page.getByTestId('count-vnfs')).toHaveText('0');

  // Admins see the Admin group; the NFV group is there for everyone.
  const nav = page.getByRole('navigation', { name: 'Main' });
  await expect(nav.getByRole('link', { name: 'VNF Manager' })).toBeVisible();
  await expect(nav.getByRole('group', { name: 'Admin' })).toBeVisible();

  await page.getByRole('button', { name: 'Switch project' }).click();
  await page.getByRole('menuitemradio', { name: 'demo' }).click();
  await expect(page.getByTestId('current-project')).toHaveText('Project: demo');
  // The new scope survives a reload: it lives in the session, not just in the page.
  await page.reload();
  await expect(page.getByTestId('current-project')).toHaveText('Project: demo');

  await page.getByRole('button', { name: 'User menu' }).click();
  await page.getByRole('menuitem', { name: 'Sign out' }).click();
  await expect(page).toHaveURL(/\/login/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('a member does not see the Admin group; the theme toggle persists', async ({ page }) => {
  await submitSignIn(page, 'demo', 'demo');
  await expect(page.getByTestId('current-project')).toHaveText('Project: demo');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('group', { name: 'Admin' })).toHaveCount(0);
  const before = await page.evaluate(() => document.documentElement.dataset.theme);
  await page.getByRole('button', { name: /Switch to (dark|light) theme/ }).click();
  const after = await page.evaluate(() => document.documentElement.dataset.theme);
  expect(after).not.toBe(before);
  await page.reload();
  expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe(after);
});
