/**
 * The CarePath portal backend.
 *
 * Upstream plugins are limited to what CarePath's users need: catalog,
 * scaffolder, TechDocs, search, auth, permissions, kubernetes, events, signals
 * and notifications. CarePath's own plugins are added below them.
 */
import { createBackend } from '@backstage/backend-defaults';
import { catalogModuleCarepathAnnotations } from '@carepath/plugin-compliance-backend';
import { catalogModuleCarepathLifecycle } from '@carepath/plugin-scaffolder-backend-module-carepath';
import { authModuleCarepathDemo } from './modules/authModuleCarepathDemo';

const backend = createBackend();

// Serves the frontend bundle in production.
backend.add(import('@backstage/plugin-app-backend'));

// Sign-in: guest for the embedded default, OIDC in production (app-config.production.yaml).
backend.add(import('@backstage/plugin-auth-backend'));
backend.add(import('@backstage/plugin-auth-backend-module-guest-provider'));
backend.add(import('@backstage/plugin-auth-backend-module-oidc-provider'));
// Development only: act as one demo user per role (see examples/org.yaml).
backend.add(authModuleCarepathDemo);

// Catalog, with Template entities and processing errors in the logs.
backend.add(import('@backstage/plugin-catalog-backend'));
backend.add(
  import('@backstage/plugin-catalog-backend-module-scaffolder-entity-model'),
);
backend.add(import('@backstage/plugin-catalog-backend-module-logs'));

// Scaffolder: golden paths and day-2 templates.
backend.add(import('@backstage/plugin-scaffolder-backend'));
backend.add(import('@backstage/plugin-scaffolder-backend-module-github'));
backend.add(
  import('@backstage/plugin-scaffolder-backend-module-notifications'),
);

// TechDocs.
backend.add(import('@backstage/plugin-techdocs-backend'));

// Permissions: CarePath's role policy (developer, platform team, compliance officer).
backend.add(import('@backstage/plugin-permission-backend'));
backend.add(import('@carepath/plugin-permission-backend-module-carepath'));

// Search: PostgreSQL engine when the database is PostgreSQL, in-memory otherwise.
backend.add(import('@backstage/plugin-search-backend'));
backend.add(import('@backstage/plugin-search-backend-module-pg'));
backend.add(import('@backstage/plugin-search-backend-module-catalog'));
backend.add(import('@backstage/plugin-search-backend-module-techdocs'));

// Upstream Kubernetes plugin: the stock Kubernetes tab keeps working.
backend.add(import('@backstage/plugin-kubernetes-backend'));

// Events bus for catalog, scaffolder, notifications and signals.
backend.add(import('@backstage/plugin-events-backend'));

// Notifications, signals (live updates) and user settings.
backend.add(import('@backstage/plugin-notifications-backend'));
backend.add(import('@backstage/plugin-signals-backend'));
backend.add(import('@backstage/plugin-user-settings-backend'));

// CarePath: fleet health, platform-owned actions and compliance review.
backend.add(import('@carepath/plugin-fleet-backend'));
backend.add(import('@carepath/plugin-scaffolder-backend-module-carepath'));
backend.add(import('@carepath/plugin-compliance-backend'));
backend.add(catalogModuleCarepathAnnotations);
backend.add(catalogModuleCarepathLifecycle);

backend.start();
