/*
 * Regenerates src/controls/hipaaControlsYaml.ts from
 * src/controls/hipaa-controls.yaml, the single source of truth for the
 * shipped controls. The package is isomorphic and cannot read files at run
 * time, so the YAML text is embedded in a module. A test fails when the two
 * drift apart.
 *
 * Usage: node plugins/compliance-common/scripts/generateControlsModule.mjs
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const controlsDir = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  'src',
  'controls',
);
const yaml = readFileSync(join(controlsDir, 'hipaa-controls.yaml'), 'utf8');

/** Escapes text for the body of a template literal. */
function templateLiteral(text) {
  return text
    .replace(/\\/g, '\\\\')
    .replace(/`/g, '\\`')
    .replace(/\$\{/g, '\\${');
}

const moduleText = `// Generated from hipaa-controls.yaml by scripts/generateControlsModule.mjs.
// Do not edit: edit hipaa-controls.yaml and regenerate.

/**
 * The text of the shipped HIPAA controls file (\`hipaa-controls.yaml\`).
 * Load it with \`parseControls(hipaaControlsYaml, { source: hipaaControlsSource })\`.
 *
 * @public
 */
export const hipaaControlsYaml: string = \`${templateLiteral(yaml)}\`;

/**
 * The file name to report in errors and evidence for {@link hipaaControlsYaml}.
 *
 * @public
 */
export const hipaaControlsSource = 'hipaa-controls.yaml';
`;

writeFileSync(join(controlsDir, 'hipaaControlsYaml.ts'), moduleText);
