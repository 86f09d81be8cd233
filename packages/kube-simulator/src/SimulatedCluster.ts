import { createServer as createHttpServer, Server } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import { Socket } from 'node:net';
import { applyDefaults, ServiceAddressAllocator } from './applyDefaults';
import { ApiServer, FaultSettings } from './ApiServer';
import { Authorizer, TokenGrant } from './Authorizer';
import {
  CertificateAuthority,
  KeyAndCertificate,
} from './CertificateAuthority';
import { Clock, formatTimestamp } from './Clock';
import { Controller } from './controllers/Controller';
import {
  ControllerContext,
  SimulatedNode,
  SimulationSettings,
} from './controllers/ControllerContext';
import { CronJobController } from './controllers/CronJobController';
import { CustomResourceDefinitionController } from './controllers/CustomResourceDefinitionController';
import { DaemonSetController } from './controllers/DaemonSetController';
import { DeploymentController } from './controllers/DeploymentController';
import { EndpointsController } from './controllers/EndpointsController';
import { EventRecorder } from './controllers/EventRecorder';
import { HorizontalPodAutoscalerController } from './controllers/HorizontalPodAutoscalerController';
import { JobController } from './controllers/JobController';
import { Kubelet } from './controllers/Kubelet';
import { NamespaceController } from './controllers/NamespaceController';
import { PodDisruptionBudgetController } from './controllers/PodDisruptionBudgetController';
import { ReplicaSetController } from './controllers/ReplicaSetController';
import { StatefulSetController } from './controllers/StatefulSetController';
import { FieldManager } from './FieldManager';
import { Logger } from './Logger';
import { ObjectStore, PropagationPolicy } from './ObjectStore';
import { ResourceRegistry } from './ResourceRegistry';
import { groupVersionOf, ResourceType } from './ResourceType';
import { isScenario, Scenario, scenarioAnnotation } from './scenarios';
import { StatusError } from './Status';
import { KubeObject } from './types';
import { validateObject } from './validateObject';
import { WatchHub } from './WatchHub';
import { WorkQueue } from './WorkQueue';

/** Options for one simulated cluster. */
export interface SimulatedClusterOptions {
  name: string;
  host: string;
  /** Plain HTTP port; 0 picks a free one. */
  httpPort: number;
  /** HTTPS port; 0 picks a free one; undefined serves no HTTPS. */
  httpsPort?: number;
  ca: CertificateAuthority;
  serverCertificate?: KeyAndCertificate;
  tokens: TokenGrant[];
  clock: Clock;
  logger: Logger;
  settings: SimulationSettings;
  historySize: number;
  bookmarkIntervalMs: number;
  maxBodyBytes: number;
  maxEvents: number;
  recordNormalEvents: boolean;
  nodeCount: number;
  /** Maintain Endpoints for Services (off for very large fleets). */
  maintainEndpoints?: boolean;
  random?: () => number;
}

/** Identifies one object for the library API. */
export interface ObjectReference {
  apiVersion: string;
  kind: string;
  namespace?: string;
  name: string;
}

/** Puts (or with `null`, clears) a failure scenario on a workload. */
export interface ScenarioRequest {
  namespace: string;
  kind: string;
  name: string;
  scenario: Scenario | null;
}

const rolloutScenarios = new Set<Scenario>([
  'rollout-stuck',
  'image-pull',
  'unschedulable',
]);

/**
 * One simulated Kubernetes cluster: its store, watch history, controllers,
 * API server with HTTP and HTTPS listeners, faults and scenarios.
 */
export class SimulatedCluster {
  readonly name: string;
  readonly registry = new ResourceRegistry();
  readonly hub: WatchHub;
  readonly store: ObjectStore;
  readonly faults: FaultSettings = { latencyMs: 0, errorRate: 0 };
  readonly nodes: SimulatedNode[];
  private readonly api: ApiServer;
  private readonly context: ControllerContext;
  private readonly controllers: Array<{
    controller: Controller;
    queue: WorkQueue;
  }> = [];
  private readonly servers: Array<{
    server: Server;
    port: number;
    scheme: 'http' | 'https';
  }> = [];
  private readonly sockets = new Set<Socket>();
  private readonly fieldManager = new FieldManager({ keyedLists: true });
  private unsubscribe: () => void = () => {};
  private running = false;
  private stopped = false;

