import type { BudgetUnitAnbBody } from '@bitterroot/contracts';
import { StatList } from '../../components/stat-list.tsx';
import { unitTotals, formulaText } from './anb-summary.ts';
import { BUDGET_UNIT_LABELS, formatAnb, formatWeight } from './funding-format.ts';

/** Props of AnbUnits. */
export interface AnbUnitsProps {
  units: readonly BudgetUnitAnbBody[];
  pirDays: number;
}

/** A district's headline counts, its ANB per budget unit and the formula with the district's numbers. */
export function AnbUnits({ units, pirDays }: AnbUnitsProps) {
  const totals = unitTotals(units);
  const pirUsed = units[0]?.pirDaysUsed ?? Math.min(pirDays, 7);
  return (
    <section className="panel" aria-labelledby="anb-units-heading">
      <h2 id="anb-units-heading">District ANB</h2>
      <StatList
        label="District ANB"
        stats={[
          { label: 'Fall count', value: formatWeight(totals.fall), note: 'all budget units' },
          { label: 'Spring count', value: formatWeight(totals.spring), note: 'all budget units' },
          {
            label: 'PIR days used',
            value: String(pirUsed),
            note: pirUsed < pirDays ? `${pirDays} asked, at most 7` : 'approved days, at most 7',
          },
          { label: 'District ANB', value: formatAnb(totals.anb), note: 'sum of the budget units' },
        ]}
      />
      <p>
        <strong>Formula</strong> (MCA 20-9-311): ANB = (fall count + spring count) ÷ 2 × (180 + PIR days) ÷
        180, for each budget unit; the PIR days are capped at 7.
      </p>
      {units.length === 0 ? (
        <p className="notice">No student is counted in either count.</p>
      ) : (
        <div className="table-scroll">
          <table className="data-table">
            <caption>ANB per budget unit</caption>
            <thead>
              <tr>
                <th scope="col">Budget unit</th>
                <th scope="col" className="numeric">
                  Fall
                </th>
                <th scope="col" className="numeric">
                  Spring
                </th>
                <th scope="col" className="numeric">
                  ESA fall / spring
                </th>
                <th scope="col" className="numeric">
                  ANB
                </th>
                <th scope="col">Formula</th>
              </tr>
            </thead>
            <tbody>
              {units.map((u) => (
                <tr key={u.budgetUnit}>
                  <th scope="row">{BUDGET_UNIT_LABELS[u.budgetUnit]}</th>
                  <td className="numeric">{formatWeight(u.fall)}</td>
                  <td className="numeric">{formatWeight(u.spring)}</td>
                  <td className="numeric">
                    {formatWeight(u.esaFall)} / {formatWeight(u.esaSpring)}
                  </td>
                  <td className="numeric">{formatAnb(u.anbRounded)}</td>
                  <td>
                    <code>{formulaText(u)}</code>
                    <details>
                      <summary>Steps</summary>
                      <ol>
                        {u.explanation.map((step) => (
                          <li key={step}>{step}</li>
                        ))}
                      </ol>
                    </details>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
