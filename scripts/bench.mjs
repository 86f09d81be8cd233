#!/usr/bin/env node
// `yarn bench`: runs every benchmark in turn, prints each one's figures and
// writes its JSON to bench-results/<name>.json (git-ignored).
// Benchmarks are files named src/bench/*.bench.ts in any package.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const transform = require.resolve('@backstage/cli/config/nodeTransform.cjs');
const outDir = path.join(root, 'bench-results');
const only = process.argv.slice(2);

const benchmarks = [];
for (const group of ['packages', 'plugins']) {
  for (const pkg of readdirSync(path.join(root, group))) {
    const dir = path.join(root, group, pkg, 'src', 'bench');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).filter(f => f.endsWith('.bench.ts'))) {
      const name = `${pkg}.${file.replace(/\.bench\.ts$/, '')}`;
      if (only.length === 0 || only.some(o => name.includes(o))) {
        benchmarks.push({ name, file: path.join(dir, file) });
      }
    }
  }
}
if (benchmarks.length === 0) {
  process.stderr.write(
    `No benchmark matches ${only.join(', ') || 'anything'}.\n`,
  );
  process.exit(1);
}

mkdirSync(outDir, { recursive: true });
let failed = 0;
for (const { name, file } of benchmarks) {
  const out = path.join(outDir, `${name}.json`);
  process.stdout.write(`\n=== ${name} (${path.relative(root, file)})\n`);
  const started = Date.now();
  const result = spawnSync(
    process.execPath,
    ['--expose-gc', '--require', transform, file, '--out', out],
    { cwd: root, stdio: 'inherit' },
  );
  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (result.status === 0) {
    process.stdout.write(
      `=== ${name}: done in ${seconds}s, figures in ${path.relative(
        root,
        out,
      )}\n`,
    );
  } else {
    failed += 1;
    process.stdout.write(
      `=== ${name}: FAILED (exit ${result.status}) after ${seconds}s\n`,
    );
  }
}
process.exit(failed ? 1 : 0);
