// check.mjs JOB.json RESULT.json - every browser check on every page
// listed in the job; tests/browser/run.py writes the job and turns the
// result into TAP. Job: {"pages": [{"id", "path"}], "workers": N,
// "widths": [375, 1280]}. Result: {id: {"kind", "findings": [{check, msg}]}}.
//
// Checks (the "check" names run.py groups by):
//   axe-light, axe-dark   axe-core, WCAG 2.x A + AA + best practices, in the
//                         light and the dark colour scheme at 1280 px
//   axe-W                 the same in light at every other width W
//                         (all three also check SVG text 4.5:1 and SVG
//                         shapes 3:1 against the page: axe skips SVG)
//   focus-light, focus-dark  every focusable element shows a focus
//                         indicator (outline >= 2px with 3:1 contrast, or a
//                         box-shadow it did not have before)
//   overflow-W            no horizontal scrolling at width W
//   text-W                no text drawn smaller than 9 px at width W (SVG
//                         text shrinks with its drawing)
//   skip-W                first Tab reaches a visible skip link whose
//                         Enter moves focus to <main>
//   nav-W                 Tab reaches every main-navigation link, each
//                         visible on screen with a focus indicator
//   print                 in print media at the printable width of the
//                         page's @page size (A4, margins), nothing is wider
//                         than the paper
//   nojs                  with JavaScript disabled: one <main> with an <h1>
//                         and text; no <script>, <noscript>, on* handler
//                         or javascript: URL anywhere
import fs from 'node:fs';
import { launch, axeSource, AXE_TAGS, fileUrl, pool } from './browser.mjs';

const [jobFile, resultFile] = process.argv.slice(2);
const job = JSON.parse(fs.readFileSync(jobFile, 'utf8'));
const widths = job.widths || [375, 1280];
const MIN_TEXT_PX = 9;	/* chart annotations; body text is 16-18 */
const AXE = axeSource();
const results = {};

function add(id, check, msg) {
	results[id].findings.push({ check, msg });
}

