import type { PageContext } from '../context.js';
import { CsrfField } from './csrf-field.js';

const buttonClass = {
  primary: 'app-button',
  secondary: 'app-button app-button--secondary',
  danger: 'app-button app-button--danger',
} as const;

/** A one-button form (approve, withdraw, remove …) that works without JavaScript. */
export function ActionForm({
  ctx,
  action,
  label,
  look = 'primary',
  hidden = {},
}: {
  ctx: PageContext;
  action: string;
  label: string;
  look?: keyof typeof buttonClass;
  /** Hidden fields the action needs besides the CSRF token (ids only: nothing sensitive goes in a form). */
  hidden?: Readonly<Record<string, string>>;
}) {
  return (
    <form method="post" action={action} class="app-inline-form">
      <CsrfField ctx={ctx} />
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <button class={buttonClass[look]} type="submit">
        {label}
      </button>
    </form>
  );
}
