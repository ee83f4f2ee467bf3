// A server-sent event stream that survives dropped connections. The browser's EventSource would
// reconnect by itself, but silently and with no way to tell "reconnecting" from "gone for good";
// this class reconnects itself, resuming from the last event id it saw (the server then sends
// exactly what was missed), and reports its state so that the console can show it.

const KINDS = ['scheduled', 'activated', 'ended', 'deleted', 'reminder', 'join_meeting', 'leave_meeting', 'timeout', 'chat',
  // what hosts do (see host-controls.js)
  'participant_removed', 'participant_banned', 'participant_unbanned', 'message_deleted', 'chat_cleared',
  'options_changed', 'role_changed', 'owner_transferred',
  // the lobby (see lobby.js): to the hosts, and to the person it is about
  'lobby_waiting', 'lobby_admitted', 'lobby_denied', 'lobby_left', 'lobby_closed'];

export class LiveStream {
  /**
   * path: the stream's path; token: the bearer token; onEntry(kind, data): each entry in order;
   * onState('connecting' | 'live' | 'reconnecting' | 'closed', detail); stillThere(): resolves to a
   * message when the stream can no longer be had (a 403 or 404), or null to keep trying.
   */
  constructor(path, token, { onEntry, onState, stillThere }) {
    Object.assign(this, { path, token, onEntry, onState, stillThere });
    this.lastId = null;
    this.delay = 500;
    this.stopped = false;
    this.open('connecting');
  }

  open(state) {
    this.onState(state);
    // A console session's cookie goes with the stream by itself; a token has to be in the address.
    const query = new URLSearchParams(this.token ? { access_token: this.token } : {});
    if (this.lastId) query.set('lastEventId', this.lastId);
    const source = new EventSource(`${this.path}${this.path.includes('?') ? '&' : '?'}${query}`);
    this.source = source;
    source.onopen = () => {
      this.delay = 500;
      this.onState('live');
    };
    for (const kind of KINDS) {
      source.addEventListener(kind, (event) => {
        if (this.source !== source) return;
        this.lastId = event.lastEventId || this.lastId;
        this.onEntry(kind, JSON.parse(event.data));
      });
    }
    source.onerror = () => this.lost(source);
  }

  async lost(source) {
    source.close();
    if (this.stopped || this.source !== source) return;
    this.source = null;
    this.onState('reconnecting');
    const gone = await this.stillThere().catch(() => null);
    if (this.stopped) return;
    if (gone) {
      this.stopped = true;
      this.onState('closed', gone);
      return;
    }
    this.timer = setTimeout(() => this.open('reconnecting'), this.delay);
    this.delay = Math.min(this.delay * 2, 8000);
  }

  close() {
    this.stopped = true;
    clearTimeout(this.timer);
    if (this.source) this.source.close();
    this.source = null;
  }
}
