import { healthStatuses } from '@carepath/plugin-fleet-common';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { HealthChip } from './HealthChip';

describe('HealthChip', () => {
  it.each(healthStatuses)('shows %s as text, not colour alone', status => {
    render(<HealthChip status={status} />);
    expect(screen.getByText(status)).toBeInTheDocument();
  });

  it('names its subject and shows the message on click', async () => {
    render(
      <HealthChip
        status="Degraded"
        subject="prod-west"
        message="2 of 3 pods CrashLoopBackOff"
      />,
    );
    const chip = screen.getByRole('button', { name: 'prod-west: Degraded' });
    await userEvent.click(chip);
    expect(
      await screen.findByRole('tooltip', {
        name: '2 of 3 pods CrashLoopBackOff',
      }),
    ).toBeInTheDocument();
  });
});
