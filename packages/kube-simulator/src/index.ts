/**
 * A Kubernetes API server simulator: several in-process clusters that
 * speak the real REST API (discovery, CRUD, watch, patch, server-side
 * apply, CRDs) over HTTP and HTTPS, with controllers that make workloads
 * behave, failure scenarios and fault injection. Used as CarePath's
 * embedded default cluster and for demos, tests and benchmarks.
 *
 * @packageDocumentation
 */

export { startKubeSimulator, parseFleet } from './startKubeSimulator';
export type {
  KubeSimulator,
  KubeSimulatorOptions,
  ClusterInfo,
  FleetSpec,
} from './startKubeSimulator';
export { SimulatedCluster } from './SimulatedCluster';
export type {
  SimulatedClusterOptions,
  ObjectReference,
  ScenarioRequest,
} from './SimulatedCluster';
export { defaultTokens } from './Authorizer';
export type { TokenGrant, TokenRole } from './Authorizer';
export { systemClock } from './Clock';
export type { Clock, TimerHandle } from './Clock';
export { ManualClock } from './ManualClock';
export { scenarioAnnotation, scenarioNames, isScenario } from './scenarios';
export type { Scenario } from './scenarios';
export { cloudNativePgCrds } from './crds/cloudNativePgCrds';
export { installCloudNativePgCrds } from './crds/installCloudNativePgCrds';
export { demoServices, demoClusterNames } from './fleet/seedDemoFleet';
export type { DemoService } from './fleet/DemoService';
export { kubeconfigFor } from './kubeconfigFor';
export type { KubeconfigCluster } from './kubeconfigFor';
export { StatusError } from './Status';
export type { StatusObject, StatusCause, StatusDetails } from './Status';
export { LabelSelector } from './LabelSelector';
export { FieldSelector } from './FieldSelector';
export type { Logger } from './Logger';
export { consoleLogger, silentLogger } from './Logger';
export type {
  KubeObject,
  ObjectMeta,
  OwnerReference,
  JsonObject,
  JsonValue,
} from './types';
export type { SimulationSettings } from './controllers/ControllerContext';