  constructor(private readonly options: SimulatedClusterOptions) {
    this.name = options.name;
    this.hub = new WatchHub({ historySize: options.historySize });
    this.store = new ObjectStore({
      registry: this.registry,
      hub: this.hub,
      clock: options.clock,
    });
    let ipCounter = 10;
    let nodePortCounter = 30080;
    const allocator: ServiceAddressAllocator = {
      clusterIP: () => {
        const n = ipCounter++;
        return `10.96.${(n >> 8) & 255}.${n & 255}`;
      },
      nodePort: () => nodePortCounter++,
    };
    this.allocator = allocator;
    this.api = new ApiServer({
      clusterName: options.name,
      store: this.store,
      registry: this.registry,
      hub: this.hub,
      authorizer: new Authorizer(options.tokens),
      clock: options.clock,
      faults: this.faults,
      allocator,
      bookmarkIntervalMs: options.bookmarkIntervalMs,
      maxBodyBytes: options.maxBodyBytes,
      logger: options.logger,
      random: options.random,
    });
    this.nodes = Array.from({ length: options.nodeCount }, (_, i) => ({
      name: `${options.name}-worker-${i + 1}`,
      ip: `172.18.0.${i + 2}`,
      index: i,
    }));
    const eventType = this.registry.find('', 'v1', 'events')!;
    this.context = new ControllerContext({
      store: this.store,
      registry: this.registry,
      clock: options.clock,
      logger: options.logger,
      settings: options.settings,
      nodes: this.nodes,
      events: new EventRecorder({
        store: this.store,
        eventType,
        clock: options.clock,
        maxEvents: options.maxEvents,
        recordNormal: options.recordNormalEvents,
      }),
    });
    this.wireControllers();
    this.bootstrap();
  }

  private readonly allocator: ServiceAddressAllocator;

  private wireControllers(): void {
    const ctx = this.context;
    const add = (make: (enqueue: (key: string) => void) => Controller) => {
      const holder: { controller?: Controller } = {};
      const queue = new WorkQueue({
        name: () => `${this.name}/${holder.controller?.name}`,
        process: key => holder.controller!.reconcile(key),
        logger: this.options.logger,
      });
      const controller = make(key => queue.add(key));
      holder.controller = controller;
      this.controllers.push({ controller, queue });
    };
    add(() => new NamespaceController(ctx, this.options.ca.certPem));
    add(() => new CustomResourceDefinitionController(ctx));
    add(enqueue => new DeploymentController(ctx, enqueue));
    add(() => new ReplicaSetController(ctx));
    add(() => new StatefulSetController(ctx));
    add(() => new DaemonSetController(ctx));
    add(() => new JobController(ctx));
    add(enqueue => new CronJobController(ctx, enqueue));
    add(() => new HorizontalPodAutoscalerController(ctx));
    add(() => new PodDisruptionBudgetController(ctx));
    if (this.options.maintainEndpoints !== false)
      add(() => new EndpointsController(ctx));
    add(enqueue => new Kubelet(ctx, enqueue));
    this.unsubscribe = this.hub.subscribe(event => {
      if (
        event.storageKey === 'apiextensions.k8s.io/customresourcedefinitions'
      ) {
        // Synchronous, so the new resource is served as soon as the CRD exists.
        if (event.type === 'DELETED') {
          const removed = this.registry.unregisterCrd(
            event.object.metadata.name ?? '',
          );
          if (removed[0]) this.store.deleteAll(removed[0]);
        } else {
          this.registry.registerCrd(event.object);
        }
      }
      for (const { controller, queue } of this.controllers) {
        for (const key of controller.keysFor(event)) queue.add(key);
      }
    });
  }

