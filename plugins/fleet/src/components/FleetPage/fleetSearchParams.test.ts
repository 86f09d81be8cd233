import {
  fleetViewParams,
  parseFleetView,
  serviceQueryOf,
} from './fleetSearchParams';

describe('fleet view in the URL', () => {
  it('round-trips filters, search and sort', () => {
    const search =
      'owner=group%3Adefault%2Fradiology&dataClassification=phi&health=Degraded&health=Unknown&cluster=prod-west&q=pacs&sort=restarts&order=desc';
    const view = parseFleetView(new URLSearchParams(search));
    expect(view).toMatchObject({
      owner: ['group:default/radiology'],
      health: ['Degraded', 'Unknown'],
      cluster: ['prod-west'],
      dataClassification: ['phi'],
      q: 'pacs',
      sort: 'restarts',
      direction: 'desc',
    });
    expect(fleetViewParams(view).toString()).toBe(search);
  });

  it('drops values it does not understand', () => {
    const view = parseFleetView(
      new URLSearchParams(
        'health=Sad&dataClassification=secret&sort=colour&order=up',
      ),
    );
    expect(view.health).toEqual([]);
    expect(view.dataClassification).toEqual([]);
    expect(view.sort).toBeUndefined();
    expect(view.direction).toBeUndefined();
  });

  it('asks the backend for every matching service', () => {
    const view = parseFleetView(
      new URLSearchParams('system=pharmacy&q=%20rx%20'),
    );
    expect(serviceQueryOf(view)).toEqual({
      system: ['pharmacy'],
      q: 'rx',
      limit: 5000,
    });
  });
});
