import { render, screen } from '@testing-library/react';
import App from './App';

describe('App', () => {
  it('opens on the sign-in page, offering guest and one demo user per role', async () => {
    process.env = {
      NODE_ENV: 'test',
      APP_CONFIG: [
        {
          data: {
            app: { title: 'CarePath' },
            carepath: {
              signIn: {
                guest: true,
                demoUsers: [
                  {
                    user: 'carol.compliance',
                    displayName: 'Carol Compliance',
                    role: 'Compliance officer',
                    description: 'Reviews every service.',
                  },
                ],
              },
            },
            backend: { baseUrl: 'http://localhost:7007' },
            techdocs: {
              storageUrl: 'http://localhost:7007/api/techdocs/static/docs',
            },
          },
          context: 'test',
        },
      ] as unknown as string,
    };

    render(App.createRoot());

    expect(
      await screen.findByRole(
        'button',
        { name: 'Sign in as Guest' },
        { timeout: 20_000 },
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('CarePath')).toBeInTheDocument();
    expect(
      screen.getByRole('button', { name: 'Sign in as Carol Compliance' }),
    ).toBeInTheDocument();
  }, 30_000);
});
