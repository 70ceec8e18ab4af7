/** One headline figure. */
export interface Stat {
  label: string;
  value: string;
  note?: string;
}

/** Headline figures as a description list (label → value). */
export function StatList({ stats, label }: { stats: readonly Stat[]; label: string }) {
  return (
    <dl className="stats" aria-label={label}>
      {stats.map((stat) => (
        <div className="stat" key={stat.label}>
          <dt>{stat.label}</dt>
          <dd>
            <span className="stat-value">{stat.value}</span>
            {stat.note && <span className="stat-note">{stat.note}</span>}
          </dd>
        </div>
      ))}
    </dl>
  );
}