// --- in-page helpers (serialised into the page) ------------------------
const HELPERS = `
window.__gh = (() => {
	const FOCUSABLE = 'a[href], area[href], button:not([disabled]), ' +
	    'input:not([disabled]):not([type=hidden]), select:not([disabled]), ' +
	    'textarea:not([disabled]), summary, iframe, [contenteditable=""], ' +
	    '[contenteditable="true"], [tabindex]:not([tabindex="-1"])';
	function rgb(s) {
		const m = /rgba?\\(([^)]+)\\)/.exec(s || '');
		if (!m) return null;
		const p = m[1].split(/[ ,\\/]+/).filter(Boolean).map(parseFloat);
		return { r: p[0], g: p[1], b: p[2], a: p.length > 3 ? p[3] : 1 };
	}
	function lum(c) {
		const f = v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); };
		return 0.2126 * f(c.r) + 0.7152 * f(c.g) + 0.0722 * f(c.b);
	}
	function contrast(a, b) {
		const x = lum(a), y = lum(b);
		return (Math.max(x, y) + 0.05) / (Math.min(x, y) + 0.05);
	}
	function bgBehind(el) {
		for (let e = el; e; e = e.parentElement) {
			const c = rgb(getComputedStyle(e).backgroundColor);
			if (c && c.a > 0.5) return c;
		}
		const c = rgb(getComputedStyle(document.documentElement).backgroundColor);
		return c && c.a > 0.5 ? c : { r: 255, g: 255, b: 255, a: 1 };
	}
	function desc(el) {
		let s = el.tagName.toLowerCase();
		if (el.id) s += '#' + el.id;
		if (el.classList.length) s += '.' + [...el.classList].join('.');
		const t = (el.textContent || '').trim().replace(/\\s+/g, ' ').slice(0, 40);
		if (el.getAttribute('href')) s += '[href="' + el.getAttribute('href') + '"]';
		return t ? s + ' "' + t + '"' : s;
	}
	function style(el) {
		const cs = getComputedStyle(el);
		return { os: cs.outlineStyle, ow: parseFloat(cs.outlineWidth) || 0,
		    oc: cs.outlineColor, bs: cs.boxShadow };
	}
	// Is the focus of el (focused now; "before" is its unfocused style) visible?
	function focusProblem(el, before) {
		const a = style(el);
		if (a.os !== 'none' && a.ow >= 2) {
			const oc = rgb(a.oc), bg = bgBehind(el.parentElement || el);
			if (!oc || oc.a < 0.5) return 'outline colour is transparent';
			const k = contrast(oc, bg);
			if (k < 3) return 'focus outline contrast ' + k.toFixed(2) + ':1 < 3:1';
			return null;
		}
		if (a.bs && a.bs !== 'none' && a.bs !== before.bs) return null;
		return 'no focus indicator (outline ' + a.os + ' ' + a.ow + 'px, box-shadow ' + a.bs + ')';
	}
	function rendered(el) {
		if (!el.getClientRects().length) return false;
		const cs = getComputedStyle(el);
		return cs.visibility !== 'hidden' && cs.display !== 'none';
	}
	function focusables() {
		return [...document.querySelectorAll(FOCUSABLE)].filter(rendered);
	}
	function navLinks() {
		let nav = document.querySelector('nav[aria-label="Main"]') ||
		    document.querySelector('header nav') || document.querySelector('nav');
		return nav ? [...nav.querySelectorAll('a[href]')] : null;
	}
	function inViewport(el) {
		const r = el.getBoundingClientRect();
		return r.width > 0 && r.height > 0 && r.left >= -1 && r.top >= -1 &&
		    r.right <= innerWidth + 1 && r.bottom <= innerHeight + 1;
	}
	// The deepest elements whose box or content reaches past limit.
	function overflowing(limit) {
		const out = [];
		const extent = el => {
			const r = el.getBoundingClientRect();
			return Math.max(r.right, r.left + el.scrollWidth);
		};
		for (const el of document.body.querySelectorAll('*')) {
			if (el.getClientRects().length === 0 || extent(el) <= limit + 1) continue;
			if ([...el.children].some(c => extent(c) > limit + 1)) continue;
			out.push(desc(el) + ' reaches ' + Math.round(extent(el)) + 'px');
			if (out.length >= 5) break;
		}
		return out;
	}
	// Text drawn smaller than min CSS px: SVG text shrinks with its
	// drawing (font size times the drawing's scale on screen); HTML
	// text is checked where it is the element's own.
	function tinyText(min) {
		const out = [];
		const shown = el => el.getClientRects().length > 0 &&
		    getComputedStyle(el).visibility !== 'hidden';
		for (const el of document.body.querySelectorAll('*')) {
			if (el.closest('.sr-only, .visually-hidden, [hidden], [aria-hidden="true"]')) continue;
			const own = [...el.childNodes].some(n => n.nodeType === 3 && n.data.trim() !== '');
			if (!own || !shown(el)) continue;
			let px = parseFloat(getComputedStyle(el).fontSize);
			if (el instanceof SVGElement) {
				const m = el.getScreenCTM();
				if (!m) continue;
				px *= Math.hypot(m.a, m.b);
			}
			if (px < min) {
				out.push(desc(el) + ' is ' + px.toFixed(1) + 'px');
				if (out.length >= 5) break;
			}
		}
		return out;
	}
	// axe does not look at SVG: text needs 4.5:1 against what is behind
	// the drawing, shapes (bars, lines) 3:1 (WCAG 1.4.3, 1.4.11).
	function svgContrast() {
		const out = [];
		for (const svg of document.querySelectorAll('svg')) {
			if (!rendered(svg)) continue;
			const bg = bgBehind(svg);
			for (const el of svg.querySelectorAll('text, rect, line, polyline, polygon, path, circle, ellipse')) {
				if (el.closest('defs, clipPath, mask, symbol')) continue;
				const cs = getComputedStyle(el);
				if (cs.display === 'none' || cs.visibility === 'hidden' || parseFloat(cs.opacity) === 0) continue;
				const isText = el.tagName.toLowerCase() === 'text';
				const paint = [];
				const f = rgb(cs.fill), st = rgb(cs.stroke);
				if (f && f.a > 0.1 && cs.fill !== 'none' && el.tagName.toLowerCase() !== 'line') paint.push(['fill', f]);
				if (!isText && st && st.a > 0.1 && cs.stroke !== 'none' && parseFloat(cs.strokeWidth) > 0) paint.push(['stroke', st]);
				for (const [what, c] of paint) {
					const k = contrast(c, bg), need = isText ? 4.5 : 3;
					if (k < need) {
						out.push('<' + el.tagName.toLowerCase() + (el.getAttribute('class') ? ' class="' + el.getAttribute('class') + '"' : '') +
						    '>' + (isText ? ' "' + el.textContent.trim().slice(0, 30) + '"' : '') + ' ' + what +
						    ' contrast ' + k.toFixed(2) + ':1 < ' + need + ':1');
						break;
					}
				}
				if (out.length >= 6) return out;
			}
		}
		return out;
	}
	return { desc, style, focusProblem, svgContrast, focusables, navLinks, inViewport, overflowing, rendered, tinyText };
})();
`;

