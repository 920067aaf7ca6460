import type { Page } from 'playwright-core';
import { pollPage } from './poll.js';

/**
 * What engine text looks like when it leaks into a page: zod's words, a contract field key
 * followed by a colon (`reviewDate:`, `to:`), a bare `undefined`, an error code after "Error:",
 * or a stack frame.
 */
/** A contract field key the engine puts before its message (`to: not a calendar date`); prose may say "from: ", messages never do. */
const fieldKey = /^(?:date|from|to|reason|decision|analysis|crn|id|out|paths|value|key|name|note|outcome|size|seed|team|user|actions|spo)(?:\.\w+)*: /;

export const engineText = [
  /expected/i,
  /\bzod\b/i,
  /\binvalid\b/i,
  /not a calendar date/i,
  /\b[a-z]+[A-Z][A-Za-z]*(?:\.\d+)*(?:\.[a-z][A-Za-z]*)*: /,
  /\bundefined\b/,
  /\bnull\b/,
  /Error:\s*(?:invalid-input|not-found|conflict|io|forbidden|internal)\b/,
  /\bat \S+ \(.*:\d+:\d+\)/,
  /failed unexpectedly/,
];

export interface ErrorState {
  /** The error summary's links (or its message, for a problem not about one field). */
  summary: string[];
  /** The summary links' targets. */
  hrefs: string[];
  /** The inline messages beside the fields, without the hidden "Error:". */
  inline: string[];
  /** Whether focus is on the summary or inside it. */
  focused: boolean;
  /** Whether the top of the summary is inside the viewport. */
  inView: boolean;
  /** Each inline message starts with a visually hidden "Error:". */
  hiddenPrefixes: boolean;
  /** Every summary link's target is on the page. */
  targetsExist: boolean;
  /** The engine texts found in the summary, the inline messages or the page's main region. */
  leaks: string[];
}

/**
 * Runs in the page, so it is plain JavaScript in a string: the e2e code is type-checked without
 * the DOM's types, as the other page objects' `evaluate` calls are.
 */
const readErrorState = String.raw`({ patterns, key }) => {
  const el = document.querySelector('.govuk-error-summary');
  const links = [...document.querySelectorAll('.govuk-error-summary a')];
  const body = el && el.querySelector('.govuk-error-summary__body p');
  // The character count's own status is not a field's error message: it has no "Error:" of its own.
  const inlineEls = [...document.querySelectorAll('.govuk-error-message:not(.govuk-character-count__status)')];
  const clean = (s) => (s || '').replace(/\s+/g, ' ').trim();
  const inline = inlineEls.map((m) => clean(m.textContent).replace(/^Error:\s*/, ''));
  const messages = [...links.map((a) => clean(a.textContent)), clean(body && body.textContent), ...inline];
  // innerText keeps the line breaks between blocks, so a label and the next "Error:" never run together.
  const main = document.querySelector('main');
  const texts = [...messages, ((main && main.innerText) || '').replace(/[ \t]+/g, ' ')];
  const leaks = patterns.flatMap((p) => {
    const re = new RegExp(p.source, p.flags);
    return texts.flatMap((t) => {
      const m = re.exec(t);
      return m ? [m[0] + ' in “' + t.slice(Math.max(0, m.index - 40), m.index + 60) + '”'] : [];
    });
  });
  const keyed = messages.filter((t) => new RegExp(key).test(t)).map((t) => 'a field key before “' + t + '”');
  const active = document.activeElement;
  const top = el ? el.getBoundingClientRect().top : -1;
  return {
    summary: links.length ? links.map((a) => clean(a.textContent)) : [clean(body && body.textContent)],
    hrefs: links.map((a) => a.getAttribute('href') || ''),
    inline,
    focused: !!el && !!active && (active === el || el.contains(active)),
    // Scrolled to the top of the viewport; a fraction of a pixel above it is layout rounding.
    inView: top > -1 && top < window.innerHeight,
    hiddenPrefixes: inlineEls.every((m) => { const h = m.querySelector('.govuk-visually-hidden'); return !!h && h.textContent.trim() === 'Error:'; }),
    targetsExist: links.every((a) => { const id = (a.getAttribute('href') || '').replace(/^#/, ''); return id !== '' && document.getElementById(id) !== null; }),
    leaks: [...leaks, ...keyed],
  };
}`;

/** Reads the GOV.UK error state of the page once its error summary shows. */
export async function errorState(page: Page): Promise<ErrorState> {
  const summary = page.locator('.govuk-error-summary').first();
  await summary.waitFor();
  // The summary takes focus in an effect after it renders: wait for that, briefly; the caller asserts it.
  await pollPage(page, 'document.activeElement !== null && document.activeElement.closest(".govuk-error-summary") !== null', 'focus on the summary', 5000).catch(() => undefined);
  const args = { patterns: engineText.map((r) => ({ source: r.source, flags: r.flags })), key: fieldKey.source };
  return page.evaluate<ErrorState>(`(${readErrorState})(${JSON.stringify(args)})`);
}

/** The classes of the element with `id`, to see which boxes of a date input are marked wrong. */
export async function classesOf(page: Page, id: string): Promise<string[]> {
  return (await page.locator(`#${id}`).getAttribute('class'))?.split(/\s+/) ?? [];
}
