// screenshots.mjs SITE DEST - PNGs of every page type of both audiences
// (found by walking SITE/{public,internal} and reading each page's
// body class "page-KIND"), at 375 and 1280 px, into DEST; the home page
// also in the dark colour scheme; print-heavy kinds (ROPA, reports,
// tables) also as A4 PDFs, turned into PNGs when pdftoppm is installed.
// Run by `make screenshots`.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { launch, fileUrl } from './browser.mjs';

const [site, dest] = process.argv.slice(2);
if (!site || !dest) {
	console.error('usage: screenshots.mjs SITE DEST');
	process.exit(2);
}
fs.mkdirSync(dest, { recursive: true });
for (const f of fs.readdirSync(dest))
	if (/\.(png|pdf)$/.test(f))
		fs.unlinkSync(path.join(dest, f));

function walk(dir) {
	const out = [];
	for (const e of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name < b.name ? -1 : 1)) {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) out.push(...walk(p));
		else if (e.name.endsWith('.html')) out.push(p);
	}
	return out;
}

// One page per (audience, kind): the largest, so the shot shows the
// fullest tables and longest names the kind has.
const pick = new Map();
for (const aud of ['public', 'internal']) {
	const root = path.join(site, aud);
	if (!fs.existsSync(root)) continue;
	for (const p of walk(root)) {
		const html = fs.readFileSync(p, 'utf8');
		const m = /<body[^>]*class="[^"]*\bpage-([\w-]+)/.exec(html);
		const kind = m ? m[1] : path.basename(p, '.html');
		const key = `${aud}-${kind}`;
		const size = html.length;
		if (!pick.has(key) || pick.get(key).size < size)
			pick.set(key, { path: p, size, aud, kind });
	}
}

const PRINT = /^(ropa|report|reports|access|category|purpose|system|checks|changes|decision|committee|label)/;
const havePdftoppm = (() => {
	try { execFileSync('pdftoppm', ['-v'], { stdio: 'ignore' }); return true; } catch (e) { return false; }
})();

const browser = await launch();
let n = 0;
try {
	for (const scheme of ['light', 'dark']) {
		const ctx = await browser.newContext({ colorScheme: scheme, reducedMotion: 'reduce' });
		const page = await ctx.newPage();
		for (const [key, p] of [...pick.entries()].sort()) {
			if (scheme === 'dark' && p.kind !== 'index' && p.kind !== 'ropa' && !/^report/.test(p.kind))
				continue;
			for (const w of [375, 1280]) {
				if (scheme === 'dark' && w === 375 && p.kind !== 'index') continue;
				await page.setViewportSize({ width: w, height: 900 });
				await page.goto(fileUrl(p.path), { waitUntil: 'load' });
				const out = path.join(dest, `${key}-${w}${scheme === 'dark' ? '-dark' : ''}.png`);
				await page.screenshot({ path: out, fullPage: true });
				n++;
			}
			if (scheme === 'light' && PRINT.test(p.kind)) {
				await page.emulateMedia({ media: 'print' });
				const pdf = path.join(dest, `${key}-print.pdf`);
				await page.pdf({ path: pdf, format: 'A4', preferCSSPageSize: true, printBackground: true });
				await page.emulateMedia({ media: null });
				n++;
				if (havePdftoppm) {
					execFileSync('pdftoppm', ['-png', '-r', '60', '-f', '1', '-l', '2', pdf,
					    path.join(dest, `${key}-print`)]);
				}
			}
		}
		await ctx.close();
	}
} finally {
	await browser.close();
}
console.log(`screenshots: ${n} files for ${pick.size} page types in ${dest}` +
    (havePdftoppm ? '' : ' (install poppler-utils to get PNGs of the PDFs)'));