async function helpers(page) {
	await page.evaluate(HELPERS);
}

async function axePass(page, id, check) {
	const r = await page.evaluate(async (tags) => {
		const res = await window.axe.run(document, {
			runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'],
		});
		return res.violations.map(v => ({ id: v.id, impact: v.impact, help: v.help,
		    nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 4), n: v.nodes.length }));
	}, AXE_TAGS);
	for (const v of r)
		add(id, check, `${v.id} (${v.impact}): ${v.help} - ${v.n} element(s): ${v.nodes.join(', ')}`);
	for (const m of await page.evaluate(() => window.__gh.svgContrast()))
		add(id, check, 'svg-contrast: ' + m);
}

// Keyboard modality first (one Tab), then focus each element from script:
// Chromium keeps :focus-visible for script focus after keyboard use.
async function focusPass(page, id, check) {
	await page.keyboard.press('Tab');
	const probs = await page.evaluate(() => {
		const g = window.__gh, out = [];
		let n = 0;
		for (const el of g.focusables()) {
			el.blur();
			const before = g.style(el);
			el.focus({ preventScroll: true });
			if (document.activeElement !== el) continue;
			n++;
			const p = g.focusProblem(el, before);
			if (p) out.push(g.desc(el) + ': ' + p);
		}
		document.activeElement && document.activeElement.blur();
		return { n, out };
	});
	for (const p of probs.out.slice(0, 8))
		add(id, check, p);
	if (probs.out.length > 8)
		add(id, check, `... and ${probs.out.length - 8} more`);
	return probs.n;
}

