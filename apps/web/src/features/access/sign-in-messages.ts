import type { Problem } from '@bitterroot/contracts';

/** What the sign-in form says after a refusal: a short title and what to do next. */
export interface SignInMessage {
  title: string;
  detail: string;
}

/**
 * Plain words for the sign-in refusals (the server's detail adds the wait time where it has one). The
 * wording never says which of e-mail or password was wrong: that would tell an attacker which e-mails exist.
 */
export function signInMessage(problem: Problem): SignInMessage {
  switch (problem.status) {
    case 401:
      return {
        title: 'Sign-in failed',
        detail: 'The e-mail or password is wrong. Check both and try again.',
      };
    case 423:
      return {
        title: 'Account locked',
        detail:
          problem.detail ??
          'Too many failed attempts: try again later or reset your password with the link below.',
      };
    case 429:
      return { title: 'Too many attempts', detail: problem.detail ?? 'Wait a few minutes and try again.' };
    default:
      return { title: problem.title, detail: problem.detail ?? 'Sign-in did not work. Try again.' };
  }
}
