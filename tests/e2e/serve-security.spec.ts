// Serve mode against another account on this computer, in a real browser: the page opened
// through the launch file (no token on any command line) works, and what the browser sends to
// another local port carries nothing that opens serve mode's socket.
import { expect, test } from '@playwright/test';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import WebSocket from 'ws';
import { writeLaunchFile, type LaunchFile } from '../../main/serve/launch-file';
import { contractCall } from './support/contract-call';
import { startServe, type ServeProcess } from './support/serve';

let serve: ServeProcess | undefined;
let launch: LaunchFile | undefined;
let other: http.Server | undefined;
test.afterEach(async () => {
  launch?.remove();
  other?.close();
  await serve?.stop();
  serve = launch = other = undefined;
});

/** Whether serve mode's socket opens for this request: 'open', or the refusal's status. */
function socketAnswer(serve: ServeProcess, query: string, cookie: string): Promise<string> {
  return new Promise((resolve) => {
    const socket = new WebSocket(`${serve.origin.replace('http', 'ws')}/ws${query}`, { origin: serve.origin, headers: cookie ? { cookie } : {} });
    socket.on('open', () => (socket.close(), resolve('open')));
    socket.on('unexpected-response', (_req, res) => resolve(String(res.statusCode)));
    socket.on('error', () => resolve('error'));
  });
}

test('the launch file opens the app, with the token kept out of the address bar', async ({ page }) => {
  serve = await startServe();
  launch = writeLaunchFile(serve.url);
  await page.goto(launch.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Dronacharya' })).toBeVisible();
  expect(page.url()).toBe(`${serve.origin}/`);
  // A reload and a second tab on the bare address still reach main (the page keeps the token).
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Welcome to Dronacharya' })).toBeVisible();
  const second = await page.context().newPage();
  await second.goto(`${serve.origin}/`);
  expect(await contractCall<{ state: string }>(second, 'app.status', {})).toMatchObject({ state: 'ready' });
});

test('another local port receives no cookie that opens the socket', async ({ page }) => {
  serve = await startServe();
  await page.goto(serve.url);
  await expect(page.getByRole('heading', { name: 'Welcome to Dronacharya' })).toBeVisible();

  // Another user's server on 127.0.0.1: browsers send it 127.0.0.1's cookies, whatever the port.
  const received: string[] = [];
  other = http.createServer((req, res) => {
    received.push(req.headers.cookie ?? '');
    res.end('other');
  });
  await new Promise<void>((resolve) => other!.listen(0, '127.0.0.1', resolve));
  await page.goto(`http://127.0.0.1:${(other.address() as AddressInfo).port}/`);
  const cookies = received.join('; ');
  expect(cookies).toContain(`drona-${new URL(serve.origin).port}=`); // it does arrive...
  expect(cookies).not.toContain(serve.token); // ...but it is not the token,
  // and replayed as a cookie or as a token, it opens no socket.
  const values = cookies.split(';').map((pair) => pair.trim().split('=')[1] ?? '');
  for (const value of values) {
    expect(await socketAnswer(serve, '', cookies)).toBe('401');
    expect(await socketAnswer(serve, `?token=${value}`, cookies)).toBe('401');
  }
  expect(await socketAnswer(serve, `?token=${serve.token}`, '')).toBe('open');
});