async function widthPass(page, id, url, w, keyboard) {
	await page.setViewportSize({ width: w, height: 800 });
	await page.goto(url, { waitUntil: 'load' });
	await helpers(page);
	if (!keyboard)
		return;
	// axe again at the narrow width: stacked tables, wrapped targets.
	if (w !== 1280) {
		await page.evaluate(AXE);
		await axePass(page, id, `axe-${w}`);
	}

	// No horizontal scrolling.
	const ov = await page.evaluate(() => ({
		sw: document.documentElement.scrollWidth, iw: window.innerWidth,
		bw: document.body.scrollWidth,
		els: window.__gh.overflowing(window.innerWidth),
	}));
	if (ov.sw > ov.iw || ov.bw > ov.iw)
		add(id, `overflow-${w}`, `page is ${Math.max(ov.sw, ov.bw)}px wide in a ${ov.iw}px window: ${ov.els.join('; ')}`);

	// No text too small to read: charts scale down with the page.
	const tiny = await page.evaluate(min => window.__gh.tinyText(min), MIN_TEXT_PX);
	for (const t of tiny)
		add(id, `text-${w}`, 'text smaller than ' + MIN_TEXT_PX + 'px: ' + t);

	// Skip link: the first Tab stop.
	await page.keyboard.press('Tab');
	const sk = await page.evaluate(() => {
		const g = window.__gh, a = document.activeElement;
		if (!a || a === document.body) return { err: 'first Tab focuses nothing' };
		const href = a.getAttribute('href') || '';
		if (a.tagName !== 'A' || !href.startsWith('#') || href.length < 2)
			return { err: 'first Tab stop is ' + g.desc(a) + ', not a skip link' };
		const t = document.getElementById(decodeURIComponent(href.slice(1)));
		if (!t) return { err: 'skip link target ' + href + ' does not exist' };
		if (t.tagName !== 'MAIN' && !t.querySelector('main') && t.getAttribute('role') !== 'main')
			return { err: 'skip link target ' + href + ' is not <main>' };
		if (!g.inViewport(a)) return { err: 'focused skip link is not visible on screen' };
		return { ok: true, target: t.id };
	});
	if (sk.err)
		add(id, `skip-${w}`, sk.err);

	// Navigation: Tab on until every main-navigation link had focus.
	const nav = await page.evaluate(() => {
		const g = window.__gh, links = g.navLinks();
		if (!links) return { err: 'no navigation' };
		const all = g.focusables();
		const last = Math.max(...links.map(l => all.indexOf(l)));
		links.forEach((l, i) => { l.dataset.ghNav = String(i); });
		window.__ghNavBefore = links.map(g.style);
		return { n: links.length, cap: Math.min(400, (last < 0 ? all.length : last + 1) + 5),
		    hidden: links.filter(l => !g.rendered(l)).map(g.desc) };
	});
	if (nav.err) {
		add(id, `nav-${w}`, nav.err);
	} else {
		for (const h of nav.hidden)
			add(id, `nav-${w}`, 'navigation link not shown: ' + h);
		// A focusin listener records each navigation link as it gets
		// focus (style, visibility), so the Tabs need no round trip each.
		await page.evaluate(() => {
			window.__ghNavLog = [];
			document.addEventListener('focusin', (e) => {
				const g = window.__gh, a = e.target;
				if (!a.dataset || a.dataset.ghNav === undefined) return;
				window.__ghNavLog.push({ i: a.dataset.ghNav, desc: g.desc(a), vis: g.inViewport(a),
				    prob: g.focusProblem(a, window.__ghNavBefore[+a.dataset.ghNav]) });
			}, true);
		});
		const seen = new Set();
		for (let i = 0; i < nav.cap && seen.size < nav.n;) {
			const batch = Math.min(nav.cap - i, i === 0 ? nav.n + 2 : 4);
			for (let k = 0; k < batch; k++)
				await page.keyboard.press('Tab');
			i += batch;
			const log = await page.evaluate(() => window.__ghNavLog.splice(0));
			for (const st of log) {
				if (seen.has(st.i)) continue;
				seen.add(st.i);
				if (!st.vis) add(id, `nav-${w}`, 'focused navigation link is off screen: ' + st.desc);
				if (st.prob) add(id, `nav-${w}`, st.desc + ': ' + st.prob);
			}
		}
		if (seen.size < nav.n) {
			const missing = await page.evaluate((seenIdx) =>
			    window.__gh.navLinks().filter((l, i) => !seenIdx.includes(String(i))).map(window.__gh.desc),
			    [...seen]);
			add(id, `nav-${w}`, `Tab never reached ${missing.length} of ${nav.n} navigation link(s): ${missing.slice(0, 4).join('; ')}`);
		}
	}

	// The skip link moves focus to <main>.
	if (!sk.err) {
		await page.evaluate(() => {
			const a = document.querySelector('a[href^="#"]');
			a.focus();
		});
		await page.keyboard.press('Enter');
		const fm = await page.evaluate((tid) => {
			const a = document.activeElement, t = document.getElementById(tid);
			return { ok: !!t && (a === t || t.contains(a)), desc: a ? window.__gh.desc(a) : 'nothing' };
		}, sk.target);
		if (!fm.ok)
			add(id, `skip-${w}`, 'Enter on the skip link leaves focus on ' + fm.desc + ', not in <main> (give it tabindex="-1")');
	}
}

// Printable width of this page: @page size (A4 unless named otherwise)
// less the left and right margins, in CSS px.
async function printPass(page, id) {
	await page.emulateMedia({ media: 'print', colorScheme: 'light' });
	const geo = await page.evaluate(() => {
		const name = getComputedStyle(document.body).page || 'auto';
		let size = '', ml = '', mr = '';
		const rules = [];
		for (const sh of document.styleSheets) {
			let rs;
			try { rs = sh.cssRules; } catch (e) { continue; }
			for (const r of rs) {
				if (r.type === CSSRule.PAGE_RULE) rules.push(r);
				if (r.type === CSSRule.MEDIA_RULE && matchMedia(r.conditionText).matches)
					for (const q of r.cssRules) if (q.type === CSSRule.PAGE_RULE) rules.push(q);
			}
		}
		// The unnamed @page first, then the page's named one on top.
		for (const named of [false, true])
			for (const r of rules) {
				const sel = (r.selectorText || '').trim();
				if (named ? sel !== name : sel !== '') continue;
				size = r.style.getPropertyValue('size') || size;
				ml = r.style.getPropertyValue('margin-left') || ml;
				mr = r.style.getPropertyValue('margin-right') || mr;
			}
		return { name, size, ml, mr };
	});
	const mm = v => {
		const m = /^([\d.]+)(mm|cm|in|px|pt)?$/.exec((v || '').trim());
		if (!m) return null;
		const n = parseFloat(m[1]);
		return { mm: 1, cm: 10, in: 25.4, px: 25.4 / 96, pt: 25.4 / 72 }[m[2] || 'px'] * n;
	};
	const landscape = /landscape/.test(geo.size);
	const paper = landscape ? 297 : 210;
	// Chromium's default print margin is about 10mm.
	const widthPx = Math.floor((paper - (mm(geo.ml) ?? 10) - (mm(geo.mr) ?? 10)) * 96 / 25.4);
	await page.setViewportSize({ width: widthPx, height: 1000 });
	await helpers(page);
	const ov = await page.evaluate(() => ({
		sw: document.documentElement.scrollWidth, iw: window.innerWidth,
		els: window.__gh.overflowing(window.innerWidth),
	}));
	if (ov.sw > ov.iw)
		add(id, 'print', `printed page is ${ov.sw}px wide, paper (A4 ${landscape ? 'landscape' : 'portrait'}, page "${geo.name}") takes ${ov.iw}px: ${ov.els.join('; ')}`);
	// It must also really render to a PDF.
	if (job.pdf && job.pdf.includes(id)) {
		const pdf = await page.pdf({ preferCSSPageSize: true, format: 'A4', printBackground: true });
		if (pdf.length < 1000 || pdf.subarray(0, 5).toString() !== '%PDF-')
			add(id, 'print', 'page.pdf() produced no PDF');
		results[id].pdfBytes = pdf.length;
	}
	await page.emulateMedia({ media: null, colorScheme: 'light' });
}