  private bootstrap(): void {
    const nsType = this.typeOf('v1', 'Namespace');
    for (const ns of [
      'default',
      'kube-system',
      'kube-public',
      'kube-node-lease',
    ]) {
      this.store.create(nsType, {
        apiVersion: 'v1',
        kind: 'Namespace',
        metadata: { name: ns, labels: { 'kubernetes.io/metadata.name': ns } },
      });
    }
    const nodeType = this.typeOf('v1', 'Node');
    const created = formatTimestamp(this.options.clock.now());
    for (const node of this.nodes) {
      this.store.create(
        nodeType,
        {
          apiVersion: 'v1',
          kind: 'Node',
          metadata: {
            name: node.name,
            labels: {
              'kubernetes.io/hostname': node.name,
              'kubernetes.io/os': 'linux',
              'kubernetes.io/arch': 'amd64',
              'node.kubernetes.io/instance-type': 'm6i.2xlarge',
              'topology.kubernetes.io/zone': `zone-${String.fromCharCode(
                97 + node.index,
              )}`,
            },
          },
          spec: { podCIDR: `10.244.${node.index * 16}.0/20` },
          status: {
            capacity: {
              cpu: '8',
              memory: '32781380Ki',
              pods: '110',
              'ephemeral-storage': '103080204Ki',
            },
            allocatable: {
              cpu: '7910m',
              memory: '31631748Ki',
              pods: '110',
              'ephemeral-storage': '94998384074',
            },
            conditions: [
              {
                type: 'MemoryPressure',
                status: 'False',
                reason: 'KubeletHasSufficientMemory',
                message: 'kubelet has sufficient memory available',
                lastHeartbeatTime: created,
                lastTransitionTime: created,
              },
              {
                type: 'DiskPressure',
                status: 'False',
                reason: 'KubeletHasNoDiskPressure',
                message: 'kubelet has no disk pressure',
                lastHeartbeatTime: created,
                lastTransitionTime: created,
              },
              {
                type: 'PIDPressure',
                status: 'False',
                reason: 'KubeletHasSufficientPID',
                message: 'kubelet has sufficient PID available',
                lastHeartbeatTime: created,
                lastTransitionTime: created,
              },
              {
                type: 'Ready',
                status: 'True',
                reason: 'KubeletReady',
                message: 'kubelet is posting ready status',
                lastHeartbeatTime: created,
                lastTransitionTime: created,
              },
            ],
            addresses: [
              { type: 'InternalIP', address: node.ip },
              { type: 'Hostname', address: node.name },
            ],
            nodeInfo: {
              kubeletVersion: 'v1.32.0',
              kubeProxyVersion: 'v1.32.0',
              containerRuntimeVersion: 'containerd://1.7.24',
              kernelVersion: '6.8.0-1021-aws',
              osImage: 'Ubuntu 24.04.1 LTS',
              operatingSystem: 'linux',
              architecture: 'amd64',
              machineID: node.name,
              systemUUID: node.name,
              bootID: node.name,
            },
          },
        },
        { keepStatus: true },
      );
    }
    const svcType = this.typeOf('v1', 'Service');
    this.store.create(svcType, {
      apiVersion: 'v1',
      kind: 'Service',
      metadata: {
        name: 'kubernetes',
        namespace: 'default',
        labels: { component: 'apiserver', provider: 'kubernetes' },
      },
      spec: {
        type: 'ClusterIP',
        clusterIP: '10.96.0.1',
        clusterIPs: ['10.96.0.1'],
        ports: [
          { name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 },
        ],
        sessionAffinity: 'None',
        ipFamilies: ['IPv4'],
        ipFamilyPolicy: 'SingleStack',
        internalTrafficPolicy: 'Cluster',
      },
    });
  }

  /** Starts listening. Rejects with the listen error (e.g. EADDRINUSE). */
  async start(): Promise<void> {
    const { host } = this.options;
    const http = createHttpServer(this.api.listener);
    this.servers.push({
      server: http,
      port: this.options.httpPort,
      scheme: 'http',
    });
    if (
      this.options.httpsPort !== undefined &&
      this.options.serverCertificate
    ) {
      const https = createHttpsServer(
        {
          key: this.options.serverCertificate.keyPem,
          cert: this.options.serverCertificate.certPem,
        },
        this.api.listener,
      );
      this.servers.push({
        server: https,
        port: this.options.httpsPort,
        scheme: 'https',
      });
    }
    for (const entry of this.servers) {
      entry.server.on('connection', socket => {
        this.sockets.add(socket);
        socket.on('close', () => this.sockets.delete(socket));
      });
      entry.server.on('clientError', (error, socket) => {
        this.options.logger.warn('client error', {
          cluster: this.name,
          error: error.message,
        });
        if (socket.writable)
          socket.end('HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n');
        else socket.destroy();
      });
      entry.server.requestTimeout = 0;
      entry.port = await listen(entry.server, entry.port, host);
    }
    this.running = true;
  }

