import type { TemplateCodeSet } from '@bitterroot/contracts';
import { ProvisionalMark } from './provisional-mark.tsx';

// Up to this many codes show in full; longer lists fold so the fields table stays scannable.
const SHOWN_IN_FULL = 6;

function Codes({ set }: { set: TemplateCodeSet }) {
  return (
    <ul className="code-list">
      {set.codes.map((c) => (
        <li key={c.code}>
          <code>{c.code}</code> {c.label}
          {c.retired && <span className="note"> (retired)</span>}{' '}
          <ProvisionalMark provisional={c.provisional} decision={c.decision} />
        </li>
      ))}
    </ul>
  );
}

/** A column's allowed codes with labels; long lists are collapsed behind their name and count. */
export function CodeList({ set }: { set: TemplateCodeSet }) {
  if (set.codes.length <= SHOWN_IN_FULL) {
    return (
      <div className="code-set">
        <span className="note">{set.name}</span>
        <Codes set={set} />
      </div>
    );
  }
  return (
    <details className="code-set">
      <summary>
        {set.name}: {set.codes.length} codes
      </summary>
      <Codes set={set} />
    </details>
  );
}
