#!/usr/bin/env node
// `npm test`: make sure a Chrome/Chromium exists, then run every test in it with @web/test-runner.
// Never downloads a browser of its own: on Debian/Ubuntu as root it installs Debian's chromium
// with apt-get (saying so); elsewhere it stops with one line telling what to install.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { findChrome } from './find-chrome.mjs';

function isDebianLike() {
  if (existsSync('/etc/debian_version')) return true;
  try {
    return /\b(debian|ubuntu)\b/i.test(readFileSync('/etc/os-release', 'utf8'));
  } catch {
    return false;
  }
}

let chrome = findChrome();
if (!chrome) {
  const root = typeof process.getuid === 'function' && process.getuid() === 0;
  if (root && isDebianLike() && existsSync('/usr/bin/apt-get')) {
    console.log('No Chrome or Chromium found: installing Debian’s chromium with apt-get (needed for the browser tests)…');
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    const install = update.status === 0 && spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
    if (!install || install.status !== 0) {
      console.error('Installing chromium with apt-get failed; install Chrome or Chromium and run `npm test` again.');
      process.exit(1);
    }
    chrome = findChrome();
  }
  if (!chrome) {
    console.error('The tests need Chrome or Chromium: install it (Debian/Ubuntu: `sudo apt-get install chromium`) or set CHROME_PATH to its binary.');
    process.exit(1);
  }
}

const args = ['node_modules/@web/test-runner/dist/bin.js', ...process.argv.slice(2)];
const run = spawnSync(process.execPath, args, { stdio: 'inherit', env: { ...process.env, CHROME_PATH: chrome } });
process.exit(run.status ?? 1);