  /** The plain-HTTP base URL. */
  get url(): string {
    const http = this.servers.find(s => s.scheme === 'http');
    return `http://${this.options.host}:${http?.port ?? this.options.httpPort}`;
  }

  /** The HTTPS base URL, if HTTPS is served. */
  get httpsUrl(): string | undefined {
    const https = this.servers.find(s => s.scheme === 'https');
    return https ? `https://${this.options.host}:${https.port}` : undefined;
  }

  /** The CA certificate (base64 PEM) that verifies {@link SimulatedCluster.httpsUrl}. */
  get caData(): string {
    return this.options.ca.certData;
  }

  get tokens(): TokenGrant[] {
    return this.options.tokens;
  }

  /** The clock the cluster's controllers run on. */
  get clock(): Clock {
    return this.options.clock;
  }

  get isUp(): boolean {
    return this.running;
  }

  get openWatchCount(): number {
    return this.api.watchCount;
  }

  /** Adds latency to every request. */
  setLatency(ms: number): void {
    this.faults.latencyMs = Math.max(0, ms);
  }

  /** Answers this fraction of requests with a 500 Status. */
  setErrorRate(rate: number): void {
    this.faults.errorRate = Math.min(1, Math.max(0, rate));
  }

  /** Ends all open watch connections; returns how many were dropped. */
  dropWatches(): number {
    return this.api.dropWatches();
  }

  /**
   * Forgets watch history, as etcd compaction does: resuming a watch or
   * continuing a list from any earlier resourceVersion answers 410 Gone.
   */
  expireHistory(): void {
    this.hub.expire(this.store.advanceResourceVersion());
  }

  /** Closes the listeners and all connections; data is kept. */
  async down(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    const closing = this.servers.map(
      ({ server }) =>
        new Promise<void>(resolve => server.close(() => resolve())),
    );
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await Promise.all(closing);
  }

  /** Listens again on the same ports, with the same data. */
  async up(): Promise<void> {
    if (this.running || this.stopped) return;
    for (const entry of this.servers) {
      entry.port = await listen(entry.server, entry.port, this.options.host);
    }
    this.running = true;
  }

  /** Waits until the controllers have nothing left to do right now. */
  async settled(timeoutMs = 20_000): Promise<void> {
    const started = Date.now();
    let idleRounds = 0;
    while (idleRounds < 3 && Date.now() - started < timeoutMs) {
      await new Promise<void>(resolve => setImmediate(resolve));
      idleRounds = this.controllers.every(c => c.queue.idle)
        ? idleRounds + 1
        : 0;
    }
  }

  /** Changes the simulated kubelet and controller timings. */
  configure(settings: Partial<SimulationSettings>): void {
    Object.assign(this.options.settings, settings);
  }

  typeOf(apiVersion: string, kind: string): ResourceType {
    const type = this.registry.findByKind(apiVersion, kind);
    if (!type) {
      throw new StatusError({
        code: 404,
        message: `no matches for kind "${kind}" in version "${apiVersion}"`,
      });
    }
    return type;
  }

  /** A built-in workload type by kind, plural or short name, as kubectl accepts them. */
  private typeForKind(kind: string): ResourceType {
    const wanted = kind.toLowerCase();
    const type = this.registry
      .all()
      .filter(t => !t.customResource && t.group !== 'metrics.k8s.io')
      .find(
        t =>
          t.kind.toLowerCase() === wanted ||
          t.plural === wanted ||
          t.singular === wanted ||
          t.shortNames.includes(wanted),
      );
    if (!type) throw StatusError.badRequest(`unknown kind "${kind}"`);
    return type;
  }

