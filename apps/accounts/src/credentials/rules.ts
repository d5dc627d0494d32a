import { isRole, ROLES } from '@byline/auth';

const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const EMAIL_MAX = 254;
const NAME_MAX = 100;

/** A rule broken by a value: what to tell the person who typed it. */
export type Problem = string | null;

export function passwordProblem(password: string): Problem {
  if (password.length < PASSWORD_MIN) return `must be at least ${PASSWORD_MIN} characters`;
  if (password.length > PASSWORD_MAX) return `must be at most ${PASSWORD_MAX} characters`;
  return null;
}

export function emailProblem(email: string): Problem {
  if (email.length > EMAIL_MAX) return `must be at most ${EMAIL_MAX} characters`;
  if (!/^[^\s@]+@[^\s@]+$/.test(email)) return 'is not an email address';
  return null;
}

export function nameProblem(name: string): Problem {
  const trimmed = name.trim();
  if (trimmed.length === 0) return 'must not be empty';
  if (trimmed.length > NAME_MAX) return `must be at most ${NAME_MAX} characters`;
  return null;
}

export function roleProblem(role: string): Problem {
  return isRole(role) ? null : `must be one of ${ROLES.join(', ')}`;
}

/** Emails compare without case and surrounding spaces. */
export function normalEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The name shown when none is given: the email's local part. */
export function defaultName(email: string): string {
  return email.split('@')[0] || email;
}
