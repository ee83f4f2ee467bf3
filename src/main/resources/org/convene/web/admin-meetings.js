// The administration's meetings: each listed with its instances, edited in place or deleted (as is
// any of its instances, asked twice), and a form that creates one with its audience, capacity,
// presence and reminder. The list is drawn from the shared state, again whenever the meetings or
// instances change while the administration is shown.
import { $, h, act, windowText, userText } from './dom.js';
import { confirmInline, onSubmit } from './admin-prompts.js';
import {
  api, runList, instanceList, putMeeting, forgetMeeting, forgetInstance, showingAdmin, onMeetingsChanged, meetingsChanged,
} from './state.js';

export function renderAdminMeetings() {
  $('admin-meeting-list').replaceChildren(...runList().map((m) => {
    const error = h('p', { class: 'error', role: 'alert' });
    const instances = instanceList().filter((i) => i.meetingId === m.id).sort((a, b) => a.from.localeCompare(b.from));
    const li = h('li', { 'data-admin-meeting': m.id }, h('span', { class: 'meeting-title' }, m.title), ' ',
      h('span', { class: 'badge' }, m.isPublic ? 'public' : 'private'), ' ', h('span', { class: 'hint' }, `#${m.id}`), ' ');
    // Delete only where it can succeed: a meeting with occurrences keeps them (and their history), so it stays.
    li.append(h('span', { class: 'row-actions' },
      h('button', { type: 'button', class: 'quiet small', 'data-edit-meeting': m.id, onclick: () => editMeeting(li, m, error) }, 'Edit'),
      instances.length > 0 ? h('span', { class: 'hint', 'data-undeletable-meeting': m.id }, 'Has occurrences, so it stays')
        : h('button', { type: 'button', class: 'danger small', 'data-delete-meeting': m.id, onclick: () => confirmInline(li,
          ['Delete ', userText(m.title), '?'], 'Yes, delete', () => act(error, async () => {
            await api().delete(`/meetings/${m.id}`);
            forgetMeeting(m.id);
            meetingsChanged();
          })) }, 'Delete')), error);
    li.append(h('ul', { class: 'admin-instances' }, instances.map((i) => {
      const row = h('li', { 'data-admin-instance': i.id }, `#${i.id} · ${windowText(i.from, i.to)} · ${i.status} `);
      // Only one still to come can go: one that is live or ran keeps its history.
      if (i.status !== 'scheduled') return row;
      row.append(h('button', { type: 'button', class: 'danger small', 'data-delete-instance': i.id, onclick: () => confirmInline(row,
        `Delete occurrence #${i.id}?`, 'Yes, delete', () => act(error, async () => {
          await api().delete(`/instances/${i.id}`);
          forgetInstance(i.id);
          meetingsChanged();
        })) }, 'Delete'));
      return row;
    })));
    return li;
  }));
}

function editMeeting(li, m, error) {
  li.querySelector('form')?.remove();
  const id = (n) => `edit-meeting-${m.id}-${n}`;
  const audience = h('textarea', { id: id('audience'), name: 'audience', rows: 3 });
  audience.value = (m.audience || []).join('\n');
  const isPublic = h('input', { id: id('public'), name: 'isPublic', type: 'checkbox', checked: m.isPublic });
  const form = h('form', { class: 'form inline-form' },
    h('label', { for: id('title') }, 'Title'), h('input', { id: id('title'), name: 'title', value: m.title, required: true }),
    h('label', { for: id('description') }, 'Description'), h('input', { id: id('description'), name: 'description', value: m.description || '' }),
    h('div', { class: 'check' }, isPublic, h('label', { for: id('public') }, 'Public')),
    h('label', { for: id('audience') }, 'Audience (e-mails, one per line)'), audience,
    h('div', { class: 'actions' }, h('button', { type: 'submit' }, 'Save'),
      h('button', { type: 'button', class: 'quiet', onclick: () => form.remove() }, 'Cancel')));
  form.addEventListener('submit', (e) => {
    e.preventDefault();
    act(error, async () => {
      // A patch: what the form does not show (capacity, presence, reminder, options) stays as it is.
      const saved = await api().request('PATCH', `/meetings/${m.id}`, {
        title: form.elements.title.value, description: form.elements.description.value, isPublic: isPublic.checked,
        audience: isPublic.checked ? [] : audience.value.split(/[\s,;]+/).filter(Boolean),
      });
      putMeeting(saved);
      meetingsChanged();
      const note = h('p', { class: 'warning', role: 'status' });
      li.querySelector('.warning')?.remove();
      if (warnOfUnknown(note, saved, true)) li.append(note);
    });
  });
  li.append(form);
  form.elements.title.focus();
}

/**
 * Says which audience addresses belong to nobody yet (a typo, or someone not invited to Convene yet): the save went
 * through, and such a person can still be given an account later. Returns whether there was anything to say.
 */
function warnOfUnknown(element, meeting, alone = false) {
  const unknown = meeting.audienceWithoutUser || [];
  if (unknown.length === 0) return false;
  element.append(alone ? '' : ' ', h('span', { class: 'warning-text', 'data-unknown-audience': unknown.join(',') },
    unknown.length === 1 ? 'Nobody has the address ' : 'Nobody has these addresses yet: ',
    ...unknown.flatMap((a, i) => [i > 0 ? ', ' : '', userText(a)]),
    unknown.length === 1 ? ' yet. Check it for a typo; whoever gets it later is in the audience.'
      : '. Check them for typos; whoever gets one later is in the audience.'));
  return true;
}

export function wireMeetingsAdmin() {
  onMeetingsChanged(() => { if (showingAdmin()) renderAdminMeetings(); });
  $('meeting-public').addEventListener('change', () => { $('meeting-audience').disabled = $('meeting-public').checked; });
  onSubmit('meeting-form', 'meeting-result', 'meeting-error', async (result, form) => {
    const isPublic = $('meeting-public').checked;
    const audience = isPublic ? [] : $('meeting-audience').value.split(/[\s,;]+/).filter(Boolean);
    const capacity = $('meeting-capacity').value ? Number($('meeting-capacity').value) : undefined;
    const lease = $('meeting-presence').value ? Number($('meeting-presence').value) : undefined;
    const reminderMinutes = $('meeting-reminder').value ? Number($('meeting-reminder').value) : undefined;
    const meeting = await api().post('/meetings', {
      title: $('meeting-title').value, description: $('meeting-description').value, isPublic, audience,
      capacity, presence: lease ? { leaseSeconds: lease, graceSeconds: Number($('meeting-grace').value || 0) } : undefined,
      reminderMinutes,
    });
    form.reset();
    $('meeting-audience').disabled = true;
    putMeeting(meeting);
    meetingsChanged();
    $('instance-meeting').value = meeting.id;
    result.replaceChildren('Created meeting ', userText(meeting.title), ` (#${meeting.id}).`);
    warnOfUnknown(result, meeting);
  });
}