  get(ref: ObjectReference): KubeObject | undefined {
    return this.store.get(
      this.typeOf(ref.apiVersion, ref.kind),
      ref.namespace,
      ref.name,
    );
  }

  list(options: {
    apiVersion: string;
    kind: string;
    namespace?: string;
  }): KubeObject[] {
    return this.store.list(
      this.typeOf(options.apiVersion, options.kind),
      options.namespace,
    );
  }

  /**
   * Creates an object as a client would (validated, defaulted, with
   * managedFields), or replaces it if it exists.
   */
  apply(
    obj: KubeObject,
    options: {
      fieldManager?: string;
      keepStatus?: boolean;
      creationTimestamp?: string;
    } = {},
  ): KubeObject {
    const type = this.typeOf(obj.apiVersion, obj.kind);
    const input = structuredClone(obj);
    input.metadata ??= {};
    if (type.namespaced) input.metadata.namespace ??= 'default';
    validateObject(type, input);
    if (!type.customResource) applyDefaults(input, this.allocator);
    const previous = this.store.get(
      type,
      input.metadata.namespace,
      input.metadata.name ?? '',
    );
    input.metadata.managedFields = this.fieldManager.recordUpdate({
      previous,
      next: input,
      manager: options.fieldManager ?? 'kube-simulator',
      apiVersion: groupVersionOf(type),
      time: formatTimestamp(this.options.clock.now()),
    });
    if (!previous)
      return this.store.create(type, input, {
        keepStatus: options.keepStatus,
        creationTimestamp: options.creationTimestamp,
      });
    delete input.metadata.resourceVersion;
    return this.store.update(type, input, { keepStatus: options.keepStatus });
  }

  delete(
    ref: ObjectReference,
    options: { propagation?: PropagationPolicy } = {},
  ): KubeObject {
    return this.store.delete(
      this.typeOf(ref.apiVersion, ref.kind),
      ref.namespace,
      ref.name,
      options,
    );
  }

  /**
   * Puts a failure scenario on a workload (or clears it with `null`) by
   * the `carepath.io/simulate` annotation. Scenarios that only show on new
   * pods (`rollout-stuck`, `image-pull`, `unschedulable`) also start a
   * rollout, as `kubectl rollout restart` would.
   */
  setScenario(request: ScenarioRequest): KubeObject {
    if (request.scenario !== null && !isScenario(request.scenario)) {
      throw StatusError.badRequest(
        `unknown scenario "${String(request.scenario)}"`,
      );
    }
    const type = this.typeForKind(request.kind);
    const existing = this.store.get(type, request.namespace, request.name);
    if (!existing)
      throw StatusError.notFound(type.plural, request.name, type.group);
    const next = structuredClone(existing);
    const annotations = { ...(next.metadata.annotations ?? {}) };
    if (request.scenario) annotations[scenarioAnnotation] = request.scenario;
    else delete annotations[scenarioAnnotation];
    next.metadata.annotations = annotations;
    if (Object.keys(annotations).length === 0) delete next.metadata.annotations;
    const template = (
      next.spec as
        | { template?: { metadata?: { annotations?: Record<string, string> } } }
        | undefined
    )?.template;
    if (
      request.scenario &&
      rolloutScenarios.has(request.scenario) &&
      template
    ) {
      template.metadata = {
        ...(template.metadata ?? {}),
        annotations: {
          ...(template.metadata?.annotations ?? {}),
          'kubectl.kubernetes.io/restartedAt': new Date(
            this.options.clock.now(),
          ).toISOString(),
        },
      };
    }
    return this.store.update(type, next);
  }

  /** Stops controllers, timers and listeners. Idempotent. */
  async stop(): Promise<void> {
    if (this.stopped) return;
    this.stopped = true;
    this.unsubscribe();
    for (const { controller, queue } of this.controllers) {
      queue.stop();
      controller.stop?.();
    }
    this.context.stop();
    this.api.dropWatches();
    await this.down();
  }
}

function listen(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    function onListening() {
      server.off('error', onError);
      const address = server.address();
      resolve(typeof address === 'object' && address ? address.port : port);
    }
    function onError(error: Error) {
      server.off('listening', onListening);
      reject(error);
    }
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}
