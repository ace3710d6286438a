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
}: {
  ctx: PageContext;
  action: string;
  label: string;
  look?: keyof typeof buttonClass;
}) {
  return (
    <form method="post" action={action} class="app-inline-form">
      <CsrfField ctx={ctx} />
      <button class={buttonClass[look]} type="submit">
        {label}
      </button>
    </form>
  );
}
