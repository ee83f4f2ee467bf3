// What the administration says beside a row or form rather than in a dialog: "are you sure" in
// words before whatever cannot be undone (a deletion, a new token or secret that retires the old
// one), a token or secret shown once with a copy button, since only Convene can read it
// afterwards, and each form's outcome or refusal under the form that was sent.
import { $, h, act } from './dom.js';

/**
 * Runs {@code action(result, form)} when the form is sent: the last outcome is cleared first, and a
 * refusal shows in the form's own error line.
 */
export function onSubmit(formId, resultId, errorId, action) {
  $(formId).addEventListener('submit', (e) => {
    e.preventDefault();
    const result = $(resultId);
    result.textContent = '';
    act($(errorId), () => action(result, e.target));
  });
}

/**
 * Asks "are you sure" in words beside the button; runs {@code action} on yes. The question is text, or
 * text and elements (a name in its <bdi>).
 */
export function confirmInline(container, question, yes, action) {
  const words = [question].flat();
  const label = words.map((w) => (typeof w === 'string' ? w : w.textContent)).join('');
  const row = h('span', { class: 'confirm', role: 'group', 'aria-label': label }, words, ' ',
    h('button', { type: 'button', class: 'danger small', onclick: () => { row.remove(); action(); } }, yes),
    ' ', h('button', { type: 'button', class: 'quiet small', onclick: () => row.remove() }, 'Cancel'));
  container.querySelector('.confirm')?.remove();
  container.append(row);
  row.querySelector('button').focus();
}

/** Seconds a shown secret stays on screen once copied, and at most: a screen left open must not keep it. */
const AFTER_COPY = 5_000;
const AT_MOST = 120_000;

/**
 * Takes a secret off the screen {@link AFTER_COPY} after it is copied, or after {@link AT_MOST} whatever happens:
 * {@code clear} puts a sentence in its place.
 */
export function forgetLater(copy, clear) {
  let timer = setTimeout(clear, AT_MOST);
  copy.addEventListener('click', () => {
    clearTimeout(timer);
    timer = setTimeout(clear, AFTER_COPY);
  });
}

/** A secret or token shown once, with a copy button; the label is text, or text and elements. */
export function shownOnce(label, value) {
  const copy = h('button', { type: 'button', class: 'small' }, 'Copy');
  copy.addEventListener('click', async () => {
    await navigator.clipboard.writeText(value).catch(() => {});
    copy.textContent = 'Copied';
  });
  const box = h('div', { class: 'token-box' }, h('p', {}, h('strong', {}, label, ', shown only now'), ': copy it now; only Convene can read it later.'),
    h('code', {}, value), ' ', copy);
  forgetLater(copy, () => box.replaceChildren(h('p', { class: 'hint', 'data-forgotten': true },
    'It is no longer on screen: make a new one if it was not kept.')));
  return box;
}
