import { Loading } from '../components/loading.tsx';
import { isForbidden, NotAllowed } from '../components/not-allowed.tsx';
import { ProblemAlert } from '../components/problem-alert.tsx';
import { useKeptResource } from '../features/collections/use-kept-resource.ts';
import { getCohorts, listModels } from '../features/early-warning/ews-api.ts';
import { ModelsSection } from '../features/early-warning/models-section.tsx';
import { PRODUCT_NAME } from '../lib/state.ts';
import { useResource } from '../lib/use-resource.ts';

/** State data staff: train candidate models per grade, compare on model cards, promote, run statewide scoring. */
export function EarlyWarningPage() {
  const [cohorts, reloadCohorts] = useResource('ews:cohorts', (signal) => getCohorts(signal));
  // Kept while reloading after train or promote, so the form stays on screen with its message.
  const [models, reloadModels] = useKeptResource('ews:models', (signal) => listModels(signal));
  if (cohorts.status === 'error' && isForbidden(cohorts.problem))
    return <NotAllowed problem={cohorts.problem} what="early-warning models" />;
  return (
    <>
      <title>{`Early warning · ${PRODUCT_NAME}`}</title>
      <h1>Early Warning System</h1>
      <p>
        One dropout-risk model per grade (6–12), trained on past school years and tested on a later year it
        never saw. Promote a candidate only when its model card shows it is accurate and fair enough.
      </p>
      {(cohorts.status === 'loading' || models.status === 'loading') && <Loading what="the models" />}
      {cohorts.status === 'error' && (
        <ProblemAlert
          context="Could not load the school years"
          problem={cohorts.problem}
          onRetry={reloadCohorts}
        />
      )}
      {models.status === 'error' && (
        <ProblemAlert context="Could not load the models" problem={models.problem} onRetry={reloadModels} />
      )}
      {cohorts.status === 'ok' && models.status === 'ok' && (
        <ModelsSection cohorts={cohorts.data} models={models.data} onChange={reloadModels} />
      )}
    </>
  );
}
