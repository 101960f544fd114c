import * as http from 'node:http';
import type { Locator, Page } from '@playwright/test';
import { startFakeHosts, type FakeHosts } from '../../electron/testkit/fakeSwanlab/fakeHosts';
import { expect } from './serve';

export { startFakeHosts, type FakeHosts };

export const sidebarAccount = (page: Page, id: string): Locator => page.locator(`[data-testid=sidebar-account][data-account-id="${id}"]`);
export const cloudRunRow = (page: Page, name: string): Locator => page.locator(`[data-testid=cloud-run-row][data-run-name="${name}"]`);
export const project = (page: Page, name: string): Locator => page.locator(`[data-testid=cloud-project][data-project="${name}"]`);
export const workspace = (page: Page, name: string): Locator => page.locator(`[data-testid=cloud-workspace][data-workspace="${name}"]`);

/** Names of the runs table's rows, top to bottom. */
export async function tableNames(page: Page): Promise<string[]> {
  return page.getByTestId('cloud-run-row').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-run-name') ?? ''));
}

/** Adds an account through the sidebar form; returns the account's id once it is listed. */
export async function addAccount(page: Page, host: string, key: string, username: string): Promise<string> {
  const form = page.getByTestId('account-form');
  if (!(await form.isVisible())) await page.getByTestId('account-add').click();
  await form.getByTestId('account-host').fill(host);
  await form.getByTestId('account-key').fill(key);
  await form.getByTestId('account-submit').click();
  const id = `${host}#${username}`;
  await expect(sidebarAccount(page, id)).toBeVisible();
  return id;
}

/**
 * Everything that reaches the page, recorded for the whole test: every /rpc/* response body,
 * the change feed (its own subscription to /rpc-events, the same broadcast the page gets) and
 * the page's console. `scan()` adds the DOM (markup and every field's value) and both storages.
 */
export class SecretWatch {
  readonly bodies: string[] = [];
  readonly events: string[] = [];
  readonly console: string[] = [];
  private sse: http.ClientRequest | null = null;
  private pending: Promise<void>[] = [];

  constructor(private readonly page: Page, url: string) {
    page.on('response', (res) => {
      if (!new URL(res.url()).pathname.startsWith('/rpc/')) return;
      this.pending.push(res.text().then((t) => void this.bodies.push(`${new URL(res.url()).pathname} ${t}`), () => undefined));
    });
    page.on('console', (m) => this.console.push(m.text()));
    this.sse = http.get(`${url}/rpc-events`, (res) => res.on('data', (d: Buffer) => this.events.push(d.toString())));
    this.sse.on('error', () => undefined);
  }

  async pageText(): Promise<string> {
    return this.page.evaluate(() => {
      const fields = [...document.querySelectorAll('input, textarea, select')].map((f) => (f as HTMLInputElement).value);
      const storage = (s: Storage) => Object.keys(s).map((k) => `${k}=${s.getItem(k)}`).join('\n');
      return [document.documentElement.outerHTML, fields.join('\n'), storage(localStorage), storage(sessionStorage), document.title].join('\n');
    });
  }

  /** Fails naming where a secret showed up. */
  async assertAbsent(secrets: string[], extra: Record<string, string> = {}): Promise<void> {
    await Promise.all(this.pending);
    const places: Record<string, string> = {
      'rpc responses': this.bodies.join('\n'),
      'change feed': this.events.join('\n'),
      console: this.console.join('\n'),
      'DOM, fields and storage': await this.pageText(),
      ...extra,
    };
    for (const [where, text] of Object.entries(places)) {
      for (const s of secrets) expect(text.includes(s), `API key found in ${where}`).toBe(false);
    }
  }

  close(): void {
    this.sse?.destroy();
  }
}
