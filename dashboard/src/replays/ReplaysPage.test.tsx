import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OPERATOR, ok, problem } from '../testing/fakeServer.js';
import { renderPage } from '../testing/renderPage.js';
import { ReplaysPage } from './ReplaysPage.js';

const BUILDING = {
  id: 'r-1', projection: 'admin_user_row', status: 'building', position: 250, target_position: 900, head_position: 1000,
  lag: 750, events_applied: 250, events_per_second: 125.5, eta_seconds: 6, requested: null, started_by: 'admin-1',
  started_at: '2026-01-05T10:00:00Z', updated_at: '2026-01-05T10:00:02Z', caught_up_at: null, finished_at: null,
  pause_millis: null, stale: false, error: null,
};
const CAUGHT_UP = { ...BUILDING, status: 'caught_up', position: 1000, lag: 0, eta_seconds: null,
  caught_up_at: '2026-01-05T10:00:08Z' };
const SWITCHED = { ...CAUGHT_UP, status: 'switched', finished_at: '2026-01-05T10:00:09Z', pause_millis: 86 };

describe('ReplaysPage', () => {
  it('progressWhenPolledThenLiveBarUntilCaughtUpThenSwitch', async () => {
    let current: object = BUILDING;
    const { server } = renderPage(<ReplaysPage pollMillis={20} />, {
      claims: OPERATOR, path: '/replays/r-1', pattern: 'replays/:replayId',
      routes: {
        'GET /api/admin/replays/projections/': ok([{ name: 'admin_user_row', tables: ['admin_user_row'],
          replayable: true, reason: null }]),
        'GET /api/admin/replays/': ok([]),
        'GET /api/admin/replays/r-1/': () => ok(current),
        'POST /api/admin/replays/r-1/switch/': () => ok(current = SWITCHED),
      },
    });

    const bar = await screen.findByRole('progressbar', { name: 'Log applied' });
    expect(bar.getAttribute('value')).toBe('250');
    expect(bar.getAttribute('max')).toBe('1000');
    const panel = screen.getByRole('region', { name: 'Replay of admin_user_row' });
    expect(within(panel).getByText('125.5')).toBeTruthy();
    expect(within(panel).getByText('750 events')).toBeTruthy();
    expect(within(panel).getByText('6 s')).toBeTruthy();
    expect((within(panel).getByRole('button', { name: 'Switch' }) as HTMLButtonElement).disabled).toBe(true);

    const pollsWhileBuilding = server.calls('GET /api/admin/replays/r-1/').length;
    await waitFor(() => expect(server.calls('GET /api/admin/replays/r-1/').length).toBeGreaterThan(pollsWhileBuilding));
    current = CAUGHT_UP;
    await waitFor(() => expect(bar.getAttribute('value')).toBe('1000'));
    const switchButton = within(panel).getByRole('button', { name: 'Switch' }) as HTMLButtonElement;
    expect(switchButton.disabled).toBe(false);
    fireEvent.click(switchButton);

    expect(await within(panel).findByText('Switched: the rebuilt read model is live.', { selector: '[role=status]' }))
      .toBeTruthy();
    expect(server.calls('POST /api/admin/replays/r-1/switch/')).toHaveLength(1);
    const polls = server.calls('GET /api/admin/replays/r-1/').length;
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(server.calls('GET /api/admin/replays/r-1/').length).toBeLessThanOrEqual(polls + 1);
  });

  it('abandonWhenConfirmedThenDeleted', async () => {
    const { server } = renderPage(<ReplaysPage pollMillis={20} />, {
      claims: OPERATOR, path: '/replays/r-1', pattern: 'replays/:replayId',
      routes: {
        'GET /api/admin/replays/projections/': ok([]),
        'GET /api/admin/replays/': ok([]),
        'GET /api/admin/replays/r-1/': ok(BUILDING),
        'DELETE /api/admin/replays/r-1/': ok({ ...BUILDING, status: 'abandoned', finished_at: '2026-01-05T10:00:03Z' }),
      },
    });
    fireEvent.click(await screen.findByRole('button', { name: 'Abandon' }));
    const dialog = screen.getByRole('dialog', { name: 'Abandon the replay of admin_user_row?' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Abandon replay' }));

    expect(await screen.findByText('The replay is abandoned; the live read model is untouched.')).toBeTruthy();
    expect(server.calls('DELETE /api/admin/replays/r-1/')).toHaveLength(1);
  });

  it('startWhenAlreadyRunningThenProblemSaid', async () => {
    renderPage(<ReplaysPage />, {
      claims: OPERATOR, path: '/replays', pattern: 'replays',
      routes: {
        'GET /api/admin/replays/projections/': ok([{ name: 'admin_user_row', tables: [], replayable: true, reason: null },
          { name: 'audit_entry', tables: [], replayable: false, reason: 'the log itself' }]),
        'GET /api/admin/replays/': ok([]),
        'POST /api/admin/replays/': problem(409, 'REPLAY_ALREADY_RUNNING', 'admin_user_row is being replayed.'),
      },
    });
    expect(await screen.findByText('No replay has run yet.')).toBeTruthy();
    const select = screen.getByLabelText('Read model');
    await waitFor(() => expect((within(select).getByRole('option', { name: /audit_entry/ }) as HTMLOptionElement)
      .disabled).toBe(true));
    fireEvent.change(select, { target: { value: 'admin_user_row' } });
    fireEvent.click(screen.getByRole('button', { name: 'Start replay' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('admin_user_row is being replayed.');
    expect(alert.textContent).toContain('REPLAY_ALREADY_RUNNING');
  });
});
