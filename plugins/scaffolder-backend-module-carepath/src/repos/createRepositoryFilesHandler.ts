import type { HttpRouterService } from '@backstage/backend-plugin-api';
import type { LocalRepositories } from './LocalRepositories';

type Handler = Parameters<HttpRouterService['use']>[0];

/** Mounted under /api/scaffolder. */
export const repositoryFilesPath = '/carepath/repos';

const filePattern = /^\/carepath\/repos\/([^/]+)\/raw\/([^/]+)\/(.+)$/;

/**
 * `GET /api/scaffolder/carepath/repos/:name/raw/:ref/:path`: files of the
 * local repository store, read-only, so that the catalog can register and
 * refresh a published component's `catalog-info.yaml` through its URL
 * reader. That reader sends no Backstage token, so the route is open; it
 * exists only where `carepath.publishLocal` is configured (the embedded
 * default).
 */
export function createRepositoryFilesHandler(options: {
  repositories: LocalRepositories;
  httpRouter: HttpRouterService;
}): Handler {
  options.httpRouter.addAuthPolicy({
    path: repositoryFilesPath,
    allow: 'unauthenticated',
  });
  return (req, res, next) => {
    const match = req.method === 'GET' ? filePattern.exec(req.path) : null;
    if (!match) {
      next();
      return;
    }
    options.repositories
      .readFile({
        name: decodeURIComponent(match[1]),
        ref: decodeURIComponent(match[2]),
        filePath: decodeURIComponent(match[3]),
      })
      .then(content => {
        res.type('text/plain').send(content);
      })
      .catch(next);
  };
}
