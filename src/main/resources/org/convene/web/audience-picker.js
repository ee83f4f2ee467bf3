// Picking an audience from the people Convene knows, for administrators (who may list users): a
// name or an e-mail typed beside the audience box is offered from the users, and Add puts their
// address in the box. An address nobody has yet may still be added (the person can be invited
// later), but it is said so at once, so that a typo is seen before the save.
import { h, userText } from './dom.js';
import { api, isAdmin, knownPeople, setPeople } from './state.js';

/** The users (as the users page last read them, else read now); none for anyone but an administrator. */
async function known() {
  if (!isAdmin()) return [];
  if (knownPeople() === null) setPeople(await api().all('/users'));
  return knownPeople();
}

/** The person a typed text names: an exact e-mail, else exactly one name or e-mail containing it. */
function match(list, typed) {
  const wanted = typed.trim().toLowerCase();
  const exact = list.find((p) => p.email === wanted || p.name.toLowerCase() === wanted);
  if (exact) return exact;
  const some = list.filter((p) => p.email.includes(wanted) || p.name.toLowerCase().includes(wanted));
  return some.length === 1 ? some[0] : null;
}

/**
 * A picker for {@code textarea} (its id prefixing the picker's): hidden but for administrators; Add puts the
 * person's address on a line of its own unless it is there already.
 */
export function audiencePicker(textarea) {
  const id = `${textarea.id}-pick`;
  const input = h('input', { id, list: `${id}-people`, autocomplete: 'off', placeholder: 'A name or an e-mail' });
  const choices = h('datalist', { id: `${id}-people` });
  const said = h('p', { class: 'hint', role: 'status', 'aria-live': 'polite' });
  const add = h('button', { type: 'button', class: 'quiet small', 'data-audience-add': textarea.id }, 'Add');
  const picker = h('div', { class: 'picker', hidden: true }, h('label', { for: id }, 'Add someone'), input, add, choices, said);
  known().then((list) => {
    picker.hidden = list.length === 0;
    choices.replaceChildren(...list.map((p) => h('option', { value: p.email }, p.name)));
  }, () => {});
  // Enter in the picker adds the person; it must not send the meeting's form half filled.
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); add.click(); } });
  add.addEventListener('click', async () => {
    const typed = input.value.trim();
    if (!typed) return;
    const person = match(await known(), typed);
    const lines = textarea.value.split(/[\s,;]+/).filter(Boolean);
    if (!person && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(typed)) {
      said.replaceChildren('Nobody is called ', userText(typed), '; give their e-mail to add them.');
      return;
    }
    const email = person ? person.email : typed.toLowerCase();
    if (!lines.includes(email)) textarea.value = [...lines, email].join('\n');
    said.replaceChildren(...(person ? ['Added ', userText(person.name), '.']
      : ['Added ', userText(email), ': nobody has this address yet. Check it for a typo; whoever gets it later is in the audience.']));
    input.value = '';
    input.focus();
  });
  return picker;
}
