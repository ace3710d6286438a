// A minimal browser for tests over real HTTP (through nginx or straight to an instance): a cookie jar, the CSRF
// token of the last form page, urlencoded and multipart form posts, no redirects followed. Each request opens its
// own connection (no keep-alive), so a request never lands on a connection a proxy is about to close.
// Not a test file itself: it must not end in .test.ts.

import { randomBytes } from 'node:crypto';
import http from 'node:http';

export interface HttpResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
  text: string;
}

export interface FilePart {
  filename: string;
  contentType: string;
  data: Buffer;
}

export type FormFields = Record<string, string | FilePart | undefined>;

/** One request on a new connection; rejects only when no HTTP answer came (refused, reset, timeout). */
export function httpRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: Buffer; timeoutMs?: number } = {},
): Promise<HttpResponse> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: options.method ?? 'GET', headers: options.headers, agent: false, timeout: options.timeoutMs ?? 60_000 },
      (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (chunk: Buffer) => chunks.push(chunk));
        response.on('error', reject);
        response.on('end', () => {
          const body = Buffer.concat(chunks);
          resolve({ status: response.statusCode ?? 0, headers: response.headers, body, text: body.toString('utf8') });
        });
      },
    );
    request.on('timeout', () => request.destroy(new Error(`${options.method ?? 'GET'} ${url}: no answer in time`)));
    request.on('error', reject);
    request.end(options.body);
  });
}

/** A multipart/form-data body of these fields (files as FilePart), as a browser sends a form with files. */
export function multipart(fields: FormFields): { body: Buffer; contentType: string } {
  const boundary = `----nmk${randomBytes(12).toString('hex')}`;
  const parts: Buffer[] = [];
  for (const [name, value] of Object.entries(fields)) {
    if (value === undefined) continue;
    if (typeof value === 'string') {
      parts.push(Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
    } else {
      parts.push(
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${value.filename}"\r\n` +
            `Content-Type: ${value.contentType}\r\n\r\n`,
        ),
        value.data,
        Buffer.from('\r\n'),
      );
    }
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: Buffer.concat(parts), contentType: `multipart/form-data; boundary=${boundary}` };
}

/** A browser's state across requests: cookies and the CSRF token of the last page that had a form. */
export class HttpBrowser {
  readonly cookies = new Map<string, string>();
  csrf: string | undefined;

  constructor(public baseUrl: string) {}

  async request(
    method: string,
    path: string,
    options: { headers?: Record<string, string>; body?: Buffer } = {},
  ): Promise<HttpResponse> {
    const cookie = [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
    const response = await httpRequest(new URL(path, this.baseUrl).toString(), {
      method,
      headers: { ...(cookie === '' ? {} : { cookie }), ...options.headers },
      ...(options.body !== undefined && { body: options.body }),
    });
    for (const line of [response.headers['set-cookie'] ?? []].flat()) {
      const pair = line.split(';')[0] ?? '';
      const separator = pair.indexOf('=');
      if (separator <= 0) continue;
      const name = pair.slice(0, separator);
      const value = pair.slice(separator + 1);
      if (value === '' || /max-age=0|expires=thu, 01 jan 1970/i.test(line)) this.cookies.delete(name);
      else this.cookies.set(name, value);
    }
    const token = /name="_csrf" value="([^"]+)"/.exec(response.text)?.[1];
    if (token !== undefined) this.csrf = token;
    return response;
  }

  get(path: string): Promise<HttpResponse> {
    return this.request('GET', path);
  }

  /** A form POST with the CSRF token of the last form page (fetched from `tokenFrom` first when given). */
  async post(path: string, fields: FormFields, options: { tokenFrom?: string; multipart?: boolean } = {}) {
    if (options.tokenFrom !== undefined) await this.get(options.tokenFrom);
    const all: FormFields = { ...(this.csrf !== undefined && { _csrf: this.csrf }), ...fields };
    const useMultipart = options.multipart ?? Object.values(all).some((value) => typeof value === 'object');
    if (useMultipart) {
      const { body, contentType } = multipart(all);
      return this.request('POST', path, { headers: { 'content-type': contentType }, body });
    }
    const body = new URLSearchParams(
      Object.entries(all).flatMap(([name, value]) => (typeof value === 'string' ? [[name, value]] : [])),
    ).toString();
    return this.request('POST', path, {
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: Buffer.from(body),
    });
  }
}

/** The check form's answers read from its HTML: "nee" where it is offered, else the first choice; hidden fields too. */
export function calmCheckAnswers(html: string): Record<string, string> {
  const answers: Record<string, string> = {};
  for (const [input] of html.matchAll(/<input\b[^>]*>/g)) {
    const name = /\bname="([^"]+)"/.exec(input)?.[1];
    const value = /\bvalue="([^"]*)"/.exec(input)?.[1];
    if (name === undefined || value === undefined || name === '_csrf') continue;
    if (/type="hidden"/.test(input)) answers[name] = value;
    else if (/type="radio"/.test(input) && (answers[name] === undefined || value === 'nee')) answers[name] = value;
  }
  return answers;
}
