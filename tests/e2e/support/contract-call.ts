import type { Page } from '@playwright/test';
import { SERVE_TOKEN_STORAGE_KEY } from '../../../preload/wire';

/** Calls the contract from inside the page, over its own origin's WebSocket with the token the page keeps, as the UI does. */
export async function contractCall<T = unknown>(page: Page, name: string, input: unknown): Promise<T> {
  // The app keeps the link's token once its script has run, which is after the first paint: right
  // after a page.goto there may be no token yet.
  await page.waitForFunction((key) => localStorage.getItem(key) !== null, SERVE_TOKEN_STORAGE_KEY);
  return page.evaluate(
    ([name, input, key]) =>
      new Promise<unknown>((resolve, reject) => {
        const socket = new WebSocket(`${location.origin.replace('http', 'ws')}/ws?token=${encodeURIComponent(localStorage.getItem(key) ?? '')}`);
        socket.onopen = () => socket.send(JSON.stringify({ t: 'call', id: 1, name, input }));
        socket.onmessage = (message) => {
          const data = JSON.parse(String(message.data)) as { t: string; ok?: boolean; value?: unknown; error?: { message: string } };
          if (data.t !== 'result') return;
          socket.close();
          if (data.ok) resolve(data.value);
          else reject(new Error(data.error?.message));
        };
        socket.onerror = () => reject(new Error('socket failed'));
      }),
    [name, input, SERVE_TOKEN_STORAGE_KEY] as const,
  ) as Promise<T>;
}
