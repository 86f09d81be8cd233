/** The annotation that puts a failure scenario on a workload or pod. */
export const scenarioAnnotation = 'carepath.io/simulate';

/** The failure scenarios the simulator can play. */
export const scenarioNames = [
  'crashloop',
  'image-pull',
  'oom',
  'readiness-failing',
  'unschedulable',
  'rollout-stuck',
  'hpa-max',
] as const;

/** One failure scenario. */
export type Scenario = (typeof scenarioNames)[number];

/** Whether a string names a known scenario. */
export function isScenario(value: unknown): value is Scenario {
  return (
    typeof value === 'string' &&
    (scenarioNames as readonly string[]).includes(value)
  );
}
