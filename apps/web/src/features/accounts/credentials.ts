/** Longest email accepted (RFC 5321's path limit). */
export const MAX_EMAIL_LENGTH = 254;
/** Shortest password accepted at sign-up (NIST SP 800-63B). */
export const MIN_PASSWORD_LENGTH = 8;
/** Longest password accepted; long enough for any passphrase or manager. */
export const MAX_PASSWORD_LENGTH = 1024;

// One @, something on each side, a dot in the domain, no spaces or angle brackets.
const EMAIL_SHAPE = /^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/;

/** Emails compare trimmed and lower-cased, so `Ann@X.com ` and `ann@x.com` are one account. */
export function normaliseEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** What is wrong with a sign-up form, in words for the person; empty when nothing. */
export function signUpProblems(email: string, password: string): string[] {
  const problems: string[] = [];
  if (!EMAIL_SHAPE.test(email) || email.length > MAX_EMAIL_LENGTH)
    problems.push('Enter a valid email address.');
  if ([...password].length < MIN_PASSWORD_LENGTH)
    problems.push(`Choose a password of at least ${MIN_PASSWORD_LENGTH} characters.`);
  if (password.length > MAX_PASSWORD_LENGTH)
    problems.push(`Choose a password of at most ${MAX_PASSWORD_LENGTH} characters.`);
  return problems;
}

/** Whether a sign-in form is worth checking at all (both fields present, sane lengths). */
export function signInFilled(email: string, password: string): boolean {
  return (
    email.length > 0 &&
    email.length <= MAX_EMAIL_LENGTH &&
    password.length > 0 &&
    password.length <= MAX_PASSWORD_LENGTH
  );
}
