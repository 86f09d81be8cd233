import { Scenario } from '../scenarios';

/** One service of a seeded fleet and the objects it gets. */
export interface DemoService {
  name: string;
  namespace: string;
  /** The `app.kubernetes.io/part-of` system; empty for unregistered workloads. */
  system: string;
  kind: 'Deployment' | 'StatefulSet';
  replicas: number;
  image: string;
  clusters: string[];
  hpa?: { min: number; max: number };
  cronJob?: { name: string; schedule: string };
  daemonSet?: string;
  scenarios?: Record<string, Scenario>;
  /** The image a scenario rolls out instead (a tag that does not exist). */
  badImage?: string;
  /** Runs with the `default` ServiceAccount and a writable root filesystem. */
  complianceGaps?: boolean;
  pdb?: boolean;
  networkPolicy?: boolean;
  nodePort?: boolean;
  memory?: string;
  /** Use exactly these labels instead of the Backstage ones. */
  labelsOnly?: Record<string, string>;
}
