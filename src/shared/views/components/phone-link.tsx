/**
 * A phone number as a tap-to-call link; the tel: form drops the dashes that help people read it. A bare number
 * is isolated left to right, so in Arabic text "020-261 52 75" keeps its digit groups in order.
 */
export function PhoneLink({ number, label }: { number: string; label?: string }) {
  return (
    <a
      class={label === undefined ? 'app-phone' : 'app-phone app-phone--labelled'}
      href={`tel:${number.replace(/[^\d+]/g, '')}`}
      dir={label === undefined ? 'ltr' : undefined}
    >
      {label ?? number}
    </a>
  );
}

/** The three lines on every page; the same numbers as nationalLines (tested in national-lines.test.ts). */
export const emergencyNumbers = {
  emergency: '112',
  police: '0900-8844',
  veiligThuis: '0800-2000',
} as const;
