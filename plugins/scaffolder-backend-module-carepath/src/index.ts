/**
 * CarePath's platform-owned scaffolder actions: databases (provision,
 * credential rotation, backup, restore, decommission), Kubernetes apply and
 * scale, the compliance check and lifecycle changes, with the platform
 * records the compliance plugin reads; and the catalog module that shows
 * recorded lifecycles on entities.
 *
 * @packageDocumentation
 */

export { scaffolderModuleCarepath as default } from './module';
export { catalogModuleCarepathLifecycle } from './catalog/catalogModuleCarepathLifecycle';
export {
  RecordedLifecycleProcessor,
  recordedLifecycleAnnotation,
} from './catalog/RecordedLifecycleProcessor';
export { ownedServiceActionIds } from './docs/actionReference';
export { HttpRecordedLifecycles } from './catalog/RecordedLifecycles';
export type { RecordedLifecycles } from './catalog/RecordedLifecycles';
export { createDatabaseProvisionAction } from './actions/database/createDatabaseProvisionAction';
export { createRotateCredentialsAction } from './actions/database/createRotateCredentialsAction';
export { createDatabaseBackupAction } from './actions/database/createDatabaseBackupAction';
export { createDatabaseRestoreAction } from './actions/database/createDatabaseRestoreAction';
export { createDatabaseDecommissionAction } from './actions/database/createDatabaseDecommissionAction';
export type { DatabaseActionOptions } from './actions/database/DatabaseActionOptions';
export { createKubernetesApplyAction } from './actions/kubernetes/createKubernetesApplyAction';
export type { KubernetesActionOptions } from './actions/kubernetes/createKubernetesApplyAction';
export { createKubernetesScaleAction } from './actions/kubernetes/createKubernetesScaleAction';
export {
  createCatalogLifecycleAction,
  lifecycles,
} from './actions/catalog/createCatalogLifecycleAction';
export { createComplianceCheckAction } from './actions/compliance/createComplianceCheckAction';
export { readPlatformConfig } from './config/PlatformConfig';
export type {
  BackupConfig,
  DatabaseServerConfig,
  PlatformConfig,
} from './config/PlatformConfig';
export { PlatformRecordStore } from './records/PlatformRecordStore';
export type {
  BackupRecord,
  DatabaseProvider,
  LifecycleChange,
  ProvisionedDatabase,
} from './records/PlatformRecordStore';
