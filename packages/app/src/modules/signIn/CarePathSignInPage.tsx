import { useState } from 'react';
import {
  Content,
  Header,
  InfoCard,
  Page,
  Progress,
  ProxiedSignInPage,
  WarningPanel,
  SignInPage,
} from '@backstage/core-components';
import {
  configApiRef,
  IdentityApi,
  SignInPageProps,
  useApi,
} from '@backstage/core-plugin-api';
import { Button, Grid, Typography } from '@material-ui/core';
import { DemoIdentity, readDemoIdentities } from './demoIdentities';
import { useIdentityReady } from './useIdentityReady';
import { oidcAuthApiRef } from './oidcAuthApi';

const STORAGE_KEY = 'carepath.signIn.identity';

/** Forgets the chosen identity on sign-out, so the page asks again. */
function forgetOnSignOut(identity: IdentityApi): IdentityApi {
  return {
    getProfileInfo: () => identity.getProfileInfo(),
    getBackstageIdentity: () => identity.getBackstageIdentity(),
    getCredentials: () => identity.getCredentials(),
    signOut: async () => {
      window.localStorage.removeItem(STORAGE_KEY);
      await identity.signOut();
    },
  };
}

/**
 * CarePath's sign-in page. Production offers the organisation's identity
 * provider; the embedded default offers guest and one demo user per role.
 */
export function CarePathSignInPage(props: SignInPageProps) {
  const config = useApi(configApiRef);
  const identities = readDemoIdentities(config);
  const oidc = config.getOptionalBoolean('carepath.signIn.oidc') ?? false;
  const [chosen, setChosen] = useState<string | null>(() =>
    window.localStorage.getItem(STORAGE_KEY),
  );
  const identity = identities.find(i => i.key === chosen);
  const ready = useIdentityReady(identity);

  if (identity && ready.loading) {
    return (
      <Page themeId="home">
        <Header title="CarePath" subtitle={`Signing in as ${identity.title}`} />
        <Content>
          <Typography variant="body1" paragraph>
            Waiting for the catalog to load the demo users…
          </Typography>
          <Progress />
        </Content>
      </Page>
    );
  }
  if (identity && ready.error) {
    return (
      <Page themeId="home">
        <Header title="CarePath" />
        <Content>
          <WarningPanel
            title="Could not sign in"
            message={ready.error.message}
          />
          <Button
            variant="outlined"
            onClick={() => {
              window.localStorage.removeItem(STORAGE_KEY);
              setChosen(null);
            }}
          >
            Choose someone else
          </Button>
        </Content>
      </Page>
    );
  }
  if (identity) {
    return (
      <ProxiedSignInPage
        provider={identity.provider}
        headers={identity.headers}
        onSignInSuccess={result =>
          props.onSignInSuccess(forgetOnSignOut(result))
        }
      />
    );
  }
  if (identities.length === 0) {
    return (
      <SignInPage
        {...props}
        auto
        providers={
          oidc
            ? [
                {
                  id: 'oidc',
                  title: 'Sign in',
                  message: "With your organisation's identity provider",
                  apiRef: oidcAuthApiRef,
                },
              ]
            : []
        }
      />
    );
  }

  const choose = (key: DemoIdentity['key']) => {
    window.localStorage.setItem(STORAGE_KEY, key);
    setChosen(key);
  };
  return (
    <Page themeId="home">
      <Header
        title="CarePath"
        subtitle="The golden path for healthcare services"
      />
      <Content>
        <Typography variant="body1" paragraph>
          This portal runs on its embedded default. Choose who to be: each role
          sees and does what it would in production.
        </Typography>
        <Grid container spacing={3}>
          {identities.map(i => (
            <Grid item xs={12} sm={6} md={3} key={i.key}>
              <InfoCard title={i.title} subheader={i.role}>
                <Typography variant="body2" paragraph>
                  {i.description}
                </Typography>
                <Button
                  variant="contained"
                  color="primary"
                  onClick={() => choose(i.key)}
                  aria-label={`Sign in as ${i.title}`}
                >
                  {i.key === 'guest' ? 'Enter' : `Sign in as ${i.title}`}
                </Button>
              </InfoCard>
            </Grid>
          ))}
        </Grid>
      </Content>
    </Page>
  );
}
