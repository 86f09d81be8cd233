import { EmptyState } from '@backstage/core-components';
import { Button } from '@material-ui/core';

/** No evaluation has run yet: say when one will, and offer to run one now. */
export function ComplianceEmptyState(props: {
  canEvaluate: boolean;
  evaluating: boolean;
  onEvaluate: () => void;
}) {
  const { canEvaluate, evaluating, onEvaluate } = props;
  return (
    <EmptyState
      missing="data"
      title="No compliance evaluation yet"
      description={`Every service in the catalog is evaluated against the HIPAA-mapped controls on a schedule (every 15 minutes by default, starting a minute after the backend starts). Results appear here after the first run.${
        canEvaluate
          ? ''
          : ' Compliance officers and the platform team can also start one on demand.'
      }`}
      action={
        canEvaluate ? (
          <Button
            variant="contained"
            color="primary"
            disabled={evaluating}
            onClick={onEvaluate}
          >
            {evaluating ? 'Evaluating…' : 'Evaluate now'}
          </Button>
        ) : undefined
      }
    />
  );
}
