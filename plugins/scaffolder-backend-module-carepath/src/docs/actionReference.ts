import type { TemplateAction } from '@backstage/plugin-scaffolder-node';

/**
 * Actions on an existing service. CarePath's permission policy lets a
 * developer run them only on services their group owns (the `entityRef`
 * input); its tests check it decides on exactly these.
 *
 * @public
 */
export const ownedServiceActionIds = [
  'carepath:database:provision',
  'carepath:database:rotate-credentials',
  'carepath:database:backup',
  'carepath:database:restore',
  'carepath:database:decommission',
  'carepath:kubernetes:scale',
  'carepath:catalog:lifecycle',
];

/** Where the generated reference sits in the README. */
export const referenceMarkers = {
  start:
    '<!-- action-reference:start (generated from the action schemas by src/docs/actionReference.test.ts) -->',
  end: '<!-- action-reference:end -->',
};

interface JsonSchema {
  type?: string | string[];
  enum?: unknown[];
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  default?: unknown;
  description?: string;
  anyOf?: JsonSchema[];
  additionalProperties?: JsonSchema | boolean;
}

function typeOf(schema: JsonSchema): string {
  if (schema.enum) return schema.enum.map(v => `\`${v}\``).join(' \\| ');
  if (schema.anyOf) return schema.anyOf.map(typeOf).join(' \\| ');
  if (schema.type === 'array') {
    return `array of ${schema.items ? typeOf(schema.items) : 'any'}`;
  }
  if (schema.type === 'object' && schema.properties) {
    return `object { ${Object.keys(schema.properties).join(', ')} }`;
  }
  if (Array.isArray(schema.type)) return schema.type.join(' \\| ');
  return schema.type ?? 'any JSON';
}

/** Table cell text, escaped as the Markdown formatter writes it. */
const cell = (text: string) =>
  text.replace(/\|/g, '\\|').replace(/\*/g, '\\*').replace(/\n/g, ' ');

function fields(schema: JsonSchema | undefined, withDefaults: boolean) {
  const required = new Set(schema?.required ?? []);
  return Object.entries(schema?.properties ?? {}).map(([name, field]) => {
    const columns = [
      `\`${name}\``,
      typeOf(field),
      required.has(name) ? 'yes' : 'no',
    ];
    if (withDefaults) {
      columns.push(
        field.default === undefined
          ? ''
          : `\`${cell(JSON.stringify(field.default))}\``,
      );
    }
    columns.push(cell(field.description ?? ''));
    return `| ${columns.join(' | ')} |`;
  });
}

function permissionOf(actionId: string): string {
  if (!ownedServiceActionIds.includes(actionId)) {
    return '`scaffolder.action.execute`: the platform team and developers (a golden-path step); never a compliance officer.';
  }
  const newService =
    actionId === 'carepath:database:provision'
      ? ', or `owner` is one of their groups for a service not in the catalog yet (an existing service must be owned by `owner`)'
      : '';
  return `\`scaffolder.action.execute\`: the platform team on any service; a developer only when \`entityRef\` names a service their group owns${newService}; never a compliance officer.`;
}

/** The README's action reference, rendered from the actions themselves. */
export function renderActionReference(actions: TemplateAction[]): string {
  const sections = [...actions]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map(action => {
      const input = action.schema?.input as JsonSchema | undefined;
      const output = action.schema?.output as JsonSchema | undefined;
      const outputs = fields(output, false);
      return [
        `#### \`${action.id}\``,
        '',
        action.description ?? '',
        '',
        '| input | type | required | default | description |',
        '| --- | --- | --- | --- | --- |',
        ...fields(input, true),
        '',
        ...(outputs.length
          ? [
              '| output | type | always | description |',
              '| --- | --- | --- | --- |',
              ...outputs,
            ]
          : ['No outputs.']),
        '',
        `Permission: ${permissionOf(action.id)}`,
      ].join('\n');
    });
  return [
    referenceMarkers.start,
    '',
    ...sections.flatMap(s => [s, '']),
    referenceMarkers.end,
  ].join('\n');
}

/**
 * The text with Markdown table cells trimmed and separator rows reduced, so
 * that a formatter's column alignment does not count as a difference.
 */
export function normaliseMarkdown(text: string): string {
  return text
    .split('\n')
    .map(line => {
      const trimmed = line.trim();
      if (!trimmed.startsWith('|')) return trimmed;
      const cells = trimmed
        .slice(1, -1)
        .split(/(?<!\\)\|/)
        .map(c => c.trim());
      return cells.every(c => /^:?-+:?$/.test(c))
        ? cells.map(() => '---').join('|')
        : cells.join('|');
    })
    .filter(line => line !== '')
    .join('\n');
}
