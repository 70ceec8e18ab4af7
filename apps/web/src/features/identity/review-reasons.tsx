import type { IdentityReview } from '@bitterroot/contracts';
import { formatScore, formatWeight, reasonEffect } from './review-labels.ts';

const EFFECT_TEXT = {
  same: 'points to the same person',
  different: 'points to different people',
  neutral: 'no evidence either way',
} as const;

const EFFECT_CLASS = {
  same: 'severity-info',
  different: 'severity-fatal',
  neutral: 'severity-info',
} as const;

/** The match score and each reason behind it in plain words, with how much it counted. */
export function ReviewReasons({ item }: { item: IdentityReview }) {
  return (
    <section className="panel" aria-labelledby="reasons-heading">
      <h2 id="reasons-heading">
        Why this was held <span className="subtitle">score {formatScore(item.score)} of 1</span>
      </h2>
      <p className="note">
        The score is too high to treat the row as a new student and too low to link it without a person
        checking. Each reason below added to or took from it.
      </p>
      <ul className="reasons">
        {item.reasons.map((r, index) => {
          const effect = reasonEffect(r.weight);
          return (
            <li key={`${r.code}-${index}`}>
              <span className="reason-text">{capitalise(r.text)}</span>{' '}
              <span className={`severity ${EFFECT_CLASS[effect]}`}>
                {formatWeight(r.weight)} · {EFFECT_TEXT[effect]}
              </span>
            </li>
          );
        })}
      </ul>
    </section>
  );
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
