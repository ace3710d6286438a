import type { MessageKey } from './i18n/messages.js';

/**
 * The few kinds of error the app raises on purpose. Each carries an HTTP status and the catalogue key of the
 * message a user sees; the one error handler (src/shared/http/error-handler.tsx) turns them into pages or
 * problem+json. Fastify's own refusals (CSRF, 405, 413, 415) it recognises by their code or status; anything
 * else is a 500 with an error id.
 */
export abstract class AppError extends Error {
  abstract readonly status: number;
  abstract readonly messageKey: MessageKey;
  constructor(message?: string) {
    super(message);
    // Logged as the error's code: "NotFound", "TooMany", …
    this.name = new.target.name;
  }
}

/** Its message is shown to API clients as the problem's detail: write it for them, never with user input. */
export class BadRequest extends AppError {
  readonly status = 400;
  readonly messageKey = 'error.400.text';
}

/** Also used for resources the actor may not see, so their existence is not revealed. */
export class NotFound extends AppError {
  readonly status = 404;
  readonly messageKey = 'error.404.text';
}

export class TooMany extends AppError {
  readonly status = 429;
  readonly messageKey = 'error.429.text';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests');
  }
}

/**
 * One field's problem in a form: the field name and the catalogue key of its message. A form with problems is
 * not an error to throw: parseForm (src/shared/http/forms.ts) returns them and the handler draws the page again.
 */
export interface FieldError {
  field: string;
  messageKey: MessageKey;
}
