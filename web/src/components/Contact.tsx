/**
 * Phone numbers and e-mail addresses as links a phone can call or write to (tel:, mailto:). A long
 * address may wrap after the @ and before a dot, never in the middle of a word.
 */
import { Fragment } from 'react';
import { Link } from '@utrecht/component-library-react';

/** tel: wants the digits (and a leading +) only: "010-123 45 67" becomes tel:0101234567. */
export function telHref(phone: string): string {
  return `tel:${phone.trim().replace(/(?!^\+)[^\d]/g, '')}`;
}

/** The address with break opportunities after "@" and before each "." (no visible change). */
function breakable(email: string) {
  const [local, domain] = email.split('@');
  if (domain === undefined) return email;
  const parts = domain.split('.');
  return (
    <>
      {local}@<wbr />
      {parts.map((p, i) => <Fragment key={i}>{i > 0 && <><wbr />.</>}{p}</Fragment>)}
    </>
  );
}

export function EmailLink({ email }: { email: string }) {
  return <Link href={`mailto:${email.trim()}`}>{breakable(email.trim())}</Link>;
}

export function PhoneLink({ phone }: { phone: string }) {
  return <Link href={telHref(phone)}>{phone}</Link>;
}

/** Phone and e-mail side by side, or a dash when there is neither. */
export function ContactLinks({ phone, email, empty = '—' }: { phone?: string | null; email?: string | null; empty?: string }) {
  if (!phone && !email) return <>{empty}</>;
  return (
    <>
      {phone && <PhoneLink phone={phone} />}
      {phone && email && ' · '}
      {email && <EmailLink email={email} />}
    </>
  );
}
