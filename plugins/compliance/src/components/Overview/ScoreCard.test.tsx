import { renderInTestApp } from '@backstage/frontend-test-utils';
import { screen } from '@testing-library/react';
import { anEvaluation } from '../../__fixtures__/builders';
import { ScoreCard } from './ScoreCard';

describe('ScoreCard', () => {
  it('hides evaluate now from those without compliance.evaluate', async () => {
    await renderInTestApp(
      <ScoreCard
        score={null}
        evaluation={anEvaluation()}
        canEvaluate={false}
        evaluating={false}
        onEvaluate={() => {}}
      />,
    );
    expect(screen.getByLabelText('Overall score n/a')).toBeInTheDocument();
    expect(screen.getByText(/2026-11-24 08:00 UTC/)).toBeInTheDocument();
    expect(
      screen.queryByRole('button', { name: 'Evaluate now' }),
    ).not.toBeInTheDocument();
  });
});

describe('ScoreCard with partial fleet data', () => {
  it('says which clusters had not synced', async () => {
    await renderInTestApp(
      <ScoreCard
        score={0.9}
        evaluation={{
          ...anEvaluation(),
          partialSources: [
            {
              source: 'fleet',
              reason: 'clusters not synced: staging (syncing)',
            },
          ],
        }}
        canEvaluate={false}
        evaluating={false}
        onEvaluate={() => {}}
      />,
    );
    expect(
      screen.getByText(
        /fleet data was partial in this evaluation \(clusters not synced: staging \(syncing\)\)/,
      ),
    ).toBeInTheDocument();
  });
});