async function noJsPass(page, id, url) {
	await page.goto(url, { waitUntil: 'load' });
	const r = await page.evaluate(() => {
		const out = [];
		const mains = document.querySelectorAll('main, [role=main]');
		if (mains.length !== 1) out.push(mains.length + ' <main> elements');
		const m = mains[0];
		if (m) {
			if (!m.querySelector('h1')) out.push('no <h1> in <main>');
			const txt = (m.innerText || '').trim();
			if (txt.length < 20) out.push('<main> shows only ' + txt.length + ' characters of text');
			if (m.getClientRects().length === 0 || getComputedStyle(m).visibility === 'hidden')
				out.push('<main> is not displayed');
		}
		const s = document.querySelectorAll('script').length;
		if (s) out.push(s + ' <script> element(s)');
		if (document.querySelectorAll('noscript').length) out.push('<noscript> element');
		for (const el of document.querySelectorAll('*')) {
			for (const a of el.attributes) {
				if (/^on/i.test(a.name)) { out.push('event handler ' + a.name + ' on <' + el.tagName.toLowerCase() + '>'); break; }
				if (/^\s*javascript:/i.test(a.value)) { out.push('javascript: URL in ' + a.name); break; }
			}
			if (out.length > 6) break;
		}
		return out;
	});
	for (const m of r)
		add(id, 'nojs', m);
}

const browser = await launch();
const t0 = Date.now();
try {
	for (const p of job.pages)
		results[p.id] = { kind: null, findings: [] };

	const ctx = await browser.newContext({ colorScheme: 'light', reducedMotion: 'reduce' });
	await pool(ctx, job.pages, job.workers || 2, async (page, p) => {
		const url = fileUrl(p.path);
		try {
			// Keyboard checks need a freshly loaded page: each width
			// loads it once; the widest load then serves axe (light,
			// dark), the focus-ring pass and print.
			const ws = [...widths].sort((a, b) => a - b);
			if (!ws.includes(1280)) ws.push(1280);
			for (const w of ws)
				await widthPass(page, p.id, url, w, widths.includes(w));
			results[p.id].kind = await page.evaluate(() =>
			    ([...document.body.classList].find(c => c.startsWith('page-')) || 'page-?').slice(5));
			await page.evaluate(AXE);
			await axePass(page, p.id, 'axe-light');
			results[p.id].focusables = await focusPass(page, p.id, 'focus-light');
			await page.emulateMedia({ colorScheme: 'dark' });
			await axePass(page, p.id, 'axe-dark');
			await focusPass(page, p.id, 'focus-dark');
			await page.emulateMedia({ colorScheme: 'light' });
			await printPass(page, p.id);
		} catch (e) {
			add(p.id, 'error', String(e && e.message || e).split('\n')[0]);
		}
	});
	await ctx.close();

	const nojs = await browser.newContext({ javaScriptEnabled: false });
	await pool(nojs, job.pages, job.workers || 2, async (page, p) => {
		try {
			await noJsPass(page, p.id, fileUrl(p.path));
		} catch (e) {
			add(p.id, 'error', String(e && e.message || e).split('\n')[0]);
		}
	});
	await nojs.close();
} finally {
	await browser.close();
}
fs.writeFileSync(resultFile, JSON.stringify({ seconds: (Date.now() - t0) / 1000, pages: results }, null, 1));
