// browser.mjs - shared by check.mjs and screenshots.mjs: start Debian's
// Chromium through playwright-core (no browser download, no network).
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const TOP = path.resolve(here, '..', '..');

// CHROMIUM overrides the path; otherwise the Debian package's.
export function chromiumPath() {
	if (process.env.CHROMIUM !== undefined)
		return fs.existsSync(process.env.CHROMIUM) ? process.env.CHROMIUM : null;
	for (const c of ['/usr/bin/chromium', '/usr/bin/chromium-browser'])
		if (fs.existsSync(c))
			return c;
	return null;
}

// Flags: no sandbox (we run as root in CI), nothing that phones home
// (the machine has no network and Chromium retries refused connections).
export const ARGS = [
	'--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage',
	'--disable-background-networking', '--disable-component-update',
	'--disable-sync', '--no-first-run', '--disable-quic',
	'--font-render-hinting=none',
];

export async function launch() {
	const exe = chromiumPath();
	if (!exe)
		throw new Error('no Chromium (install Debian package chromium)');
	return chromium.launch({ executablePath: exe, args: ARGS, timeout: 60000 });
}

export function axeSource() {
	return fs.readFileSync(path.join(TOP, 'node_modules', 'axe-core', 'axe.min.js'), 'utf8');
}

// WCAG 2.0/2.1/2.2 A and AA, plus axe's best practices.
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

export function fileUrl(p) {
	return 'file://' + path.resolve(p).split(path.sep).map(encodeURIComponent).join('/');
}

// Run fn over items with n workers, each given its own browser page.
export async function pool(ctx, items, n, fn) {
	let next = 0;
	const worker = async () => {
		const page = await ctx.newPage();
		for (;;) {
			const i = next++;
			if (i >= items.length)
				break;
			await fn(page, items[i], i);
		}
		await page.close();
	};
	await Promise.all(Array.from({ length: Math.max(1, Math.min(n, items.length)) }, worker));
}
