import { discoveryApiRef, useApi } from '@backstage/core-plugin-api';
import useAsync from 'react-use/esm/useAsync';
import { DemoIdentity } from './demoIdentities';

/**
 * Right after the portal starts, the catalog may not hold the demo users
 * yet and sign-in answers "User not found". Waits (up to a minute) until
 * the identity resolves, so the person sees "loading" instead of an error.
 */
export function useIdentityReady(identity: DemoIdentity | undefined) {
  const discovery = useApi(discoveryApiRef);
  return useAsync(async () => {
    if (!identity || identity.provider !== 'carepath-demo') return;
    const url = `${await discovery.getBaseUrl('auth')}/${
      identity.provider
    }/refresh`;
    for (let attempt = 0; attempt < 30; attempt++) {
      const response = await fetch(url, {
        headers: identity.headers,
        credentials: 'include',
      });
      if (response.status !== 404) return;
      await new Promise(resolve => setTimeout(resolve, 2000));
    }
    throw new Error(
      `${identity.title} is not in the catalog yet; check that examples/org.yaml is loaded, then reload the page`,
    );
  }, [identity?.key]);
}
