// Headless Debian Chromium, driven by playwright-core (whose own browser download can't run
// here). The flags keep it from reaching for Google's services, which this network refuses.
import { appendFileSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { CHROMIUM } from './system.mjs';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
/** Big enough for editor + Problems panel, small enough for README images. */
export const VIEWPORT = { width: 1280, height: 800 };

/** Opens `url` in a new headless browser; console messages and page errors go to `logFile`. */
export async function openWorkbench(url, logFile) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_ARGS,
    handleSIGINT: false,
    handleSIGTERM: false,
  });
  try {
    const page = await browser.newPage({ viewport: VIEWPORT });
    page.on('console', (message) => appendFileSync(logFile, `[${message.type()}] ${message.text()}\n`));
    page.on('pageerror', (error) => appendFileSync(logFile, `[pageerror] ${error.stack ?? error.message}\n`));
    await page.goto(url, { waitUntil: 'domcontentloaded', timeout: 60_000 });
    return { browser, page };
  } catch (error) {
    await browser.close();
    throw error;
  }
}

/**
 * Waits (on the DOM, not a timer) for `selector` to be visible, then saves a PNG. A selector
 * that never shows up is reported but still gives a picture, which helps find out why.
 */
export async function takeScreenshot(page, path, { waitForSelector, pressAfter } = {}) {
  let warning;
  if (waitForSelector) {
    try {
      await page.waitForSelector(waitForSelector, { state: 'visible', timeout: 10_000 });
    } catch {
      warning = `"${waitForSelector}" did not become visible within 10 s`;
    }
  }
  // Two animation frames: the widget that just appeared has been painted.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
  await page.screenshot({ path, animations: 'disabled' });
  if (pressAfter) await page.keyboard.press(pressAfter);
  return { path, warning };
}

/**
 * Renders a page on its own in a new tab of the same browser, in the given colour scheme, and saves
 * a PNG of its top. Reports every request the page made (a self-contained page makes none), console
 * and page errors (a CSP violation is one), and a few facts read from the rendered DOM.
 */
export async function renderPage(browser, html, path, { colorScheme = 'light', width = 960, height = 720 } = {}) {
  const page = await browser.newPage({ viewport: { width, height }, colorScheme });
  const requests = [];
  const errors = [];
  page.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => message.type() === 'error' && errors.push(message.text()));
  page.on('pageerror', (error) => errors.push(error.message));
  try {
    await page.setContent(html, { waitUntil: 'load' });
    await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))');
    await page.screenshot({ path, animations: 'disabled' });
    const facts = await page.evaluate(
      `({ title: document.title, badge: document.querySelector('.badge')?.textContent ?? '', background: getComputedStyle(document.body).backgroundColor })`,
    );
    return { path, requests, errors, ...facts };
  } finally {
    await page.close();
  }
}

/** Runs in the page: the elements matching the query's selector that contain its text, as the test reads them. */
function elementsIn({ selector, containing, holding }) {
  /* global document */
  return [...document.querySelectorAll(selector)]
    .map((element) => ({
      // The editor lays out spaces as no-break spaces.
      text: (element.textContent ?? '').replace(/\u00a0/g, ' '),
      icons: [...element.querySelectorAll('.codicon')].map((icon) => icon.className),
      holds: holding === undefined || element.querySelector(holding) !== null,
    }))
    .filter((element) => containing === undefined || element.text.includes(containing));
}

/**
 * The elements of the workbench matching `selector` (text, codicon classes), once one
 * contains `containing` and holds an element matching `holding` (each when given). Playwright waits on
 * the page; after 20 s the matches are returned as they are, for the test to say what is missing.
 */
export async function queryPage(page, query) {
  const call = `(${elementsIn.toString()})(${JSON.stringify(query)})`;
  await page
    .waitForFunction(`${call}.some((element) => element.holds)`, undefined, { timeout: 20_000 })
    .catch(() => undefined);
  const found = await page.evaluate(call);
  return found.map(({ text, icons }) => ({ text, icons }));
}
