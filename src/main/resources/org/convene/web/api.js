// The console's only way to the server: the public REST API, with the signed-in token.
// Every refusal arrives as application/problem+json; it becomes an ApiError carrying the
// server's own message, so the console shows what the server said, not a generic failure;
// where the API keeps the seed's words or a field's name for programs ("Meeting instance is not
// active", "to must be after from"), the console says the same in the words people use.

/** The refusals whose API words are not people's, by the last part of their problem type. */
const PEOPLES_WORDS = {
  'not-active': 'This meeting is not live now.',
  'instance-full': 'This meeting is full: nobody more may be inside at once.',
  overlap: 'That time overlaps another occurrence of this meeting.',
  'instance-started': 'This occurrence has started: only its end can still be moved.',
  'instance-ended': 'This occurrence has ended and cannot be changed.',
  'already-in': 'You are in this meeting already.',
};

/** A refusal's detail as people would say it: the table above, and the windows' field names in words. */
function peoplesWords(problem) {
  const kind = (problem.type || '').replace(/.*[/:]/, ''); // urn:convene:problem:not-active -> not-active
  if (PEOPLES_WORDS[kind]) return PEOPLES_WORDS[kind];
  return (problem.detail || '')
    .replace(/^to must be after from\b.*$/, 'The end must be after the start.')
    .replace(/^the end \(to\) must be in the future$/, 'The end must be in the future.');
}

export class ApiError extends Error {
  constructor(status, problem) {
    super(peoplesWords(problem) || problem.title || `The server answered ${status}`);
    this.status = status;
    this.type = problem.type || '';
  }
}

export class Api {
  constructor(token) {
    this.token = token;
  }

  async request(method, path, body, headers = {}) {
    const init = { method, headers: { Accept: 'application/json', ...this.credentials(), ...headers } };
    if (body !== undefined) {
      init.headers['Content-Type'] = 'application/json';
      init.body = JSON.stringify(body);
    }
    let response;
    try {
      response = await fetch(path, init);
    } catch (e) {
      throw new ApiError(0, { detail: 'The server cannot be reached; check your connection and try again' });
    }
    if (response.status === 204) return null;
    const type = response.headers.get('Content-Type') || '';
    const data = type.includes('json') ? await response.json() : null;
    if (!response.ok) throw new ApiError(response.status, data || {});
    return data;
  }

  /** The bearer token's header; none for a console session, whose HttpOnly cookie the browser sends itself. */
  credentials() {
    return this.token ? { Authorization: `Bearer ${this.token}` } : {};
  }

  get(path) { return this.request('GET', path); }

  /** A representation other than JSON (such as text/csv), as a Blob; a refusal still becomes an ApiError. */
  async blob(path, accept) {
    const response = await fetch(path, { headers: { Accept: accept, ...this.credentials() } });
    if (!response.ok) {
      const type = response.headers.get('Content-Type') || '';
      throw new ApiError(response.status, type.includes('json') ? await response.json() : {});
    }
    return response.blob();
  }
  post(path, body, headers) { return this.request('POST', path, body, headers); }
  delete(path) { return this.request('DELETE', path); }

  /** Every page of a list that pages with ?after=<id>, as one array. */
  async all(path) {
    const items = [];
    for (let after = 0; ;) {
      const page = await this.get(`${path}?after=${after}&limit=1000`);
      items.push(...page);
      if (page.length < 1000) return items;
      after = page[page.length - 1].id;
    }
  }
}
