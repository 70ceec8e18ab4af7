import { Link, useParams } from 'react-router';
import { Loading } from '../components/loading.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { getComparison, getModelCard } from '../features/early-warning/ews-api.ts';
import { score3 } from '../features/early-warning/ews-format.ts';
import { ModelCard } from '../features/early-warning/model-card.tsx';
import { holds, useSignedInSession } from '../lib/session.ts';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** A model's card; state data staff also see it against the grade's current model on the same test year. */
export function EarlyWarningModelPage() {
  const id = Number(useParams().modelId);
  const session = useSignedInSession();
  const manages = holds(session, 'ews:manage');
  const [card, reload] = useResource(`ews:model:${id}`, (signal) => getModelCard(id, signal));
  const [cmp] = useResource(`ews:cmp:${id}:${manages}`, (signal) =>
    manages ? getComparison(id, signal) : Promise.resolve(null),
  );
  return (
    <>
      <title>{`Model card · ${PRODUCT_NAME}`}</title>
      {manages && (
        <p className="back">
          <Link to="/early-warning">← Early warning models</Link>
        </p>
      )}
      {card.status === 'loading' && <Loading what="the model card" />}
      {card.status === 'error' && (
        <ProblemAlert context="Could not load the model card" problem={card.problem} onRetry={reload} />
      )}
      {card.status === 'ok' && (
        <>
          <h1>
            Model card{' '}
            <span className="subtitle">{`Grade ${card.data.grade} · version ${card.data.version} · ${card.data.status}`}</span>
          </h1>
          {cmp.status === 'ok' && cmp.data && (
            <p className="notice" role="status">
              {cmp.data.current && cmp.data.currentOnTest
                ? `On ${card.data.test.year}: this model AUC ${score3(cmp.data.candidateOnTest.auc?.auc)}, current model (version ${cmp.data.current.version}) AUC ${score3(cmp.data.currentOnTest.auc?.auc)}.`
                : `Grade ${card.data.grade} has no other current model to compare with.`}
            </p>
          )}
          <ModelCard card={card.data} />
        </>
      )}
    </>
  );
}
