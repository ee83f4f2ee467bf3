// What whoever runs a meeting may do to one occurrence still to come, from the occurrence itself:
// move it (another start or length) or cancel it, asked first. An occurrence of a series is moved
// and cancelled through its series, which then keeps the change (its calendar shows it moved or
// cancelled, and the series never makes it again); a lone occurrence through its own address.
import { $, h, act, localInput } from './dom.js';
import { confirmInline } from './admin-prompts.js';
import { api, runs, putInstance, forgetInstance, meetingsChanged, isOpen } from './state.js';
import { backToList } from './instance.js';

/** The address an occurrence is changed or cancelled at: its series' occurrence, or the instance itself. */
export function occurrenceAddress(instance) {
  return instance.seriesId == null ? `/instances/${instance.id}`
    : `/meetings/${instance.meetingId}/series/${instance.seriesId}/occurrences/${instance.recurrenceId}`;
}

/** Shows Move and Cancel to whoever runs {@code meeting} while {@code instance} is still to come. */
export function renderOccurrenceActions(instance, meeting) {
  const shown = Boolean(instance && meeting && instance.status === 'scheduled' && runs(meeting));
  $('occurrence-actions').hidden = !shown;
  if (!shown) $('occurrence-move-form').hidden = true;
}

/** Fills the move form with the open occurrence's start and length and shows it. */
function openMoveForm(instance) {
  $('occurrence-start').value = localInput(new Date(instance.from).getTime());
  $('occurrence-minutes').value = Math.round((new Date(instance.to) - new Date(instance.from)) / 60000);
  $('occurrence-move-form').hidden = false;
  $('occurrence-start').focus();
}

export function wireOccurrenceActions(current) {
  $('occurrence-move').addEventListener('click', () => { if (current()) openMoveForm(current()); });
  $('occurrence-move-cancel').addEventListener('click', () => { $('occurrence-move-form').hidden = true; });
  $('occurrence-move-form').addEventListener('submit', (e) => {
    e.preventDefault();
    const instance = current();
    act($('instance-error'), async () => {
      if (!$('occurrence-start').value) throw new Error('Choose when it starts');
      const from = new Date($('occurrence-start').value); // read in the browser's zone
      const minutes = Number($('occurrence-minutes').value);
      if (!(minutes >= 1)) throw new Error('The length must be at least one minute');
      const to = new Date(from.getTime() + minutes * 60000);
      const moved = await api().request('PUT', occurrenceAddress(instance), { from: from.toISOString(), to: to.toISOString() });
      putInstance(moved);
      $('occurrence-move-form').hidden = true;
      meetingsChanged();
      $('instance-confirm').replaceChildren('Moved. Everyone sees the new time.');
    });
  });
  $('occurrence-cancel').addEventListener('click', () => {
    const instance = current();
    confirmInline($('instance-confirm'), instance.seriesId == null ? 'Cancel this occurrence for everyone?'
      : 'Cancel this occurrence for everyone? The rest of the series stays.', 'Yes, cancel it', () => act($('instance-error'), async () => {
      await api().delete(occurrenceAddress(instance));
      forgetInstance(instance.id);
      if (isOpen(instance.id)) backToList();
      meetingsChanged();
    }));
  });
}
