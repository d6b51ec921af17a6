// Shared steps of the end-to-end journeys.
import { expect, type Page } from '@playwright/test';

/** Fills and submits the sign-in form (no expectation about the outcome). */
export async function submitSignIn(page: Page, username: string, password: string) {
  await page.goto('/login');
  await page.getByLabel('Domain').fill('Default');
  await page.getByLabel('User name').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Signs in and waits for the dashboard to show the user. */
export async function signIn(page: Page, username: string, password: string) {
  await submitSignIn(page, username, password);
  await expect(page.getByTestId('current-user')).toHaveText(username);
}
