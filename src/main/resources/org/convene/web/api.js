// The console's only way to the server: the public REST API, with the signed-in token.
// Every refusal arrives as application/problem+json; it becomes an ApiError carrying the
// server's own message, so the console shows what the server said, not a generic failure.

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem.detail || problem.title || `The server answered ${status}`);
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
