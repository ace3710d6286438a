import type { MessageKey } from './i18n/messages.js';

/**
 * The few kinds of error the app raises on purpose. Each carries an HTTP status and the catalogue key of the
 * message a user sees; the one error handler (src/shared/http/error-handler.tsx) turns them into pages or
 * problem+json. Anything else is a 500 with an error id.
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

export class Forbidden extends AppError {
  readonly status = 403;
  readonly messageKey = 'error.403.text';
}

/** A form arrived without a valid CSRF token: usually a page left open too long, or a cleared cookie. */
export class FormExpired extends AppError {
  readonly status = 403;
  readonly messageKey = 'error.csrf.text';
}

/** Also used for resources the actor may not see, so their existence is not revealed. */
export class NotFound extends AppError {
  readonly status = 404;
  readonly messageKey = 'error.404.text';
}

export class MethodNotAllowed extends AppError {
  readonly status = 405;
  readonly messageKey = 'error.405.text';
  constructor(readonly allowed: readonly string[]) {
    super('Method not allowed');
  }
}

export class Conflict extends AppError {
  readonly status = 409;
  readonly messageKey = 'error.409.text';
}

export class PayloadTooLarge extends AppError {
  readonly status = 413;
  readonly messageKey = 'error.413.text';
}

export class UnsupportedMediaType extends AppError {
  readonly status = 415;
  readonly messageKey = 'error.415.text';
}

export class TooMany extends AppError {
  readonly status = 429;
  readonly messageKey = 'error.429.text';
  constructor(readonly retryAfterSeconds: number) {
    super('Too many requests');
  }
}

/** One field's problem in a form: the field name and the catalogue key of its message. */
export interface FieldError {
  field: string;
  messageKey: MessageKey;
}

/** A form or query did not validate; handlers usually render the form again instead of throwing this. */
export class ValidationFailed extends AppError {
  readonly status = 400;
  readonly messageKey = 'error.400.text';
  constructor(readonly fields: readonly FieldError[]) {
    super('Validation failed');
  }
}
