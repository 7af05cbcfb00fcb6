import path from 'node:path';
import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './test/e2e/chromium';

// End-to-end tests run the built renderer (dist/renderer, or E2E_DIST) in Debian's Chromium.
// Without E2E_PORT the port is derived from the checkout's path: two checkouts tested at
// once never share (or reuse) each other's preview server.
function checkoutPort(): number {
  let h = 0;
  for (const ch of process.cwd()) h = (h * 31 + ch.charCodeAt(0)) >>> 0;
  return 4300 + (h % 600);
}
const port = Number(process.env.E2E_PORT ?? checkoutPort());
const dist = path.resolve(process.env.E2E_DIST ?? 'dist/renderer');
// The Electron project runs only where an Electron binary exists (see scripts/test-electron.mjs).
export default defineConfig({
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [['list']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    viewport: { width: 1366, height: 768 },
    locale: 'en-US',
    timezoneId: 'Europe/Moscow',
    trace: 'retain-on-failure',
    launchOptions: chromiumLaunchOptions(),
  },
  webServer: {
    command: `npx vite preview --host 127.0.0.1 --port ${port} --strictPort --outDir ${dist}`,
    url: `http://127.0.0.1:${port}`,
    reuseExistingServer: !process.env.CI,
    timeout: 60_000,
  },
  projects: [
    { name: 'chromium', testDir: 'test/e2e' },
    { name: 'electron', testDir: 'test/electron' },
  ],
});
