/** Marks a value the spec leaves open, naming the decision record that explains our choice. */
export function ProvisionalMark({
  provisional,
  decision,
}: {
  provisional: boolean;
  decision: string | null;
}) {
  if (!provisional) return null;
  return (
    <span className="provisional" title="Our reading where the specification has a gap; may change">
      provisional
      {decision !== null && (
        <>
          {' '}
          · <span>decision {decision}</span>
        </>
      )}
    </span>
  );
}
